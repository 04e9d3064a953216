package org.sigmoid4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sigmoid4j.testkit.SharedFiles;

/** {@code train --model mlp} with evaluate / predict / summary, and {@code bench mlp}'s output schema. */
class MlpCommandTest {

    @TempDir
    Path dir;

    static final Path DIGITS = SharedFiles.resolve("data/digits.csv");

    @Test
    void trainEvaluatePredictAndSummaryWorkForNetworks() throws IOException {
        Path m = dir.resolve("digits.s4j");
        Cli t = Cli.run("train", "--model", "mlp", "--layers", "32", "--activation", "tanh", "--lr", "0.1",
                "--epochs", "8", "--data", DIGITS.toString(), "--target", "label", "--out", m.toString());
        assertEquals(0, t.code(), t.toString());
        Cli e = Cli.run("evaluate", "--model", m.toString(), "--data", DIGITS.toString(), "--json");
        assertEquals(0, e.code(), e.toString());
        double acc = ((Number) JSON.std.mapFrom(e.out()).get("accuracy")).doubleValue();
        assertTrue(acc > 0.95, "digits accuracy " + acc);
        Cli p = Cli.run("predict", "--model", m.toString(), "--data", DIGITS.toString());
        assertEquals(0, p.code(), p.toString());
        assertEquals(1798, p.out().strip().split("\n").length);
        Cli s = Cli.run("summary", m.toString(), "--json");
        assertEquals(0, s.code(), s.toString());
        Map<String, Object> sum = JSON.std.mapFrom(s.out());
        assertEquals("mlp", sum.get("kind"));
        List<?> layers = (List<?>) sum.get("layers");
        assertEquals(3, layers.size());
        assertEquals(64 * 32 + 32, ((Number) ((Map<?, ?>) layers.get(0)).get("parameters")).intValue());
        List<?> history = (List<?>) sum.get("history");
        assertEquals(8, history.stream().filter(h -> "epoch".equals(((Map<?, ?>) h).get("type"))).count());
        // plus the GradientMonitor's records: initialisation and each epoch
        assertEquals(9, history.stream().filter(h -> "diagnostics".equals(((Map<?, ?>) h).get("type"))).count());
        Cli text = Cli.run("summary", m.toString());
        assertTrue(text.out().contains("dense 64→32") && text.out().contains("train_loss"), text.out());
        // Same options and seed: byte-identical model file.
        Path m2 = dir.resolve("again.s4j");
        assertEquals(0, Cli.run("train", "-q", "--model", "mlp", "--layers", "32", "--activation", "tanh", "--lr", "0.1",
                "--epochs", "8", "--data", DIGITS.toString(), "--target", "label", "--out", m2.toString()).code());
        assertArrayEquals(Files.readAllBytes(m), Files.readAllBytes(m2));
    }

    @Test
    void everyActivationBatchNormAndOptimizerTrainsABinaryNetwork() throws IOException {
        Path data = SharedFiles.resolve("data/breast_cancer.csv");
        for (String[] opts : new String[][] {
                {"--activation", "adaptive-sigmoid", "--adaptive-shift", "--batch-norm", "--optimizer", "adam"},
                {"--activation", "prelu", "--optimizer", "nesterov", "--lr", "0.01", "--dropout", "0.2"},
                {"--activation", "relu", "--optimizer", "momentum", "--lr", "0.01", "--weight-decay", "1e-3", "--precision", "f64"},
                {"--activation", "sigmoid", "--loss", "nielsen-ce", "--init", "nielsen", "--bias-init", "normal", "--lr", "0.5"}}) {
            Path m = dir.resolve("bc.s4j");
            String[] base = {"train", "-q", "--model", "mlp", "--layers", "16", "--epochs", "15", "--data", data.toString(),
                    "--target", "label", "--out", m.toString()};
            String[] args = new String[base.length + opts.length];
            System.arraycopy(base, 0, args, 0, base.length);
            System.arraycopy(opts, 0, args, base.length, opts.length);
            Cli t = Cli.run(args);
            assertEquals(0, t.code(), String.join(" ", opts) + "\n" + t);
            Cli e = Cli.run("evaluate", "--model", m.toString(), "--data", data.toString(), "--json");
            double acc = ((Number) JSON.std.mapFrom(e.out()).get("accuracy")).doubleValue();
            assertTrue(acc > 0.93, String.join(" ", opts) + ": accuracy " + acc);
        }
    }

    @Test
    void badNetworkOptionsAreUsageErrors() {
        String d = DIGITS.toString();
        for (String[] bad : new String[][] {
                {"--activation", "bogus"}, {"--layers", "10,x"}, {"--layers", "0"}, {"--epochs", "0"}, {"--lr", "-1"},
                {"--optimizer", "rmsprop"}, {"--init", "weird"}, {"--bias-init", "he"}, {"--precision", "f16"},
                {"--dropout", "1"}, {"--schedule", "step:x"}, {"--loss", "hinge"}, {"--batch-size", "0"}}) {
            String[] args = {"train", "--model", "mlp", "--data", d, "--target", "label", bad[0], bad[1]};
            Cli r = Cli.run(args);
            assertEquals(ExitCodes.USAGE, r.code(), String.join(" ", bad) + "\n" + r);
            assertTrue(r.err().contains(bad[0]) && !r.err().contains("Exception"), r.err());
        }
        Cli r = Cli.run("train", "--model", "logistic", "--layers", "3");
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("--layers applies only to --model mlp"), r.err());
    }

    @Test
    void benchMlpSmallPrintsTheDocumentedJsonRecords() throws IOException {
        Cli r = Cli.run("bench", "mlp", "--small", "--json", "--no-torch");
        assertEquals(0, r.code(), r.toString());
        List<Object> records = JSON.std.listFrom(r.out());
        assertEquals(4, records.size());
        int seen = 0;
        for (Object o : records) {
            Map<?, ?> m = (Map<?, ?>) o;
            assertEquals(Set.of("impl", "precision", "batch", "samples_per_second"), m.keySet());
            assertEquals("sigmoid4j", m.get("impl"));
            assertTrue(Set.of("f32", "f64").contains(m.get("precision")));
            assertTrue(Set.of(32, 256).contains(((Number) m.get("batch")).intValue()));
            assertTrue(((Number) m.get("samples_per_second")).doubleValue() > 0);
            seen++;
        }
        assertEquals(4, seen);
        Cli help = Cli.run("bench", "mlp", "--help");
        assertEquals(0, help.code(), help.toString());
        assertTrue(help.out().contains("--json") && help.out().contains("--torch-blas"), help.out());
        Cli bad = Cli.run("bench", "mlp", "--clock", "sundial");
        assertEquals(ExitCodes.USAGE, bad.code(), bad.toString());
        Cli text = Cli.run("bench", "mlp", "--small", "--no-torch");
        assertEquals(0, text.code(), text.toString());
        assertTrue(text.out().contains("samples/s"), text.out());
    }
}
