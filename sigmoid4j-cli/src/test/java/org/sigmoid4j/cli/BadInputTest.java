package org.sigmoid4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.sigmoid4j.data.FeatureSchema;
import org.sigmoid4j.data.LabelMapping;
import org.sigmoid4j.data.Standardizer;
import org.sigmoid4j.model.io.ModelFile;
import org.sigmoid4j.model.io.Provenance;
import org.sigmoid4j.model.io.TestLinear;
import org.sigmoid4j.model.io.TrainedModel;

/**
 * The bad-input suite: every case asserts the exit code, that the message names the file and
 * line (or the option), that no stack trace is printed, and that no output file was created.
 */
class BadInputTest {

    @TempDir
    static Path dir;

    static Path model;

    @BeforeAll
    static void fixtures() throws IOException {
        TestLinear.register();
        model = dir.resolve("good.s4j");
        ModelFile.write(new TrainedModel(new FeatureSchema(List.of("a", "b", "c"), "y"),
                new LabelMapping(List.of("0", "1"), true), new Standardizer(new double[] {0, 0, 0}, new double[] {1, 1, 1}), 0.5,
                new TestLinear(3, 2, new double[] {0, 1, -1, 0.5}),
                new Provenance("test", "test", "test", Map.of(), 1, "t.csv", null, 4, 4, 0.5, null), List.of(), Map.of()),
                model);
        cases(); // writes the data files
    }

    private Path out;

    @BeforeEach
    void freshOut() throws IOException {
        out = Files.createTempDirectory(dir, "out").resolve("result.out");
    }

    static Path csv(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    static Path bytes(String name, byte[] content) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    /** One case: the arguments, the expected exit code and the fragments the message must contain. */
    record Case(String name, int code, List<String> args, List<String> fragments) {}

    private static Case c(String name, int code, String args, String... fragments) {
        return new Case(name, code, new ArrayList<>(Arrays.asList(args.split(" "))), List.of(fragments));
    }

    private void check(Case k) {
        List<String> args = new ArrayList<>();
        for (String a : k.args()) {
            args.add(a.replace("OUT", out.toString()).replace("DIR/", dir + "/").replace("MODEL", model.toString()));
        }
        Cli r = Cli.run(args.toArray(String[]::new));
        assertEquals(k.code(), r.code(), k.name() + "\n" + r);
        for (String f : k.fragments()) {
            assertTrue(r.err().contains(f), k.name() + ": expected '" + f + "' in the message\n" + r);
        }
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), k.name() + ": stack trace or exception name\n" + r);
        assertTrue(r.out().isEmpty(), k.name() + ": nothing on stdout\n" + r);
        try (Stream<Path> s = Files.list(out.getParent())) {
            assertEquals(List.of(), s.toList(), k.name() + ": no output or temporary file is created");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static List<Case> cases() throws IOException {
        csv("empty.csv", "");
        csv("header.csv", "a,b,y\n");
        csv("ragged.csv", "a,b,y\n1,2,0\n3,4\n");
        csv("text.csv", "a,b,y\n1,2,0\n3,abc,1\n");
        csv("nan.csv", "a,b,y\n1,NaN,0\n3,4,1\n");
        csv("inf.csv", "a,b,y\n1,2,0\n3,4,1\n-Infinity,5,0\n");
        csv("overflow.csv", "a,b,y\n1,2,0\n3,1e999,1\n");
        csv("blank.csv", "a,b,y\n1,2,0\n3,,1\n");
        csv("dup.csv", "a,b,a,y\n1,2,3,0\n");
        csv("noname.csv", "a,,y\n1,2,0\n");
        csv("ok.csv", "a,b,c,y\n1,2,3,0\n2,3,4,1\n3,4,5,0\n4,5,6,1\n5,6,7,0\n6,7,8,1\n7,8,9,0\n8,9,1,1\n9,1,2,0\n1,3,5,1\n");
        csv("oneclass.csv", "a,b,y\n1,2,1\n3,4,1\n5,6,1\n");
        csv("three.csv", "a,b,y\n1,2,cat\n3,4,dog\n5,6,emu\n");
        csv("twotext.csv", "a,b,y\n1,2,spam\n3,4,ham\n");
        csv("allbad.csv", "a,b,y\nx,2,1\n3,y,0\n");
        csv("semicolon.csv", "a;b;y\n1;2;0\n3;4;1\n");
        bytes("bad.csv.gz", "a,b,y\n1,2,0\n".getBytes(StandardCharsets.UTF_8));
        csv("missingfeature.csv", "a,c,y\n1,2,0\n");
        csv("missingtwo.csv", "b,y\n1,0\n");
        csv("notarget.csv", "a,b,c\n1,2,3\n");
        csv("threelabels.csv", "a,b,c,y\n1,2,3,0\n1,2,3,1\n1,2,3,2\n");
        byte[] good = Files.readAllBytes(model);
        bytes("empty.s4j", new byte[0]);
        bytes("truncated.s4j", Arrays.copyOf(good, good.length / 2));
        bytes("truncated-header.s4j", Arrays.copyOf(good, 5));
        byte[] random = new byte[4096];
        new SplittableRandom(5).nextBytes(random);
        bytes("random.s4j", random);
        byte[] newer = good.clone();
        ByteBuffer.wrap(newer).order(ByteOrder.LITTLE_ENDIAN).putInt(8, 99);
        bytes("newer.s4j", newer);
        byte[] flipped = good.clone();
        flipped[flipped.length - 20] ^= 1;
        bytes("flipped.s4j", flipped);
        byte[] kind = new String(good, StandardCharsets.ISO_8859_1).replace("\"kind\":\"test-linear\"", "\"kind\":\"perceptron!\"")
                .getBytes(StandardCharsets.ISO_8859_1);
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(kind, 0, kind.length - 4);
        ByteBuffer.wrap(kind).order(ByteOrder.LITTLE_ENDIAN).putInt(kind.length - 4, (int) crc.getValue());
        bytes("kind.s4j", kind);

        String train = "train --out OUT --data DIR/";
        return List.of(
                // training data
                c("empty file", 3, train + "empty.csv --target y", "empty.csv", "empty (no header line)"),
                c("header only", 3, train + "header.csv --target y", "header.csv", "header but no data rows"),
                c("ragged row", 3, train + "ragged.csv --target y", "ragged.csv, line 3", "2 fields", "3 columns"),
                c("non-numeric cell", 3, train + "text.csv --target y", "text.csv, line 3, column 'b'", "'abc' is not a number"),
                c("NaN cell", 3, train + "nan.csv --target y", "nan.csv, line 2, column 'b'", "NaN or infinite"),
                c("infinite cell", 3, train + "inf.csv --target y", "inf.csv, line 4, column 'a'", "'-Infinity'"),
                c("overflowing number", 3, train + "overflow.csv --target y", "overflow.csv, line 3, column 'b'", "overflows"),
                c("empty cell", 3, train + "blank.csv --target y", "blank.csv, line 3, column 'b'", "missing value"),
                c("duplicate column names", 3, train + "dup.csv --target y", "dup.csv, line 1", "duplicate column name a"),
                c("column without a name", 3, train + "noname.csv --target y", "noname.csv", "column 2 of the header has no name"),
                c("missing target column", 3, train + "ok.csv --target label", "ok.csv", "no target column 'label'", "a, b, c, y"),
                c("target with one class", 3, train + "oneclass.csv --target y", "oneclass.csv", "only one class (1)"),
                c("three classes for a binary model", 3, train + "three.csv --target y --positive cat", "three.csv",
                        "3 classes (cat, dog, emu)", "binary"),
                c("two text labels without --positive", 3, train + "twotext.csv --target y", "twotext.csv", "--positive"),
                c("--positive not a value of the target", 3, train + "twotext.csv --target y --positive eggs", "--positive eggs"),
                c("every row invalid with --drop-invalid", 3, train + "allbad.csv --target y --drop-invalid",
                        "allbad.csv", "all 2 data rows are invalid", "line 2"),
                c("wrong delimiter leaves no target", 3, train + "semicolon.csv --target y", "semicolon.csv", "no target column 'y'"),
                c("not really gzip", 3, train + "bad.csv.gz --target y", "bad.csv.gz", "not a valid gzip file"),
                c("excluding a column that is not there", 3, train + "ok.csv --target y --exclude id", "ok.csv",
                        "no column 'id' to exclude"),
                c("excluding every feature", 3, train + "ok.csv --target y --exclude a,b,c", "ok.csv", "no feature columns are left"),
                c("missing data file", 3, train + "nope.csv --target y", "nope.csv: no such file"),
                c("data is a directory", 3, "train --out OUT --target y --data " + dir, "is a directory"),
                // options
                c("unknown option", 2, "train --out OUT --frobnicate", "Unknown option: '--frobnicate'"),
                c("negative C", 2, train + "ok.csv --target y --C -1", "--C must be a positive"),
                c("lambda of 0", 2, train + "ok.csv --target y --lambda 0", "--lambda must be a positive"),
                c("zero C", 2, train + "ok.csv --target y --C 0", "--C must be a positive"),
                c("C not a number", 2, train + "ok.csv --target y --C lots", "--C", "lots"),
                c("epochs 0", 2, train + "ok.csv --target y --solver sgd --epochs 0", "--epochs must be at least 1"),
                c("max-iter 0", 2, train + "ok.csv --target y --max-iter 0", "--max-iter must be at least 1"),
                c("unknown penalty", 2, train + "ok.csv --target y --penalty l3", "--penalty must be none, l2, l1 or elasticnet"),
                c("unknown solver", 2, train + "ok.csv --target y --solver magic", "--solver must be gd, sgd, lbfgs or newton"),
                c("newton with l1", 2, train + "ok.csv --target y --penalty l1 --solver newton", "--solver newton", "--penalty l1"),
                c("newton with elastic net", 2, train + "ok.csv --target y --penalty elasticnet --solver newton",
                        "--solver newton", "--penalty elasticnet"),
                c("l1-ratio out of range", 2, train + "ok.csv --target y --penalty elasticnet --l1-ratio 1.5", "--l1-ratio must be in [0, 1]"),
                c("l1-ratio without elastic net", 2, train + "ok.csv --target y --l1-ratio 0.5", "--l1-ratio applies only"),
                c("C and lambda together", 2, train + "ok.csv --target y --C 1 --lambda 0.1", "--C and --lambda"),
                c("C with no penalty", 2, train + "ok.csv --target y --penalty none --C 2", "--penalty none takes no --C"),
                c("threshold out of range", 2, train + "ok.csv --target y --threshold 1.5", "--threshold must be a number in (0, 1), f1 or youden"),
                c("threshold not a rule", 2, train + "ok.csv --target y --threshold best", "--threshold", "'best'"),
                c("test fraction 1", 2, train + "ok.csv --target y --test-fraction 1", "--test-fraction must be in [0, 1)"),
                c("data without target", 2, train + "ok.csv", "--target COLUMN is required with --data"),
                c("unknown model kind", 2, train + "ok.csv --target y --model forest", "--model must be one of", "forest"),
                c("delimiter of two characters", 2, train + "ok.csv --target y --delimiter ;;", "--delimiter must be one character"),
                c("output in a missing directory", 2, "train --data DIR/ok.csv --target y --out DIR/no/such/dir/m.s4j",
                        "--out", "does not exist"),
                c("output is a directory", 2, "train --data DIR/ok.csv --target y --out " + dir, "--out", "is a directory"),
                c("seed not a number", 2, train + "ok.csv --target y --seed x", "--seed", "'x'"),
                // model files
                c("missing model file", 4, "evaluate --model DIR/nope.s4j --data DIR/ok.csv", "nope.s4j: no such model file"),
                c("empty model file", 4, "predict --out OUT --model DIR/empty.s4j --data DIR/ok.csv", "empty.s4j", "empty"),
                c("truncated model file", 4, "evaluate --model DIR/truncated.s4j --data DIR/ok.csv", "truncated.s4j: truncated"),
                c("model file cut inside the signature", 4, "summary DIR/truncated-header.s4j", "truncated-header.s4j: truncated"),
                c("random bytes as a model file", 4, "predict --out OUT --model DIR/random.s4j --data DIR/ok.csv",
                        "random.s4j: not a sigmoid4j model file"),
                c("a CSV as the model file", 4, "summary DIR/ok.csv", "ok.csv: not a sigmoid4j model file"),
                c("newer format version", 4, "summary DIR/newer.s4j", "newer.s4j: model format version 99 is newer", "upgrade"),
                c("one flipped bit", 4, "evaluate --model DIR/flipped.s4j --data DIR/ok.csv", "flipped.s4j: corrupt", "checksum"),
                c("unknown model kind in the file", 4, "summary DIR/kind.s4j", "kind.s4j: model kind 'perceptron!' is not known"),
                c("model path is a directory", 4, "summary " + dir, "is a directory"),
                // prediction and evaluation data
                c("prediction data missing a feature", 3, "predict --out OUT --model MODEL --data DIR/missingfeature.csv",
                        "missingfeature.csv: missing column b"),
                c("prediction data missing two features", 3, "predict --out OUT --model MODEL --data DIR/missingtwo.csv",
                        "missing columns a, c"),
                c("evaluation data without the target", 3, "evaluate --model MODEL --data DIR/notarget.csv",
                        "notarget.csv: missing column y (the target)"),
                c("three classes for a binary model", 3, "evaluate --model MODEL --data DIR/threelabels.csv",
                        "threelabels.csv, line 4, column 'y'", "'2' is not one of the model's classes", "binary"),
                c("non-numeric prediction cell", 3, "predict --out OUT --model MODEL --data DIR/text.csv", "text.csv", "missing column c"),
                c("prediction output in a missing directory", 2, "predict --model MODEL --data DIR/ok.csv --out DIR/none/p.csv",
                        "--out", "does not exist"),
                c("summary without a model", 2, "summary", "Missing required parameter: 'MODEL'"),
                c("evaluate without --model", 2, "evaluate --data DIR/ok.csv", "Missing required option: '--model=MODEL'"),
                c("predict without --data", 2, "predict --model MODEL", "Missing required option: '--data=FILE'"),
                c("unknown command", 2, "fit", "Unmatched argument", "'fit'"));
    }

    @TestFactory
    Stream<DynamicTest> everyCase() throws IOException {
        List<Case> cases = cases();
        assertTrue(cases.size() >= 30);
        return cases.stream().map(k -> DynamicTest.dynamicTest(k.name(), () -> check(k)));
    }

    @Test
    void extraColumnsAreAllowedAndReportedWithVerbose() throws IOException {
        Path data = csv("extra.csv", "id,c,b,a,note\nr1,1,2,3,x\nr2,0,0,0,\"quoted, with comma\"\n");
        Cli quiet = Cli.run("predict", "--model", model.toString(), "--data", data.toString(), "--out", out.toString());
        assertEquals(0, quiet.code(), quiet.toString());
        assertFalse(quiet.err().contains("ignoring"), quiet.toString());
        Cli verbose = Cli.run("predict", "-v", "--model", model.toString(), "--data", data.toString());
        assertEquals(0, verbose.code(), verbose.toString());
        assertTrue(verbose.err().contains("ignoring 2 columns the model does not use: id, note"), verbose.toString());
        // features matched by name: a=3, b=2, c=1 -> z = 1*3 - 1*2 + 0.5*1 = 1.5
        String[] lines = verbose.out().split("\n");
        assertEquals("id,c,b,a,note,probability,prediction", lines[0]);
        assertEquals("r1,1,2,3,x," + org.sigmoid4j.math.Logistic.sigmoid(1.5) + ",1", lines[1]);
        assertEquals("r2,0,0,0,\"quoted, with comma\",0.5,0", lines[2]);
        assertEquals(String.join("\n", lines) + "\n", Files.readString(out));
    }

    @Test
    void dropInvalidReportsTheCountAndSkipsTheRows() throws IOException {
        Path data = csv("some-bad.csv", "a,b,c\n1,2,3\nx,2,3\n0,0,0\n4,5\n");
        Cli r = Cli.run("predict", "--model", model.toString(), "--data", data.toString(), "--drop-invalid");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.err().contains("dropped 2 invalid rows (--drop-invalid); kept 2"), r.toString());
        assertEquals(3, r.out().split("\n").length);
        Cli q = Cli.run("predict", "-q", "--model", model.toString(), "--data", data.toString(), "--drop-invalid");
        assertEquals("", q.err());
    }

    @Test
    void evaluateAndSummaryOfAGoodModel() throws IOException {
        Cli e = Cli.run("evaluate", "--model", model.toString(), "--data", dir.resolve("ok.csv").toString(), "--json");
        assertEquals(0, e.code(), e.toString());
        assertTrue(e.out().startsWith("{\"n\":10,\"threshold\":0.5,\"accuracy\":"), e.toString());
        Cli s = Cli.run("summary", model.toString(), "--json");
        assertEquals(0, s.code(), s.toString());
        assertTrue(s.out().contains("\"kind\":\"test-linear\""), s.toString());
    }
}
