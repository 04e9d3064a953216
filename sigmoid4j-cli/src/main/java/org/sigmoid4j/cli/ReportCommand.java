package org.sigmoid4j.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sigmoid4j.diagnostics.Json;
import org.sigmoid4j.experiments.ExperimentResult;
import org.sigmoid4j.model.io.ModelFile;
import org.sigmoid4j.model.io.ModelFileException;
import org.sigmoid4j.report.ModelReport;
import org.sigmoid4j.report.ExperimentReport;
import org.sigmoid4j.report.HtmlReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sigmoid4j report (MODEL | EXPERIMENT-JSON) --out report.html}. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write a self-contained HTML report for an experiment's --json output or a model file's training history.",
                "Verdict first, then charts and tables; no network access is needed to view it."})
final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "An experiment JSON file (from 'experiment ... --json') or a model file.")
    Path input;

    @Option(names = "--out", paramLabel = "HTML", required = true, description = "The report to write (written atomically).")
    Path out;

    @Option(names = "--svg", paramLabel = "DIR", description = "Also write every chart as a standalone SVG file into this (existing) directory.")
    Path svgDir;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        if (!Files.isRegularFile(input)) {
            err.println("error: " + input + ": no such file");
            return Files.exists(input) ? ExitCodes.USAGE : ExitCodes.MODEL;
        }
        Path dir = out.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            err.println("error: --out " + out + ": the directory " + dir + " does not exist");
            return ExitCodes.USAGE;
        }
        if (svgDir != null && !Files.isDirectory(svgDir)) {
            err.println("error: --svg " + svgDir + ": not an existing directory");
            return ExitCodes.USAGE;
        }
        HtmlReport report;
        try {
            report = build(input);
        } catch (IllegalArgumentException e) {
            err.println("error: " + input + ": " + e.getMessage());
            return ExitCodes.MODEL;
        } catch (ModelFileException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.MODEL;
        } catch (IOException e) {
            err.println("error: " + input + ": cannot read (" + e.getMessage() + ")");
            return ExitCodes.ERROR;
        }
        try {
            Path written = report.write(out);
            spec.commandLine().getOut().println(written);
            if (svgDir != null) {
                int n = report.writeSvgs(svgDir).size();
                err.println("report: " + n + " SVG charts written to " + svgDir.toAbsolutePath());
            }
            spec.commandLine().getOut().flush();
        } catch (IOException e) {
            err.println("error: cannot write " + out + ": " + e.getMessage());
            return ExitCodes.ERROR;
        }
        return ExitCodes.OK;
    }

    static HtmlReport build(Path input) throws IOException {
        byte[] head;
        try (var in = Files.newInputStream(input)) {
            head = in.readNBytes(64);
        }
        String start = new String(head, StandardCharsets.UTF_8).stripLeading();
        if (start.startsWith("{")) {
            Object parsed = Json.parse(Files.readString(input, StandardCharsets.UTF_8));
            return ExperimentReport.of(ExperimentResult.fromJson(parsed));
        }
        return ModelReport.of(ModelFile.read(input), input.getFileName().toString());
    }
}
