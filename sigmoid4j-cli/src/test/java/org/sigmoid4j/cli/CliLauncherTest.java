package org.sigmoid4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sigmoid4j.testkit.SharedFiles;

/**
 * A few bad inputs through the real {@code ./sigmoid4j} launcher (run after the jar is packaged,
 * in the integration-test phase): exit codes, stderr-only messages, clean stdout, no output file.
 */
class CliLauncherTest {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {}

    private Run run(String... args) throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("sigmoid4j.projectRoot", "..")).toAbsolutePath();
        List<String> cmd = new ArrayList<>();
        cmd.add(root.resolve("sigmoid4j").toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(dir.resolve("stderr.txt").toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "launcher timed out");
        return new Run(p.exitValue(), Files.readString(dir.resolve("stdout.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void exitCodesAndStreamsThroughTheLauncher() throws Exception {
        Run help = run("--help");
        assertEquals(0, help.code(), help.toString());
        assertTrue(help.out().contains("Modelling:") || help.err().contains("Modelling:"), help.toString());

        Run usage = run("train", "--C", "-1");
        assertEquals(2, usage.code(), usage.toString());
        assertTrue(usage.err().contains("--C must be a positive"), usage.toString());
        assertEquals("", usage.out());

        Files.writeString(dir.resolve("ragged.csv"), "a,b,y\n1,2,0\n3\n");
        Run data = run("train", "--data", "ragged.csv", "--target", "y", "--out", "m.s4j");
        assertEquals(3, data.code(), data.toString());
        assertTrue(data.err().contains("ragged.csv, line 3: 1 field, but the header has 3 columns"), data.toString());
        assertFalse(data.err().contains("\tat "), data.toString());
        assertFalse(Files.exists(dir.resolve("m.s4j")));

        Run model = run("evaluate", "--model", "missing.s4j", "--data", "ragged.csv");
        assertEquals(4, model.code(), model.toString());
        assertTrue(model.err().contains("missing.s4j: no such model file"), model.toString());

        Run train = run("train", "--out", "m.s4j");
        assertEquals(0, train.code(), train.toString());
        assertTrue(train.out().startsWith("Held-out evaluation"), train.toString());
        assertFalse(train.err().contains("\r"), "no progress bar when stderr is not a terminal");
        Run predict = run("predict", "--model", "m.s4j", "--data", SharedFiles.resolve("data/spambase.csv").toString());
        assertEquals(0, predict.code(), predict.toString());
        assertEquals(4602, predict.out().lines().count(), "stdout is only the data");
    }
}
