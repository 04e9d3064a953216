package org.sigmoid4j.data;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;
import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvParseException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a CSV file with a header into a {@link Table} in one streaming pass.
 *
 * <ul>
 *   <li>Columns are chosen by name ({@link Columns}); the selected numeric columns go into one
 *       contiguous row-major {@code double[]}, in the order the selection asks for (so a model's
 *       features come out in the model's order whatever the file's order); text columns (the
 *       target) keep their raw text; other columns are ignored and listed in the table.
 *   <li>Tokenising is FastCSV's (RFC 4180: quoted fields, quotes inside quotes, quoted line
 *       breaks, {@code \n} or {@code \r\n}); any one-character delimiter; UTF-8 with or without
 *       a byte-order mark; {@code .gz} files are decompressed on the fly. Blank lines are skipped.
 *   <li>Numbers: decimal syntax {@code [+-]digits[.digits][(e|E)[+-]digits]}, surrounding spaces
 *       allowed. The value is exactly {@link Double#parseDouble} of the text (FastDoubleParser,
 *       which is correctly rounded; {@code CsvNumberParsingTest} checks it bit for bit). NaN,
 *       infinities, values that overflow to infinity, empty and non-numeric cells are errors
 *       naming the file, line, column and text, unless {@link Options#dropInvalid()} asks to drop
 *       such rows (they are then counted in {@link Table#droppedRows()}).
 * </ul>
 *
 * <p>Measured on a 1,000,000 × 100 file (see {@code ./sigmoid4j bench csv}): FastCSV's callback
 * API with FastDoubleParser on its {@code char[]} buffer was faster than a hand-written byte
 * parser, so the library is used.
 */
public final class CsvReader {

    /** Reading options. {@code progress} receives the number of (compressed) bytes read so far. */
    public record Options(char delimiter, boolean dropInvalid, boolean sha256, LongConsumer progress) {
        public static Options defaults() {
            return new Options(',', false, false, null);
        }

        public Options withDelimiter(char d) {
            return new Options(d, dropInvalid, sha256, progress);
        }

        public Options withDropInvalid(boolean b) {
            return new Options(delimiter, b, sha256, progress);
        }

        public Options withSha256(boolean b) {
            return new Options(delimiter, dropInvalid, b, progress);
        }

        public Options withProgress(LongConsumer p) {
            return new Options(delimiter, dropInvalid, sha256, p);
        }
    }

    /** Which columns to read, decided from the header. */
    public interface Columns {
        /**
         * @param header the file's column names, in file order (checked: non-empty, unique)
         * @return the plan, or a {@link DataException} naming what is missing
         */
        Plan plan(List<String> header, String source);

        /** Every column numeric (no target). */
        static Columns allNumeric() {
            return (header, source) -> new Plan(header, List.of(), List.of());
        }

        /** Every column numeric except {@code target}, which is read as text and must exist. */
        static Columns allExcept(String target) {
            return allExcept(target, List.of());
        }

        /**
         * Every column numeric except {@code target} (read as text, must exist) and the
         * {@code excluded} columns (ignored; each must exist, to catch typos).
         */
        static Columns allExcept(String target, List<String> excluded) {
            return (header, source) -> {
                if (!header.contains(target)) {
                    throw new DataException(source + ": no target column '" + target + "'; the columns are: "
                            + String.join(", ", header));
                }
                for (String e : excluded) {
                    if (!header.contains(e)) {
                        throw new DataException(source + ": no column '" + e + "' to exclude; the columns are: "
                                + abbreviate(header));
                    }
                }
                List<String> numeric = new ArrayList<>(header);
                numeric.remove(target);
                numeric.removeAll(excluded);
                if (numeric.isEmpty()) {
                    throw new DataException(source + ": no feature columns are left besides the target '" + target + "'");
                }
                return new Plan(numeric, List.of(target), excluded);
            };
        }

        /**
         * Exactly {@code features} (numeric, in this order) and, if {@code target} is not null, the
         * target as text. Other columns are ignored and reported. A missing feature (or a missing
         * target when {@code targetRequired}) is one error listing all missing columns.
         */
        static Columns of(List<String> features, String target, boolean targetRequired) {
            return (header, source) -> {
                List<String> missing = new ArrayList<>();
                for (String f : features) {
                    if (!header.contains(f)) {
                        missing.add(f);
                    }
                }
                boolean hasTarget = target != null && header.contains(target);
                if (target != null && targetRequired && !hasTarget) {
                    missing.add(target + " (the target)");
                }
                if (!missing.isEmpty()) {
                    throw new DataException(source + ": missing column" + (missing.size() > 1 ? "s" : "") + " "
                            + String.join(", ", missing) + " (the model needs " + features.size()
                            + " features, matched by name; the file has: " + abbreviate(header) + ")");
                }
                List<String> ignored = new ArrayList<>();
                for (String h : header) {
                    if (!features.contains(h) && !(hasTarget && h.equals(target))) {
                        ignored.add(h);
                    }
                }
                return new Plan(features, hasTarget ? List.of(target) : List.of(), ignored);
            };
        }
    }

    /** Numeric columns (in output order), text columns, and ignored columns, all by name. */
    public record Plan(List<String> numeric, List<String> text, List<String> ignored) {}

    private CsvReader() {}

    /** Reads a file; a name ending in {@code .gz} is decompressed. */
    public static Table read(Path file, Columns columns, Options options) {
        String source = file.toString();
        long size;
        InputStream in;
        try {
            if (Files.isDirectory(file)) {
                throw new DataException(source + ": is a directory, not a CSV file");
            }
            size = Files.size(file);
            in = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new DataException(source + ": no such file");
        } catch (IOException e) {
            throw new DataException(source + ": cannot be read (" + e.getMessage() + ")");
        }
        return read(in, source, size, file.getFileName().toString().endsWith(".gz"), columns, options);
    }

    /**
     * Reads a stream (closed at the end). {@code source} names it in messages; {@code size} is its
     * length in bytes if known (for progress and for sizing the array), else -1.
     */
    public static Table read(InputStream raw, String source, long size, boolean gzip, Columns columns, Options options) {
        MessageDigest digest = null;
        if (options.sha256()) {
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("the JDK has no SHA-256", e);
            }
        }
        Counting counting = new Counting(raw, options.progress());
        InputStream in = digest != null ? new DigestInputStream(counting, digest) : counting;
        Handler h = new Handler(source, columns, options, gzip ? -1 : size, counting);
        try (InputStream stream = gzip ? new GZIPInputStream(in, 1 << 16) : in;
             var reader = de.siegmar.fastcsv.reader.CsvReader.builder()
                     .fieldSeparator(options.delimiter())
                     .skipEmptyLines(true)
                     .allowExtraFields(true)
                     .allowMissingFields(true)
                     .detectBomHeader(true)
                     .build(h, stream, StandardCharsets.UTF_8)) {
            var it = reader.iterator();
            while (it.hasNext()) {
                it.next();
            }
        } catch (DataException e) {
            throw e;
        } catch (ZipException e) {
            throw new DataException(source + ": not a valid gzip file (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new DataException(source + ": read error (" + e.getMessage() + ")");
        } catch (CsvParseException | UncheckedIOException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof DataException d) {
                    throw d;
                }
                if (t instanceof ZipException z) {
                    throw new DataException(source + ": not a valid gzip file (" + z.getMessage() + ")");
                }
            }
            throw new DataException(source + ": malformed CSV (" + rootMessage(e) + ")");
        }
        return h.finish(digest == null ? null : HexFormat.of().formatHex(digest.digest()));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    static String abbreviate(List<String> names) {
        if (names.size() <= 12) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, 10)) + ", ... (" + names.size() + " columns)";
    }

    /**
     * Parses one cell as exactly {@code Double.parseDouble} would, but only decimal syntax: returns
     * NaN for anything else (empty, letters, hex, "NaN", "Infinity", Java's "1d" suffix).
     */
    static double parseNumber(char[] b, int off, int len) {
        while (len > 0 && (b[off] == ' ' || b[off] == '\t')) {
            off++;
            len--;
        }
        while (len > 0 && (b[off + len - 1] == ' ' || b[off + len - 1] == '\t')) {
            len--;
        }
        if (len == 0) {
            return Double.NaN;
        }
        boolean digit = false;
        for (int i = off, end = off + len; i < end; i++) {
            char c = b[i];
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
                return Double.NaN;
            }
        }
        if (!digit) {
            return Double.NaN;
        }
        try {
            return JavaDoubleParser.parseDouble(b, off, len);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Parses one cell given as a string, with the same rules as the reader. */
    public static double parseNumber(String s) {
        return parseNumber(s.toCharArray(), 0, s.length());
    }

    /** Why {@code text} is not a usable number (it failed {@link #parseNumber} or is infinite). */
    static String whyInvalid(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return "missing value (empty cell)";
        }
        String lower = t.toLowerCase(java.util.Locale.ROOT);
        if (lower.matches("[+-]?(nan|inf|infinity)")) {
            return "'" + text + "' is NaN or infinite; only finite numbers are allowed";
        }
        double v = parseNumber(text);
        if (Double.isInfinite(v)) {
            return "'" + text + "' overflows to infinity; only finite numbers are allowed";
        }
        return "'" + text + "' is not a number";
    }

    private static final class Counting extends FilterInputStream {
        private final LongConsumer progress;
        long count;
        private long lastReport;

        Counting(InputStream in, LongConsumer progress) {
            super(in);
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(int n) {
            count += n;
            if (progress != null && count - lastReport >= (1 << 22)) {
                lastReport = count;
                progress.accept(count);
            }
        }

        void done() {
            if (progress != null) {
                progress.accept(count);
            }
        }
    }

    /** Receives FastCSV's fields straight from its char buffer: no String per numeric cell. */
    private static final class Handler extends AbstractBaseCsvCallbackHandler<Handler> {
        private final String source;
        private final Columns columns;
        private final boolean dropInvalid;
        private final long size;
        private final Counting counting;

        private boolean header = true;
        private final List<String> headerNames = new ArrayList<>();
        private Plan plan;
        /** Per file column: numeric slot (>= 0), text slot (-2 - k) or ignored (-1). */
        private int[] role;
        private int d;
        private double[] data = new double[0];
        private long[] lines = new long[0];
        private String[][] texts;
        private int rows;
        private int dropped;
        private String firstDropReason;
        private String rowError;
        private long line;

        Handler(String source, Columns columns, Options options, long size, Counting counting) {
            this.source = source;
            this.columns = columns;
            this.dropInvalid = options.dropInvalid();
            this.size = size;
            this.counting = counting;
        }

        @Override
        protected void handleBegin(long startingLineNumber) {
            line = startingLineNumber;
            rowError = null;
            if (!header && rows == lines.length) {
                grow();
            }
        }

        @Override
        protected void handleField(int idx, char[] buf, int offset, int len, boolean quoted) {
            if (header) {
                headerNames.add(new String(buf, offset, len).strip());
                return;
            }
            if (idx >= role.length) {
                return; // ragged: reported in buildRecord
            }
            int r = role[idx];
            if (r >= 0) {
                double v = parseNumber(buf, offset, len);
                if (Double.isNaN(v) || Double.isInfinite(v)) {
                    invalid(idx, new String(buf, offset, len));
                    v = 0;
                }
                data[rows * d + r] = v;
            } else if (r < -1) {
                texts[-2 - r][rows] = new String(buf, offset, len);
            }
        }

        private void invalid(int idx, String text) {
            String msg = where() + ", column '" + headerNames.get(idx) + "': " + whyInvalid(text);
            if (!dropInvalid) {
                throw new DataException(msg + " (use --drop-invalid to skip such rows)");
            }
            if (rowError == null) {
                rowError = msg;
            }
        }

        private String where() {
            return source + ", line " + line;
        }

        @Override
        protected Handler buildRecord() {
            if (getRecordType() != de.siegmar.fastcsv.reader.RecordType.DATA) {
                return this;
            }
            if (header) {
                header = false;
                startData();
                return this;
            }
            int n = getFieldCount();
            if (n != headerNames.size()) {
                String msg = where() + ": " + n + " field" + (n == 1 ? "" : "s") + ", but the header has "
                        + headerNames.size() + " columns";
                if (!dropInvalid) {
                    throw new DataException(msg + " (use --drop-invalid to skip such rows)");
                }
                if (rowError == null) {
                    rowError = msg;
                }
            }
            if (rowError != null) {
                dropped++;
                if (firstDropReason == null) {
                    firstDropReason = rowError;
                }
                return this;
            }
            lines[rows] = line;
            rows++;
            if (rows == 256 && size > 0) {
                // size the arrays from the bytes per row seen so far (+10%), to avoid regrowth
                double perRow = Math.max(1.0, (double) counting.count / (rows + 1));
                long estimate = (long) (size / perRow * 1.1) + 1024;
                if (estimate > lines.length) {
                    resize((int) Math.min(estimate, Integer.MAX_VALUE / Math.max(1, d) - 8));
                }
            }
            return this;
        }

        private void startData() {
            if (headerNames.isEmpty() || (headerNames.size() == 1 && headerNames.get(0).isEmpty())) {
                throw new DataException(source + ": the header line is empty");
            }
            Set<String> seen = new LinkedHashSet<>();
            Set<String> dup = new LinkedHashSet<>();
            for (int i = 0; i < headerNames.size(); i++) {
                String n = headerNames.get(i);
                if (n.isEmpty()) {
                    throw new DataException(source + ", line " + line + ": column " + (i + 1) + " of the header has no name");
                }
                if (!seen.add(n)) {
                    dup.add(n);
                }
            }
            if (!dup.isEmpty()) {
                throw new DataException(source + ", line " + line + ": duplicate column name"
                        + (dup.size() > 1 ? "s " : " ") + String.join(", ", dup) + " in the header");
            }
            plan = columns.plan(List.copyOf(headerNames), source);
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < headerNames.size(); i++) {
                index.put(headerNames.get(i), i);
            }
            role = new int[headerNames.size()];
            Arrays.fill(role, -1);
            d = plan.numeric().size();
            for (int k = 0; k < d; k++) {
                role[index.get(plan.numeric().get(k))] = k;
            }
            texts = new String[plan.text().size()][];
            for (int k = 0; k < plan.text().size(); k++) {
                role[index.get(plan.text().get(k))] = -2 - k;
                texts[k] = new String[0];
            }
            resize(1024);
        }

        private void grow() {
            long next = Math.max(1024L, (long) lines.length + (lines.length >> 1));
            long max = Integer.MAX_VALUE / Math.max(1, d) - 8;
            if (lines.length >= max) {
                throw new DataException(source + ": too many rows for one array (" + rows + " rows of " + d + " columns)");
            }
            resize((int) Math.min(next, max));
        }

        private void resize(int capacity) {
            data = Arrays.copyOf(data, capacity * d);
            lines = Arrays.copyOf(lines, capacity);
            for (int k = 0; k < texts.length; k++) {
                texts[k] = Arrays.copyOf(texts[k], capacity);
            }
        }

        Table finish(String sha256) {
            counting.done();
            if (header) {
                throw new DataException(source + ": the file is empty (no header line)");
            }
            if (rows == 0) {
                if (dropped > 0) {
                    throw new DataException(source + ": all " + dropped + " data rows are invalid; the first: " + firstDropReason);
                }
                throw new DataException(source + ": the file has a header but no data rows");
            }
            Map<String, String[]> text = new LinkedHashMap<>();
            for (int k = 0; k < texts.length; k++) {
                text.put(plan.text().get(k), texts[k].length == rows ? texts[k] : Arrays.copyOf(texts[k], rows));
            }
            double[] x = data.length == rows * d ? data : Arrays.copyOf(data, rows * d);
            data = null;
            return new Table(source, plan.numeric(), x, rows, text,
                    lines.length == rows ? lines : Arrays.copyOf(lines, rows), plan.ignored(), dropped, sha256);
        }
    }
}
