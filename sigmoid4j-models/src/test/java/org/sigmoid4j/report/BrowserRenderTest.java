package org.sigmoid4j.report;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sigmoid4j.diagnostics.EpochStats;
import org.sigmoid4j.diagnostics.Json;
import org.sigmoid4j.diagnostics.LayerStats;

/**
 * Renders a generated report in a real browser (Debian's headless Chromium) and checks that every
 * chart drew marks, that the page logged nothing to the console (no script or SVG errors), and
 * keeps screenshots (laptop and phone widths) under {@code target/browser/}.
 *
 * <p>CI installs Chromium ({@code .ci/run}), so a missing browser FAILS this test with a message
 * saying how to install it. Developers without Chromium can opt out explicitly with
 * {@code -Dsigmoid4j.tests.browser=skip} (or the environment variable
 * {@code SIGMOID4J_TESTS_BROWSER=skip}); {@code -Dsigmoid4j.chromium=PATH} picks another binary.
 */
@Tag("browser")
class BrowserRenderTest {

    static Path chromium() {
        String opt = System.getProperty("sigmoid4j.tests.browser", System.getenv().getOrDefault("SIGMOID4J_TESTS_BROWSER", ""));
        Assumptions.assumeFalse("skip".equalsIgnoreCase(opt), "browser check opted out with sigmoid4j.tests.browser=skip");
        Path bin = Paths.get(System.getProperty("sigmoid4j.chromium", "/usr/bin/chromium"));
        if (!Files.isExecutable(bin)) {
            fail("Chromium is needed for the report's browser check but " + bin + " is missing. Install it with "
                    + "'apt-get update && apt-get install -y chromium' (.ci/run does this in CI), point -Dsigmoid4j.chromium=PATH at it, "
                    + "or opt out with -Dsigmoid4j.tests.browser=skip.");
        }
        return bin;
    }

    record Run(String stdout, String stderr) {}

    static Run run(Path chromium, Path work, String... args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(work, "profile");
        List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--hide-scrollbars", "--enable-logging=stderr", "--user-data-dir=" + profile));
        cmd.addAll(List.of(args));
        Path out = work.resolve("stdout-" + System.nanoTime()), err = work.resolve("stderr-" + System.nanoTime());
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("Chromium did not finish within 90 s: " + String.join(" ", cmd));
        }
        Run r = new Run(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        try (var walk = Files.walk(profile)) { // the throw-away browser profile
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
        return r;
    }

    /** A synthetic six-layer sigmoid history (norms shrinking 4× per layer) with histograms: exercises every chart kind. */
    static List<EpochStats> sampleHistory() {
        List<EpochStats> h = new ArrayList<>();
        for (int e = 0; e <= 5; e++) {
            List<LayerStats> ls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                double g = Math.pow(0.25, 5 - i) * (1 + 0.1 * e);
                long[] hist = new long[20];
                for (int k = 0; k < 20; k++) hist[k] = Math.round(100 * Math.exp(-0.5 * Math.pow((k - 10 + i * 0.3) / 2.5, 2)));
                ls.add(new LayerStats(i, "hidden " + (i + 1), "sigmoid", true, 3 * g, g, 3.2 * g, 1.1 * g, 0.0, Double.NaN, 0.5, 0.05 + 0.01 * i,
                        1e-6 * Math.pow(4, i), 0, 1, hist));
            }
            ls.add(new LayerStats(6, "output", "identity", false, 0.8, 0.3, 0.9, 0.35, Double.NaN, Double.NaN, 0, 0.5, 2e-3, 0, 0, null));
            h.add(new EpochStats(e, 2.3 - 0.01 * e, e == 0 ? Double.NaN : 0.11, ls));
        }
        return h;
    }

    @Test
    void reportRendersInChromiumWithMarksInEveryChartAndNoConsoleMessages() throws Exception {
        HtmlReport report = TrainingReport.of("Browser check: six sigmoid layers (synthetic statistics)",
                List.<String[]>of(new String[] {"network", "[784, 64×6, 10]"}), sampleHistory(), 10);
        assertTrue(report.chartCount() >= 8, "expected every chart kind, got " + report.chartCount());
        check(report, "report");
    }

    @Test
    void experimentReportWithCollapsedRunsRendersToo() throws Exception {
        Path data = org.sigmoid4j.testkit.SharedFiles.resolve("data/mnist-10k.csv.gz");
        org.sigmoid4j.experiments.Mnist m = org.sigmoid4j.experiments.Mnist.load(data, org.sigmoid4j.experiments.Mnist.splitBeside(data))
                .firstTrain(128).firstTest(100);
        var result = org.sigmoid4j.experiments.ActivationsExperiment.run(m, new org.sigmoid4j.experiments.ActivationsExperiment.Options(1, 1,
                List.of("sigmoid", "relu"), List.of("sgd"), "mnist-10k.csv.gz"), s -> {});
        check(ExperimentReport.of(result), "experiment");
    }

    /** Renders in Chromium: marks in every chart, no script errors, no console messages; screenshots at laptop and phone width. */
    static void check(HtmlReport report, String name) throws Exception {
        Path chromium = chromium();
        Path work = Paths.get("target", "browser").toAbsolutePath();
        Files.createDirectories(work);
        Path html = report.write(work.resolve(name + ".html"));
        String url = html.toUri().toString();

        Run dom = run(chromium, work, "--dump-dom", url + "#render-check");
        Matcher m = Pattern.compile("<pre id=\"render-check\" hidden=\"\">(.*?)</pre>", Pattern.DOTALL).matcher(dom.stdout());
        assertTrue(m.find(), "the report's check script did not run; DOM was:\n" + dom.stdout().substring(0, Math.min(2000, dom.stdout().length()))
                + "\nstderr:\n" + dom.stderr());
        @SuppressWarnings("unchecked")
        Map<String, Object> check = (Map<String, Object>) Json.parse(m.group(1).replace("&quot;", "\"").replace("&amp;", "&"));
        assertEquals(report.chartCount(), ((Number) check.get("charts")).intValue(), "charts found by the browser");
        List<?> marks = (List<?>) check.get("marks");
        for (int i = 0; i < marks.size(); i++) {
            assertTrue(((Number) marks.get(i)).intValue() > 0, name + ": chart " + i + " drew no marks: " + check);
        }
        assertEquals(List.of(), check.get("errors"), "script errors");
        List<String> console = dom.stderr().lines().filter(l -> l.contains(":CONSOLE")).toList();
        assertEquals(List.of(), console, "console messages while rendering " + html);

        Path laptop = work.resolve(name + "-laptop.png"), phone = work.resolve(name + "-phone.png");
        Run l = run(chromium, work, "--window-size=1280,2400", "--screenshot=" + laptop, url);
        Run p = run(chromium, work, "--window-size=390,2400", "--screenshot=" + phone, url);
        for (Run r : List.of(l, p)) {
            assertEquals(List.of(), r.stderr().lines().filter(x -> x.contains(":CONSOLE")).toList());
        }
        assertTrue(Files.size(laptop) > 10_000, "laptop screenshot missing or blank");
        assertTrue(Files.size(phone) > 10_000, "phone screenshot missing or blank");
    }
}
