package org.sigmoid4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sigmoid4j.testkit.SharedFiles;

class LabelsSplitStandardizerTest {

    private static Table table(String target, String... labels) {
        double[] x = new double[labels.length];
        long[] lines = new long[labels.length];
        for (int i = 0; i < labels.length; i++) {
            x[i] = i;
            lines[i] = i + 2;
        }
        return new Table("t.csv", List.of("x"), x, labels.length, Map.of(target, labels), lines, List.of(), 0, null);
    }

    @Test
    void labelMappings() {
        LabelMapping b = LabelMapping.infer(table("y", "1", "0.0", "1.0", "0"), "y", null, 1000);
        assertEquals(List.of("0", "1"), b.classes());
        assertArrayEquals(new int[] {1, 0, 1, 0}, b.encode(table("y", "1", "0.0", "1.0", "0"), "y"));
        LabelMapping p = LabelMapping.infer(table("y", "spam", "ham", "spam"), "y", "spam", 1000);
        assertEquals(List.of("ham", "spam"), p.classes());
        LabelMapping p2 = LabelMapping.infer(table("y", "1", "2", "2"), "y", "1", 2);
        assertEquals(List.of("2", "1"), p2.classes());
        LabelMapping m = LabelMapping.infer(table("y", "10", "9", "2", "9"), "y", null, 1000);
        assertEquals(List.of("2", "9", "10"), m.classes()); // numeric order, not text order
        assertArrayEquals(new int[] {2, 1, 0, 1}, m.encode(table("y", "10", "9", "2", "9"), "y"));
    }

    @Test
    void labelErrors() {
        String one = assertThrows(DataException.class, () -> LabelMapping.infer(table("y", "1", "1"), "y", null, 1000)).getMessage();
        assertTrue(one.contains("only one class"), one);
        String two = assertThrows(DataException.class, () -> LabelMapping.infer(table("y", "a", "b"), "y", null, 1000)).getMessage();
        assertTrue(two.contains("--positive"), two);
        String three = assertThrows(DataException.class, () -> LabelMapping.infer(table("y", "a", "b", "c"), "y", "a", 1000)).getMessage();
        assertTrue(three.contains("3 classes") && three.contains("binary"), three);
        String binOnly = assertThrows(DataException.class, () -> LabelMapping.infer(table("y", "0", "1", "2"), "y", null, 2)).getMessage();
        assertTrue(binOnly.contains("3 classes"), binOnly);
        String notOne = assertThrows(DataException.class, () -> LabelMapping.infer(table("y", "a", "b"), "y", "c", 2)).getMessage();
        assertTrue(notOne.contains("--positive c is not one of them"), notOne);
        LabelMapping b = new LabelMapping(List.of("0", "1"), true);
        String unknown = assertThrows(DataException.class, () -> b.encode(table("y", "0", "2"), "y")).getMessage();
        assertTrue(unknown.contains("t.csv, line 3") && unknown.contains("'2'") && unknown.contains("binary"), unknown);
    }

    @Test
    void stratifiedSplitIsSeededCompleteAndProportional() {
        int[] y = new int[1000];
        for (int i = 600; i < 1000; i++) {
            y[i] = 1; // sorted by label, like spambase
        }
        Split s = Split.stratified(y, 2, 0.2, 7);
        assertEquals(200, s.test().length);
        assertEquals(80, Arrays.stream(s.test()).filter(i -> y[i] == 1).count());
        int[] all = new int[1000];
        for (int i : s.train()) {
            all[i]++;
        }
        for (int i : s.test()) {
            all[i]++;
        }
        assertTrue(Arrays.stream(all).allMatch(c -> c == 1));
        assertArrayEquals(s.test(), Split.stratified(y, 2, 0.2, 7).test());
        assertNotEquals(Arrays.toString(s.test()), Arrays.toString(Split.stratified(y, 2, 0.2, 8).test()));
        assertEquals(0, Split.stratified(y, 2, 0, 7).test().length);
    }

    /** Mean and population sd against numpy's (stored in the L2 reference file): within a few ulps (1e-15 relative). */
    @Test
    void standardizerMatchesNumpyOnSpambase() throws IOException {
        Table t = CsvReader.read(SharedFiles.resolve("data/spambase.csv"), CsvReader.Columns.allExcept("label"),
                CsvReader.Options.defaults());
        Standardizer s = Standardizer.fit(t.data(), t.rows(), t.cols());
        String json = Files.readString(SharedFiles.resolve("reference/lr/spambase.l2.json"));
        double[] mean = numbers(json, "feature_mean");
        double[] sd = numbers(json, "feature_sd");
        for (int j = 0; j < 57; j++) {
            assertEquals(mean[j], s.mean()[j], 1e-15 * Math.abs(mean[j]), "mean " + j);
            assertEquals(sd[j], s.scale()[j], 1e-15 * sd[j], "sd " + j);
        }
        double[] x = t.data().clone();
        s.applyInPlace(x, t.rows());
        assertEquals((t.get(5, 3) - mean[3]) / sd[3], x[5 * 57 + 3], 1e-12);
    }

    @Test
    void constantColumnsStayFinite() {
        double[] x = {1, 5, 2, 5, 3, 5};
        Standardizer s = Standardizer.fit(x, 3, 2);
        assertEquals(1.0, s.scale()[1]);
        assertEquals(1, s.constantColumns(x, 3));
        s.applyInPlace(x, 3);
        assertArrayEquals(new double[] {-Math.sqrt(1.5), 0, 0, 0, Math.sqrt(1.5), 0}, x, 1e-15);
    }

    static double[] numbers(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*\\[([^\\]]*)\\]").matcher(json);
        assertTrue(m.find(), key);
        List<Double> v = new ArrayList<>();
        for (String s : m.group(1).split(",")) {
            v.add(Double.parseDouble(s.strip()));
        }
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static Path unused() {
        return Path.of(".");
    }
}
