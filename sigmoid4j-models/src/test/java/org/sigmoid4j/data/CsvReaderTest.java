package org.sigmoid4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sigmoid4j.testkit.SharedFiles;

class CsvReaderTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private static Table read(Path p, String target) {
        return CsvReader.read(p, CsvReader.Columns.allExcept(target), CsvReader.Options.defaults());
    }

    private static String error(Path p, String target, CsvReader.Options o) {
        return assertThrows(DataException.class, () -> CsvReader.read(p, CsvReader.Columns.allExcept(target), o)).getMessage();
    }

    @Test
    void spambaseAsTheDataReadmeDescribesIt() throws Exception {
        Path file = SharedFiles.resolve("data/spambase.csv");
        Table t = CsvReader.read(file, CsvReader.Columns.allExcept("label"), CsvReader.Options.defaults().withSha256(true));
        assertEquals(4601, t.rows());
        assertEquals(57, t.cols());
        assertEquals("make", t.numericNames().get(0));
        assertEquals("capitalTotal", t.numericNames().get(56));
        String[] y = t.textColumn("label");
        assertEquals(1813, Arrays.stream(y).filter("1"::equals).count());
        assertEquals(2788, Arrays.stream(y).filter("0"::equals).count());
        // every value equals Double.parseDouble of its text, in row-major order
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < t.rows(); i++) {
            String[] cells = lines.get(i + 1).split(",");
            for (int j = 0; j < 57; j++) {
                assertEquals(Double.parseDouble(cells[j]), t.data()[i * 57 + j]);
            }
            assertEquals(i + 2, t.line(i));
        }
        assertEquals(15841.0, Arrays.stream(t.data()).max().orElseThrow()); // README: values range 0..15841
        byte[] sha = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
        assertEquals(HexFormat.of().formatHex(sha), t.sha256());
    }

    @Test
    void gzippedMnistAsTheDataReadmeDescribesIt() {
        Path file = SharedFiles.resolve("data/mnist-10k.csv.gz");
        Table t = CsvReader.read(file, CsvReader.Columns.allExcept("label"), CsvReader.Options.defaults());
        assertEquals(10000, t.rows());
        assertEquals(784, t.cols());
        int[] counts = new int[10];
        for (String s : t.textColumn("label")) {
            counts[Integer.parseInt(s)]++;
        }
        assertArrayEquals(new int[] {1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978}, counts);
        assertTrue(Arrays.stream(t.data()).allMatch(v -> v >= 0 && v <= 255 && v == Math.rint(v)));
    }

    @Test
    void quotedFieldsCrlfBomDelimiterAndColumnOrder() throws IOException {
        Path p = dir.resolve("q.csv");
        Files.write(p, ("\uFEFFid;\"b\";a;y\r\n" + "\"row \"\"one\"\"\nspans lines\";\"2.5\";1e-3;yes\r\n\r\n" + "r2; -3 ;4;no\r\n")
                .getBytes(StandardCharsets.UTF_8));
        Table t = CsvReader.read(p, CsvReader.Columns.of(List.of("a", "b"), "y", true),
                CsvReader.Options.defaults().withDelimiter(';'));
        assertEquals(List.of("a", "b"), t.numericNames());
        assertArrayEquals(new double[] {1e-3, 2.5, 4, -3}, t.data());
        assertArrayEquals(new String[] {"yes", "no"}, t.textColumn("y"));
        assertEquals(List.of("id"), t.ignoredColumns());
        assertArrayEquals(new long[] {2, 5}, t.lines());
        assertNull(t.sha256());
    }

    @Test
    void gzipIsDetectedByName() throws IOException {
        Path p = dir.resolve("small.csv.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(p))) {
            o.write("x,y\n1,0\n2,1\n".getBytes(StandardCharsets.UTF_8));
        }
        assertArrayEquals(new double[] {1, 2}, read(p, "y").data());
        Path bad = write("bad.csv.gz", "x,y\n1,0\n");
        assertTrue(error(bad, "y", CsvReader.Options.defaults()).contains("not a valid gzip file"));
    }

    @Test
    void manyRowsGrowTheArrayExactly() throws IOException {
        StringBuilder b = new StringBuilder("a,b,y\n");
        for (int i = 0; i < 5000; i++) {
            b.append(i).append(',').append(-i * 0.5).append(',').append(i % 2).append('\n');
        }
        Table t = read(write("big.csv", b.toString()), "y");
        assertEquals(5000, t.rows());
        assertEquals(10000, t.data().length);
        assertEquals(4999.0, t.get(4999, 0));
        assertEquals(-2499.5, t.get(4999, 1));
    }

    @Test
    void errorsNameFileLineColumnAndText() throws IOException {
        var o = CsvReader.Options.defaults();
        String empty = error(write("empty.csv", ""), "y", o);
        assertTrue(empty.contains("empty.csv") && empty.contains("empty"), empty);
        String header = error(write("h.csv", "a,y\n"), "y", o);
        assertTrue(header.contains("header but no data rows"), header);
        String ragged = error(write("r.csv", "a,b,y\n1,2,0\n1,2\n"), "y", o);
        assertTrue(ragged.contains("r.csv, line 3") && ragged.contains("2 fields") && ragged.contains("3 columns"), ragged);
        String text = error(write("t.csv", "a,b,y\n1,2,0\n1,abc,1\n"), "y", o);
        assertTrue(text.contains("t.csv, line 3, column 'b'") && text.contains("'abc' is not a number"), text);
        String nan = error(write("n.csv", "a,y\nNaN,1\n"), "y", o);
        assertTrue(nan.contains("line 2, column 'a'") && nan.contains("NaN or infinite"), nan);
        String inf = error(write("i.csv", "a,y\n1,0\n-inf,1\n"), "y", o);
        assertTrue(inf.contains("line 3") && inf.contains("NaN or infinite"), inf);
        String big = error(write("o.csv", "a,y\n1e400,1\n"), "y", o);
        assertTrue(big.contains("overflows to infinity"), big);
        String missing = error(write("m.csv", "a,b,y\n1,,0\n"), "y", o);
        assertTrue(missing.contains("line 2, column 'b'") && missing.contains("missing value"), missing);
        String dup = error(write("d.csv", "a,b,a,y\n1,2,3,0\n"), "y", o);
        assertTrue(dup.contains("duplicate column name a"), dup);
        String noTarget = error(write("nt.csv", "a,b\n1,2\n"), "y", o);
        assertTrue(noTarget.contains("no target column 'y'") && noTarget.contains("a, b"), noTarget);
        String noName = error(write("nn.csv", "a,,y\n1,2,0\n"), "y", o);
        assertTrue(noName.contains("column 2 of the header has no name"), noName);
        String dir2 = error(dir, "y", o);
        assertTrue(dir2.contains("is a directory"), dir2);
        String nofile = error(dir.resolve("nope.csv"), "y", o);
        assertTrue(nofile.contains("nope.csv: no such file"), nofile);
    }

    @Test
    void dropInvalidDropsAndCounts() throws IOException {
        Path p = write("di.csv", "a,b,y\n1,2,0\n1,x,1\n3,4,1\n5\n,6,0\n7,8,0\n");
        Table t = CsvReader.read(p, CsvReader.Columns.allExcept("y"), CsvReader.Options.defaults().withDropInvalid(true));
        assertEquals(3, t.rows());
        assertEquals(3, t.droppedRows());
        assertArrayEquals(new double[] {1, 2, 3, 4, 7, 8}, t.data());
        assertArrayEquals(new String[] {"0", "1", "0"}, t.textColumn("y"));
        assertArrayEquals(new long[] {2, 4, 7}, t.lines());
        String all = error(write("allbad.csv", "a,y\nx,1\n"), "y", CsvReader.Options.defaults().withDropInvalid(true));
        assertTrue(all.contains("all 1 data rows are invalid") && all.contains("line 2"), all);
    }

    @Test
    void predictionColumnsMissingAreListedTogether() throws IOException {
        Path p = write("p.csv", "b,extra,y\n1,2,0\n");
        var e = assertThrows(DataException.class, () -> CsvReader.read(p,
                CsvReader.Columns.of(List.of("a", "b", "c"), "y", false), CsvReader.Options.defaults()));
        assertTrue(e.getMessage().contains("missing columns a, c"), e.getMessage());
    }

    @Test
    void progressReportsBytes() throws IOException {
        Path p = write("pr.csv", "a,y\n1,0\n");
        long[] last = {-1};
        CsvReader.read(p, CsvReader.Columns.allExcept("y"), CsvReader.Options.defaults().withProgress(v -> last[0] = v));
        assertEquals(Files.size(p), last[0]);
    }

    static byte[] gz(String s) throws IOException {
        var b = new ByteArrayOutputStream();
        try (var o = new GZIPOutputStream(b)) {
            o.write(s.getBytes(StandardCharsets.UTF_8));
        }
        return b.toByteArray();
    }
}
