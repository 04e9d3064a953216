package org.sigmoid4j.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sigmoid4j.model.io.ModelFile;
import org.sigmoid4j.model.io.TrainedModel;
import org.sigmoid4j.report.ModelReport;
import org.sigmoid4j.testkit.SharedFiles;

/** {@code train} writes a report beside its model (diagnostics in the history), and {@code report MODEL} renders one. */
class TrainReportTest {

    @Test
    void mlpTrainWritesDiagnosticsAndAReportThenReportCommandRendersTheModel(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("net.s4j");
        ExperimentCommandTest.Result r = ExperimentCommandTest.run("train", "--model", "mlp", "--layers", "8,8", "--activation", "sigmoid",
                "--epochs", "2", "--data", SharedFiles.resolve("data/digits.csv").toString(), "--target", "label", "--out", model.toString());
        assertEquals(0, r.code(), r.err());
        Path html = dir.resolve("net.html");
        assertTrue(r.err().contains("Report written to " + html.toAbsolutePath()), r.err());
        String page = Files.readString(html);
        assertTrue(page.contains("id=\"verdict\"") && page.contains("hidden 2"), "report content");
        TrainedModel m = ModelFile.read(model);
        assertEquals(3, ModelReport.diagnostics(m).size(), "epochs 0, 1 and 2 recorded in the model file's history");
        assertEquals(3, ModelReport.diagnostics(m).getLast().layers().size());

        Path again = dir.resolve("again.html");
        ExperimentCommandTest.Result rep = ExperimentCommandTest.run("report", model.toString(), "--out", again.toString());
        assertEquals(0, rep.code(), rep.err());
        assertTrue(Files.readString(again).contains("Gradients per layer"));
    }

    @Test
    void logisticModelsGetAReportWithoutGradientDiagnostics(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("lr.s4j"), html = dir.resolve("lr-report.html");
        ExperimentCommandTest.Result r = ExperimentCommandTest.run("train", "--data", SharedFiles.resolve("data/breast_cancer.csv").toString(),
                "--target", "label", "--penalty", "l2", "--out", model.toString(), "--report", html.toString());
        assertEquals(0, r.code(), r.err());
        String page = Files.readString(html);
        assertTrue(page.contains("Logistic regression has no hidden layers"), "logistic verdict");
        assertTrue(page.contains("Held-out evaluation"));
    }

    @Test
    void noReportAndBadReportPath(@TempDir Path dir) {
        Path model = dir.resolve("m.s4j");
        ExperimentCommandTest.Result r = ExperimentCommandTest.run("train", "--data", SharedFiles.resolve("data/breast_cancer.csv").toString(),
                "--target", "label", "--penalty", "l2", "--out", model.toString(), "--no-report");
        assertEquals(0, r.code(), r.err());
        assertFalse(Files.exists(dir.resolve("m.html")));
        ExperimentCommandTest.Result bad = ExperimentCommandTest.run("train", "--data", SharedFiles.resolve("data/breast_cancer.csv").toString(),
                "--target", "label", "--out", dir.resolve("m2.s4j").toString(), "--report", dir.resolve("no/dir/r.html").toString());
        assertEquals(ExitCodes.USAGE, bad.code());
        assertTrue(bad.err().contains("--report"), bad.err());
        assertFalse(Files.exists(dir.resolve("m2.s4j")), "nothing is trained or written when the report path is bad");
    }
}
