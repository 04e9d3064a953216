package org.sigmoid4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongConsumer;
import org.sigmoid4j.data.CsvReader;
import org.sigmoid4j.data.Table;
import picocli.CommandLine.Option;

/** How to read CSV files: {@code --delimiter}, {@code --drop-invalid}. */
final class DataOptions {
    @Option(names = "--delimiter", paramLabel = "C", defaultValue = ",",
            description = "Field delimiter, one character (default: ${DEFAULT-VALUE}); 'tab' or '\\t' for tabs.")
    String delimiter;

    @Option(names = "--drop-invalid",
            description = "Drop rows with missing, non-numeric, NaN or infinite cells or the wrong number of fields, and report how many; by default such a row is an error.")
    boolean dropInvalid;

    char delimiterChar() {
        String d = delimiter;
        if (d.equals("tab") || d.equals("\\t")) {
            return '\t';
        }
        if (d.length() != 1 || d.charAt(0) == '"' || d.charAt(0) == '\n' || d.charAt(0) == '\r') {
            throw new UsageException("--delimiter must be one character other than a quote or line break, got '" + d + "'");
        }
        return d.charAt(0);
    }

    CsvReader.Options options(boolean sha256) {
        return CsvReader.Options.defaults().withDelimiter(delimiterChar()).withDropInvalid(dropInvalid).withSha256(sha256);
    }

    /** Reads a file with a progress bar for big files, and reports dropped and ignored columns. */
    Table read(Path file, CsvReader.Columns columns, boolean sha256, Messages msg) {
        long size = -1;
        try {
            size = Files.size(file);
        } catch (java.io.IOException | RuntimeException e) {
            // the reader reports a missing file
        }
        try (Progress p = msg.progress("reading " + file.getFileName(), size, "B")) {
            LongConsumer progress = p::update;
            Table t = CsvReader.read(file, columns, options(sha256).withProgress(progress));
            report(t, msg);
            return t;
        }
    }

    static void report(Table t, Messages msg) {
        if (t.droppedRows() > 0) {
            msg.warn(t.source() + ": dropped " + t.droppedRows() + " invalid row" + (t.droppedRows() == 1 ? "" : "s")
                    + " (--drop-invalid); kept " + t.rows());
        }
        if (!t.ignoredColumns().isEmpty()) {
            msg.detail(t.source() + ": ignoring " + t.ignoredColumns().size() + " column"
                    + (t.ignoredColumns().size() == 1 ? "" : "s") + " the model does not use: "
                    + String.join(", ", t.ignoredColumns()));
        }
        msg.detail(t.source() + ": " + t.rows() + " rows, " + t.cols() + " numeric columns read");
    }
}
