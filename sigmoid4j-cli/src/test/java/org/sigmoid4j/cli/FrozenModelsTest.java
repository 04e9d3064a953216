package org.sigmoid4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sigmoid4j.data.CsvReader;
import org.sigmoid4j.data.Table;
import org.sigmoid4j.model.io.ModelFile;
import org.sigmoid4j.model.io.TrainedModel;
import org.sigmoid4j.testkit.SharedFiles;

/**
 * Frozen model files of format version 1 (written by {@link #main} with the training arguments
 * below; rerun it only when a new format version adds files). Each must keep loading, and predict
 * within 1e-7 of a fresh training run with the same data, options and seed.
 */
class FrozenModelsTest {

    record Frozen(String file, String data, String[] train) {}

    static final List<Frozen> FILES = List.of(
            new Frozen("spambase-l2.s4j", "data/spambase.csv", new String[] {"--target", "label"}),
            new Frozen("digits-multinomial.s4j", "data/digits.csv", new String[] {"--target", "label", "--C", "0.1"}),
            new Frozen("breast-cancer-l1.s4j", "data/breast_cancer.csv",
                    new String[] {"--target", "label", "--penalty", "l1", "--C", "0.5", "--test-fraction", "0", "--threshold", "0.3"}));

    static final String DIR = "/org/sigmoid4j/cli/models/v1/";

    @TempDir
    Path tmp;

    private static String[] args(Frozen f, Path out) {
        List<String> a = new ArrayList<>(List.of("train", "-q", "--data", SharedFiles.resolve(f.data()).toString(), "--out", out.toString()));
        a.addAll(List.of(f.train()));
        return a.toArray(String[]::new);
    }

    /** Regenerates the files: {@code main(<repo root>)}. */
    public static void main(String[] argv) {
        for (Frozen f : FILES) {
            Path out = Path.of(argv[0], "sigmoid4j-cli/src/test/resources" + DIR + f.file());
            Cli r = Cli.run(args(f, out));
            System.out.println(f.file() + ": " + r);
        }
    }

    @Test
    void version1FilesLoadAndPredictLikeAFreshTraining() throws IOException {
        for (Frozen f : FILES) {
            byte[] bytes;
            try (InputStream in = FrozenModelsTest.class.getResourceAsStream(DIR + f.file())) {
                bytes = in.readAllBytes();
            }
            assertEquals(1, bytes[8], f.file());
            TrainedModel frozen = ModelFile.fromBytes(bytes, f.file());
            Path fresh = tmp.resolve(f.file());
            Cli r = Cli.run(args(f, fresh));
            assertEquals(0, r.code(), r.toString());
            TrainedModel now = ModelFile.read(fresh);
            assertEquals(frozen.schema(), now.schema());
            assertEquals(frozen.labels(), now.labels());
            Table t = CsvReader.read(SharedFiles.resolve(f.data()), frozen.schema().columns(false), CsvReader.Options.defaults());
            double[] a = frozen.predictProba(t);
            double[] b = now.predictProba(t);
            double max = 0;
            for (int i = 0; i < a.length; i++) {
                max = Math.max(max, Math.abs(a[i] - b[i]));
            }
            assertEquals(0, max, 1e-7, f.file() + ": max probability difference " + max);
            assertEquals(frozen.provenance().dataSha256(), now.provenance().dataSha256());
            assertEquals(Files.size(fresh) > 0, true);
        }
    }
}
