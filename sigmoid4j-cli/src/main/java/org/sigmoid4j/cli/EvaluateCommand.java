package org.sigmoid4j.cli;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sigmoid4j.data.Table;
import org.sigmoid4j.model.io.ModelFile;
import org.sigmoid4j.model.io.TrainedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Evaluates a model on labelled data. */
@Command(name = "evaluate", sortOptions = false, mixinStandardHelpOptions = true,
        header = "Evaluate a model file on labelled CSV data.",
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
        Map<String, Object> e = Metrics.of(p, y, m.labels().numClasses(), m.threshold());
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            o.println(JSON.std.asString(e));
        } else {
            o.println("Evaluation of " + model.getFileName() + " on " + data.getFileName() + " (" + t.rows() + " rows):");
            Metrics.print(o, e, m.labels());
        }
        o.flush();
        return ExitCodes.OK;
    }
}
