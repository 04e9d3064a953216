package org.sigmoid4j.model.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sigmoid4j.data.Table;

/**
 * Format version 1, frozen: {@code v1/test-linear.s4j} was written by {@link #main} (run it only
 * when adding a new format version's file, never to "fix" this test). Every later reader must
 * still load it and predict the same.
 */
class FrozenFormatTest {

    static final String V1 = "/org/sigmoid4j/model/io/v1/test-linear.s4j";

    @BeforeAll
    static void register() {
        TestLinear.register();
    }

    /** Writes the frozen file into the test resources: {@code main(<repo root>)}. */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0], "sigmoid4j-models/src/test/resources" + V1);
        ModelFile.write(ModelFileTest.sample(0.5), out);
        System.out.println("wrote " + out);
    }

    @Test
    void version1FileStillLoadsAndPredicts() throws IOException {
        byte[] bytes;
        try (InputStream in = FrozenFormatTest.class.getResourceAsStream(V1)) {
            bytes = in.readAllBytes();
        }
        assertEquals(1, bytes[8]);
        TrainedModel m = ModelFile.fromBytes(bytes, "test-linear.s4j");
        assertEquals(List.of("a", "b", "c"), m.schema().features());
        assertEquals(List.of("no", "yes"), m.labels().classes());
        assertArrayEquals(new double[] {0.5, 1, 2}, m.standardizer().scale());
        assertEquals(42, m.provenance().seed());
        Table t = new Table("p.csv", List.of("a", "b", "c"), new double[] {1.5, 2, 3, 1, 3, 5}, 2, Map.of(), new long[] {2, 3},
                List.of(), 0, null);
        double[] p = m.predictProba(t);
        // row 1 standardises to (1, 0, 0): z = 0.1 + 1.5; row 2 to (0, 1, 1): z = 0.1 - 2.25 + pi
        assertEquals(1 / (1 + Math.exp(-1.6)), p[1], 1e-15);
        assertEquals(1 / (1 + Math.exp(-(0.1 - 2.25 + Math.PI))), p[3], 1e-15);
        // and today's writer still produces the same bytes for the same model
        assertArrayEquals(bytes, ModelFile.toBytes(ModelFileTest.sample(0.5)));
    }
}
