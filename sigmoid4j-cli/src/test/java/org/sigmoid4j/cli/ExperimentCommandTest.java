package org.sigmoid4j.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sigmoid4j.diagnostics.Json;
import org.sigmoid4j.experiments.ExperimentResult;
import org.sigmoid4j.testkit.SharedFiles;

/** The experiment and report commands, in-process and tiny. */
class ExperimentCommandTest {

    record Result(int code, String out, String err) {}

    static Result run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    static String data() {
        return SharedFiles.resolve("data/mnist-10k.csv.gz").toString();
    }

    @Test
    void nielsenJsonThenReportFromTheJson(@TempDir Path dir) throws Exception {
        Path html = dir.resolve("nielsen.html");
        Result r = run("experiment", "nielsen", "--data", data(), "--epochs", "2", "--rows", "60", "--seeds", "2", "--train-seeds", "1",
                "--json", "--report", html.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        ExperimentResult res = ExperimentResult.fromJson(Json.parse(r.out()));
        assertEquals("nielsen", res.experiment());
        assertEquals(6, res.runs().size());
        assertTrue(Files.readString(html).contains("id=\"verdict\""));
        Path json = dir.resolve("nielsen.json");
        Files.writeString(json, r.out());
        Path again = dir.resolve("again.html");
        Result rep = run("report", json.toString(), "--out", again.toString());
        assertEquals(0, rep.code(), rep.err());
        assertEquals(again.toAbsolutePath().toString(), rep.out().strip());
        assertTrue(Files.readString(again).contains("Vanishing gradients"));
        // The charts as standalone SVG files, the seed's activation plots among them.
        Path svgs = Files.createDirectory(dir.resolve("svg"));
        Result withSvg = run("report", json.toString(), "--out", again.toString(), "--svg", svgs.toString());
        assertEquals(0, withSvg.code(), withSvg.err());
        try (var files = Files.list(svgs)) {
            java.util.List<String> names = files.map(f -> f.getFileName().toString()).sorted().toList();
            assertTrue(names.stream().anyMatch(n -> n.endsWith("-activation-functions.svg")), names.toString());
            assertTrue(names.stream().anyMatch(n -> n.endsWith("-their-derivatives.svg")), names.toString());
            for (String n : names) {
                javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svgs.resolve(n).toFile()); // well-formed XML
            }
        }
    }

    @Test
    void activationsTablesOnStdoutAndProgressOnStderr(@TempDir Path dir) {
        Result r = run("experiment", "activations", "--data", data(), "--epochs", "1", "--rows", "64", "--test-rows", "50",
                "--variants", "sigmoid,tanh", "--optimizers", "sgd", "--report", dir.resolve("a.html").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("After the last epoch"), r.out());
        assertTrue(r.out().contains("Per epoch"), r.out());
        assertTrue(r.err().contains("activations: sigmoid sgd: test accuracy"), r.err());
        assertTrue(r.err().contains("report written to"), r.err());
        assertTrue(Files.exists(dir.resolve("a.html")));
    }

    @Test
    void benchMonitorMeasuresBothWays() {
        Result r = run("bench", "monitor", "--data", data(), "--variants", "relu", "--epochs", "1", "--reps", "1", "--json");
        assertEquals(0, r.code(), r.err());
        java.util.List<?> recs = (java.util.List<?>) Json.parse(r.out());
        java.util.Map<?, ?> rec = (java.util.Map<?, ?>) recs.getFirst();
        assertEquals("relu", rec.get("variant"));
        assertTrue(((Number) rec.get("seconds_with")).doubleValue() > 0 && ((Number) rec.get("seconds_without")).doubleValue() > 0);
    }

    @Test
    void badInputGivesClearMessagesAndExitCodesAndNoReport(@TempDir Path dir) throws Exception {
        Path html = dir.resolve("x.html");
        Result missing = run("experiment", "nielsen", "--data", dir.resolve("nope.csv.gz").toString(), "--report", html.toString());
        assertEquals(ExitCodes.DATA, missing.code());
        assertTrue(missing.err().contains("nope.csv.gz: no such file"), missing.err());
        Result variant = run("experiment", "activations", "--data", data(), "--variants", "swish", "--report", html.toString());
        assertEquals(ExitCodes.USAGE, variant.code());
        assertTrue(variant.err().contains("unknown variant 'swish'"), variant.err());
        Result epochs = run("experiment", "nielsen", "--data", data(), "--epochs", "-1");
        assertEquals(ExitCodes.USAGE, epochs.code());
        assertTrue(epochs.err().contains("--epochs must be ≥ 0"), epochs.err());
        Result dirMissing = run("experiment", "nielsen", "--data", data(), "--report", dir.resolve("no/such/dir/r.html").toString());
        assertEquals(ExitCodes.USAGE, dirMissing.code());
        assertTrue(dirMissing.err().contains("does not exist"), dirMissing.err());
        assertFalse(Files.exists(html));

        Path notJson = dir.resolve("model.bin");
        Files.write(notJson, new byte[] {1, 2, 3});
        Result rep = run("report", notJson.toString(), "--out", html.toString());
        assertEquals(ExitCodes.MODEL, rep.code());
        assertTrue(rep.err().contains("model.bin"), rep.err());
        Path badJson = dir.resolve("bad.json");
        Files.writeString(badJson, "{\"experiment\": \"x\", \"runs\": [");
        Result bad = run("report", badJson.toString(), "--out", html.toString());
        assertEquals(ExitCodes.MODEL, bad.code());
        assertTrue(bad.err().contains("invalid JSON"), bad.err());
        assertFalse(Files.exists(html));
        assertFalse(bad.err().contains("Exception"), bad.err());
    }
}
