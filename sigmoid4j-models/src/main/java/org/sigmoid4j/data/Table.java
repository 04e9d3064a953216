package org.sigmoid4j.data;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a CSV file is before any modelling decision: the names of the numeric columns that were
 * selected, their values in one contiguous row-major array ({@code rows × numericNames.size()}),
 * the raw text of the columns read as text (typically the target), the physical line number of
 * each kept row (for messages), the columns of the file that were ignored, how many rows
 * {@code --drop-invalid} dropped, and the SHA-256 of the file's bytes when it was asked for
 * ({@code null} otherwise; what {@code sha256sum FILE} prints).
 *
 * <p>The array is not copied: callers that need to keep the table unchanged copy it themselves.
 */
public record Table(
        String source,
        List<String> numericNames,
        double[] data,
        int rows,
        Map<String, String[]> text,
        long[] lines,
        List<String> ignoredColumns,
        int droppedRows,
        String sha256) {

    public Table {
        Objects.requireNonNull(source);
        numericNames = List.copyOf(numericNames);
        ignoredColumns = List.copyOf(ignoredColumns);
        text = Map.copyOf(text);
        if (data.length != (long) rows * numericNames.size()) {
            throw new IllegalArgumentException("data has " + data.length + " values, expected "
                    + rows + " x " + numericNames.size());
        }
        if (lines.length != rows) {
            throw new IllegalArgumentException("lines has " + lines.length + " entries, expected " + rows);
        }
    }

    public int cols() {
        return numericNames.size();
    }

    /** Value of numeric column {@code c} in row {@code r}. */
    public double get(int r, int c) {
        return data[r * numericNames.size() + c];
    }

    /** The raw text of a column read as text, or an exception naming the column. */
    public String[] textColumn(String name) {
        String[] t = text.get(name);
        if (t == null) {
            throw new IllegalArgumentException("column '" + name + "' was not read as text");
        }
        return t;
    }

    /** The physical line (1-based, the header is line 1) of row {@code r}, for messages. */
    public long line(int r) {
        return lines[r];
    }
}
