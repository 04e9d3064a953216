package org.sigmoid4j.model.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sigmoid4j.data.FeatureSchema;
import org.sigmoid4j.data.LabelMapping;
import org.sigmoid4j.data.Standardizer;
import org.sigmoid4j.data.Table;

class ModelFileTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void register() {
        TestLinear.register();
    }

    /** A small binary model with standardisation, provenance with NaN-free loss, history and evaluation. */
    static TrainedModel sample(double threshold) {
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("model", "test-linear");
        training.put("C", 1.0);
        training.put("solver", "none");
        Map<String, Object> epoch = new LinkedHashMap<>();
        epoch.put("epoch", 1);
        epoch.put("loss", 0.693);
        epoch.put("grad", Double.NaN);
        return new TrainedModel(new FeatureSchema(List.of("a", "b", "c"), "y"), new LabelMapping(List.of("no", "yes"), false),
                new Standardizer(new double[] {1, 2, 3}, new double[] {0.5, 1, 2}), threshold,
                new TestLinear(3, 2, new double[] {0.1, 1.5, -2.25, Math.PI}),
                new Provenance("0.1.0", "25 (test)", "scalar", training, 42, "x.csv", "ab".repeat(32), 10, 8, 0.25, null),
                List.of(epoch), Map.of("accuracy", 0.75));
    }

    @Test
    void roundTripKeepsEverythingBitForBit() throws IOException {
        Path f = dir.resolve("m.s4j");
        TrainedModel m = sample(0.5);
        ModelFile.write(m, f);
        TrainedModel r = ModelFile.read(f);
        assertEquals(m.schema(), r.schema());
        assertEquals(m.labels(), r.labels());
        assertArrayEquals(m.standardizer().mean(), r.standardizer().mean());
        assertArrayEquals(m.standardizer().scale(), r.standardizer().scale());
        assertArrayEquals(m.classifier().state().arrays().get("weights"), r.classifier().state().arrays().get("weights"));
        assertEquals(m.provenance(), r.provenance());
        assertEquals(0.693, r.history().get(0).get("loss"));
        assertEquals("NaN", r.history().get(0).get("grad"));
        assertEquals(0.75, r.evaluation().get("accuracy"));
        // and predicts the same: x = (1.5, 2, 3) standardises to (1, 0, 0): z = 0.1 + 1.5
        Table t = new Table("p.csv", List.of("a", "b", "c"), new double[] {1.5, 2, 3}, 1, Map.of(), new long[] {2}, List.of(), 0, null);
        assertEquals(1 / (1 + Math.exp(-1.6)), r.predictProba(t)[1], 1e-15);
        assertArrayEquals(new int[] {1}, r.classify(r.predictProba(t), 1));
        assertEquals(1, Files.list(dir).count(), "no temporary file is left behind");
    }

    @Test
    void sameModelSameBytes() throws IOException {
        ModelFile.write(sample(0.5), dir.resolve("1.s4j"));
        ModelFile.write(sample(0.5), dir.resolve("2.s4j"));
        assertArrayEquals(Files.readAllBytes(dir.resolve("1.s4j")), Files.readAllBytes(dir.resolve("2.s4j")));
        ModelFile.write(sample(0.4), dir.resolve("3.s4j"));
        assertTrue(!Arrays.equals(Files.readAllBytes(dir.resolve("1.s4j")), Files.readAllBytes(dir.resolve("3.s4j"))));
    }

    @Test
    void layoutIsAsDocumented() {
        byte[] b = ModelFile.toBytes(sample(0.5));
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        assertArrayEquals(new byte[] {(byte) 0x89, 'S', '4', 'J', 13, 10, 26, 10}, Arrays.copyOf(b, 8));
        assertEquals(1, bb.getInt(8));
        int m = bb.getInt(12);
        String json = new String(b, 16, m, java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(json.startsWith("{\"format\":\"sigmoid4j-model\",\"kind\":\"test-linear\""), json);
        // arrays: mean(3), scale(3), weights(4) = 10 doubles, little-endian, then the CRC-32C
        assertEquals(16 + m + 80 + 4, b.length);
        assertEquals(1.0, bb.getDouble(16 + m));
        assertEquals(Math.PI, bb.getDouble(16 + m + 72));
        CRC32C crc = new CRC32C();
        crc.update(b, 0, b.length - 4);
        assertEquals((int) crc.getValue(), bb.getInt(b.length - 4));
    }

    private static String fails(byte[] bytes) {
        return assertThrows(ModelFileException.class, () -> ModelFile.fromBytes(bytes, "m.s4j")).getMessage();
    }

    @Test
    void everyTruncationIsAClearError() {
        byte[] b = ModelFile.toBytes(sample(0.5));
        for (int len = 0; len < b.length; len++) {
            String msg = fails(Arrays.copyOf(b, len));
            assertTrue(msg.startsWith("m.s4j: ") && (msg.contains("truncated") || msg.contains("empty")), len + ": " + msg);
        }
    }

    @Test
    void everySingleByteChangeIsDetected() {
        byte[] b = ModelFile.toBytes(sample(0.5));
        for (int i = 0; i < b.length; i++) {
            byte[] c = b.clone();
            c[i] ^= 0x10;
            String msg = fails(c);
            assertTrue(msg.startsWith("m.s4j: "), i + ": " + msg);
        }
    }

    @Test
    void randomBytesNewerVersionUnknownKindAndMissingFile() throws IOException {
        byte[] random = new byte[5000];
        new SplittableRandom(1).nextBytes(random);
        assertTrue(fails(random).contains("not a sigmoid4j model file"));
        byte[] b = ModelFile.toBytes(sample(0.5));
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(8, 2);
        String newer = fails(b);
        assertTrue(newer.contains("format version 2 is newer") && newer.contains("upgrade"), newer);
        byte[] kind = new String(ModelFile.toBytes(sample(0.5)), java.nio.charset.StandardCharsets.ISO_8859_1)
                .replace("\"kind\":\"test-linear\"", "\"kind\":\"test-lineaX\"").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        CRC32C crc = new CRC32C();
        crc.update(kind, 0, kind.length - 4);
        ByteBuffer.wrap(kind).order(ByteOrder.LITTLE_ENDIAN).putInt(kind.length - 4, (int) crc.getValue());
        String unknown = fails(kind);
        assertTrue(unknown.contains("model kind 'test-lineaX' is not known"), unknown);
        String missing = assertThrows(ModelFileException.class, () -> ModelFile.read(dir.resolve("nope.s4j"))).getMessage();
        assertTrue(missing.endsWith("nope.s4j: no such model file"), missing);
        Path csv = dir.resolve("data.csv");
        Files.writeString(csv, "a,b\n1,2\n");
        assertTrue(assertThrows(ModelFileException.class, () -> ModelFile.read(csv)).getMessage().contains("not a sigmoid4j model file"));
    }

    @Test
    void writingIntoAMissingDirectoryFailsWithoutLeavingFiles() {
        assertThrows(IOException.class, () -> ModelFile.write(sample(0.5), dir.resolve("no/such/dir/m.s4j")));
    }
}
