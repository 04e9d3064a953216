package org.sigmoid4j.cli;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sigmoid4j.data.LabelMapping;
import org.sigmoid4j.data.Table;
import org.sigmoid4j.model.Evaluation;
import org.sigmoid4j.model.io.ModelFile;
import org.sigmoid4j.model.io.TrainedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Evaluates a model on labelled data. */
@Command(name = "evaluate", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Evaluate a model file on labelled CSV data: accuracy, log-loss, Brier score, ROC AUC, PR AUC, "
                + "precision, recall, F1 and the confusion matrix. Features are matched by column name; extra columns are ignored."},
        footer = {"", "Example:", "  sigmoid4j evaluate --model sigmoid4j-model.s4j --data test.csv --json", "", ExitCodes.HELP_TEXT})
final class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    Messages msg;

    @Option(names = {"-m", "--model"}, paramLabel = "MODEL", required = true, description = "The model file.")
    Path model;

    @Option(names = "--data", paramLabel = "FILE", required = true,
            description = "CSV (or .csv.gz) with the model's feature columns and its target column.")
    Path data;

    @Mixin
    DataOptions dataOptions;

    @Option(names = "--json", description = "Print the metrics as one JSON object.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        msg.err = spec.commandLine().getErr();
        dataOptions.delimiterChar();
        TrainedModel m = ModelFile.read(model);
        Table t = dataOptions.read(data, m.schema().columns(true), false, msg);
        int[] y = m.labels().encode(t, m.schema().target());
        double[] p = m.predictProba(t);
        Map<String, Object> e = Evaluation.of(p, m.classify(p, t.rows()), y, m.labels().numClasses());
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            o.println(JSON.std.asString(e));
        } else {
            o.println("Evaluation of " + model.getFileName() + " on " + data.getFileName() + " (" + t.rows() + " rows):");
            printMetrics(o, e, m.labels());
        }
        o.flush();
        return ExitCodes.OK;
    }

    /** The metrics as an aligned table, confusion matrix last. */
    static void printMetrics(PrintWriter o, Map<String, Object> e, LabelMapping labels) {
        for (var entry : e.entrySet()) {
            if (entry.getValue() instanceof Double v) {
                o.printf(Locale.ROOT, "  %-10s %.6f%n", entry.getKey(), v);
            }
        }
        if (e.get("confusion") instanceof List<?> cm) {
            List<String> classes = labels.classes();
            int w = Math.max(8, classes.stream().mapToInt(String::length).max().orElse(1) + 2);
            o.println("  confusion (rows: true class, columns: predicted):");
            StringBuilder head = new StringBuilder("  " + " ".repeat(w));
            for (String c : classes) {
                head.append(String.format(Locale.ROOT, "%" + w + "s", c));
            }
            o.println(head);
            for (int i = 0; i < cm.size(); i++) {
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %" + w + "s", classes.get(i)));
                for (Object v : (List<?>) cm.get(i)) {
                    row.append(String.format(Locale.ROOT, "%" + w + "s", v));
                }
                o.println(row);
            }
        }
    }
}
