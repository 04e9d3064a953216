package org.sigmoid4j.cli;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import org.sigmoid4j.data.Table;
import org.sigmoid4j.model.io.AtomicFile;
import org.sigmoid4j.model.io.ModelFile;
import org.sigmoid4j.model.io.TrainedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Adds predictions to a CSV file. */
@Command(name = "predict", sortOptions = false, mixinStandardHelpOptions = true,
        header = "Add predicted probabilities and labels to a CSV file.",
        description = {"Predict with a model file: writes the input CSV with added columns 'probability' (of the "
                + "positive class; 'p_<class>' per class for multinomial models) and 'prediction' (the class label). "
                + "Features are matched by column name; other columns are copied through unchanged."},
        footer = {"", "Example:", "  sigmoid4j predict --model sigmoid4j-model.s4j --data new.csv --out scored.csv", "",
                ExitCodes.HELP_TEXT})
final class PredictCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    Messages msg;

    @Option(names = {"-m", "--model"}, paramLabel = "MODEL", required = true, description = "The model file.")
    Path model;

    @Option(names = "--data", paramLabel = "FILE", required = true,
            description = "CSV (or .csv.gz) with the model's feature columns (any order; extra columns allowed).")
    Path data;

    @Mixin
    DataOptions dataOptions;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE",
            description = "Write the result here, atomically (default: standard output).")
    Path out;

    @Override
    public Integer call() throws IOException {
        msg.err = spec.commandLine().getErr();
        char delimiter = dataOptions.delimiterChar();
        if (out != null) {
            OutputFile.check(out, "--out");
        }
        TrainedModel m = ModelFile.read(model);
        Table t = dataOptions.read(data, m.schema().columns(false), false, msg);
        double[] p = m.predictProba(t);
        int[] cls = m.classify(p, t.rows());
        int k = m.labels().numClasses();

        if (out == null) {
            Writer w = spec.commandLine().getOut();
            write(w, t, p, cls, k, m, delimiter);
            w.flush();
        } else {
            AtomicFile.write(out, os -> {
                Writer w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16);
                write(w, t, p, cls, k, m, delimiter);
                w.flush();
            });
            msg.info("Predictions for " + t.rows() + " rows written to " + out);
        }
        return ExitCodes.OK;
    }

    /** Re-reads the input (FastCSV) and copies each kept row with the prediction columns appended. */
    private void write(Writer w, Table t, double[] p, int[] cls, int k, TrainedModel m, char delimiter) throws IOException {
        CsvWriter csv = CsvWriter.builder().fieldSeparator(delimiter).lineDelimiter(de.siegmar.fastcsv.writer.LineDelimiter.LF)
                .build(w);
        try (InputStream raw = Files.newInputStream(data);
             InputStream in = data.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
             CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(delimiter).skipEmptyLines(true)
                     .allowExtraFields(true).allowMissingFields(true).detectBomHeader(true)
                     .ofCsvRecord(in, StandardCharsets.UTF_8)) {
            boolean header = true;
            int next = 0;
            List<String> extra = new ArrayList<>();
            for (CsvRecord r : reader) {
                if (header) {
                    header = false;
                    List<String> names = new ArrayList<>(r.getFields());
                    if (k == 2) {
                        extra.add(unique(names, "probability"));
                    } else {
                        for (String c : m.labels().classes()) {
                            extra.add(unique(names, "p_" + c));
                        }
                    }
                    extra.add(unique(names, "prediction"));
                    csv.writeRecord(names);
                    continue;
                }
                if (next >= t.rows() || r.getStartingLineNumber() != t.line(next)) {
                    continue; // dropped by --drop-invalid
                }
                List<String> fields = new ArrayList<>(r.getFields());
                if (k == 2) {
                    fields.add(Double.toString(p[2 * next + 1]));
                } else {
                    for (int c = 0; c < k; c++) {
                        fields.add(Double.toString(p[next * k + c]));
                    }
                }
                fields.add(m.labels().classes().get(cls[next]));
                csv.writeRecord(fields);
                next++;
            }
        }
        csv.flush();
    }

    private static String unique(List<String> names, String name) {
        String n = name;
        while (names.contains(n)) {
            n = "predicted_" + n;
        }
        names.add(n);
        return n;
    }
}
