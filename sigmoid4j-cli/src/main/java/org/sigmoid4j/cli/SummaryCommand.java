package org.sigmoid4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sigmoid4j.lr.FitSummary;
import org.sigmoid4j.lr.LogisticRegressionModel;
import org.sigmoid4j.lr.MultinomialSummary;
import org.sigmoid4j.model.io.ModelFile;
import org.sigmoid4j.nn.MlpClassifier;
import org.sigmoid4j.model.io.Provenance;
import org.sigmoid4j.model.io.TrainedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Describes a model file. */
@Command(name = "summary", sortOptions = false, mixinStandardHelpOptions = true,
        header = "Describe a model file (R-style table for logistic regression).",
        description = {"Describe a model file: for logistic regression the R-style coefficient table (estimates, "
                + "standard errors, z and p values for unpenalised fits), deviance, AIC and warnings; then kind, features, classes, preprocessing, held-out evaluation and provenance "
                + "(library, JDK, kernels, training options, seed, data SHA-256, rows, final loss).",
                "--json: the coefficient table's fields (coefficients as {name, estimate, std_error, z, p}, intercept "
                + "first; deviance, null_deviance, aic, log_likelihood, iterations, converged, warnings) and 'model' with the rest."},
        footer = {"", ExitCodes.HELP_TEXT})
final class SummaryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    Messages msg;

    @Parameters(index = "0", paramLabel = "MODEL", description = "The model file.")
    Path model;

    @Option(names = "--json", description = "Print the summary as one JSON object.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        msg.err = spec.commandLine().getErr();
        TrainedModel m = ModelFile.read(model);
        Map<String, Object> s = describe(m);
        PrintWriter o = spec.commandLine().getOut();
        LogisticRegressionModel lr = m.classifier() instanceof LogisticRegressionModel l ? l : null;
        // the coefficient table: R's glm summary (binary) or multinom summary (unpenalised multinomial)
        FitSummary table = lr == null ? null
                : lr.summary().<FitSummary>map(g -> g).or(() -> lr.multinomialSummary()).orElse(null);
        if (json) {
            if (table != null) {
                Map<String, Object> all = new LinkedHashMap<>(table.toMap());
                if (table instanceof MultinomialSummary) {
                    all.put("separation", lr.report().separation().label());
                }
                all.put("model", s);
                s = all;
            } else if (lr != null) {
                s.put("separation", lr.report().separation().label());
                s.put("warnings", lr.warnings());
            }
            o.println(org.sigmoid4j.diagnostics.Json.write(s)); // nulls kept: an NA estimate or a missing SE stays visible
        } else {
            if (table != null) {
                o.println(table.format());
            } else if (lr != null) {
                // penalised multinomial fits have no coefficient table, but may have warnings
                // (separation, non-convergence): the tables print their own
                for (String w : lr.warnings()) {
                    o.println("Warning: " + w);
                }
            }
            if (m.classifier() instanceof MlpClassifier mlp) {
                o.print(mlp.describe());
                o.print(MlpClassifier.historyTable(m.history()));
                var diagnostics = org.sigmoid4j.report.ModelReport.diagnostics(m);
                if (!diagnostics.isEmpty()) {
                    o.println("Diagnostics: " + org.sigmoid4j.diagnostics.Verdict.of(diagnostics, m.labels().numClasses()).headline()
                            + " (charts: sigmoid4j report " + model.getFileName() + " --out report.html)");
                }
            }
            o.println("Model " + model.getFileName() + ": " + m.kind() + ", " + m.schema().size() + " features, "
                    + m.labels().numClasses() + " classes " + m.labels().classes()
                    + (m.labels().binary() ? " (positive: " + m.labels().positive() + ", threshold " + m.threshold() + ")" : ""));
            o.println("  target        " + m.schema().target());
            o.println("  features      " + String.join(", ", m.schema().features()));
            o.println("  standardised  " + standardisation(m));
            Provenance p = m.provenance();
            o.println("  trained with  sigmoid4j " + p.library() + ", JDK " + p.jdk() + ", kernels " + p.kernels());
            o.println("  options       " + p.training());
            o.println("  seed          " + p.seed());
            o.println("  data          " + p.dataSource() + " (" + p.dataRows() + " rows, " + p.trainRows()
                    + " used for fitting; SHA-256 " + p.dataSha256() + ")");
            o.println("  final loss    " + p.finalLoss());
            if (p.createdAt() != null) {
                o.println("  created       " + p.createdAt());
            }
            if (!m.evaluation().isEmpty()) {
                o.println("Held-out evaluation at training time (" + m.evaluation().get("split") + "):");
                Metrics.print(o, m.evaluation(), m.labels());
            }
        }
        o.flush();
        return ExitCodes.OK;
    }

    static Map<String, Object> describe(TrainedModel m) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("kind", m.kind());
        s.put("target", m.schema().target());
        s.put("features", m.schema().features());
        s.put("classes", m.labels().classes());
        if (m.labels().binary()) {
            s.put("threshold", m.threshold());
        }
        s.put("standardized", m.standardizer() != null);
        Provenance p = m.provenance();
        Map<String, Object> prov = new LinkedHashMap<>();
        prov.put("library", p.library());
        prov.put("jdk", p.jdk());
        prov.put("kernels", p.kernels());
        prov.put("training", p.training());
        prov.put("seed", p.seed());
        prov.put("data_source", p.dataSource());
        prov.put("data_sha256", p.dataSha256());
        prov.put("data_rows", p.dataRows());
        prov.put("train_rows", p.trainRows());
        prov.put("final_loss", Double.isFinite(p.finalLoss()) ? p.finalLoss() : null);
        if (p.createdAt() != null) {
            prov.put("created_at", p.createdAt());
        }
        s.put("provenance", prov);
        s.put("evaluation", m.evaluation());
        s.put("history_records", m.history().size());
        if (m.classifier() instanceof MlpClassifier mlp) {
            List<Map<String, Object>> layers = new ArrayList<>();
            for (MlpClassifier.LayerRow r : mlp.layerTable()) {
                Map<String, Object> l = new LinkedHashMap<>();
                l.put("index", r.index());
                l.put("type", r.type());
                l.put("description", r.description());
                l.put("outputs", r.outputs());
                l.put("parameters", r.parameters());
                layers.add(l);
            }
            s.put("layers", layers);
            s.put("parameters", mlp.network().parameterCount());
            s.put("loss", mlp.loss().id());
            s.put("history", m.history());
        }
        return s;
    }

    /** Where standardisation happens: in the model file's preprocessing, inside the classifier, or not at all. */
    private static String standardisation(TrainedModel m) {
        if (m.standardizer() != null) {
            return "yes (training mean and population sd, applied before the classifier)";
        }
        if (m.classifier() instanceof LogisticRegressionModel lr && lr.standardized()) {
            return "yes, inside the fit (training mean and population sd; coefficients shown on the original scale)";
        }
        return "no";
    }
}
