package org.sigmoid4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sigmoid4j.testkit.ReferenceVectors;
import org.sigmoid4j.testkit.Ulps;

/** {@code sigmoid4j fn}, run in-process, checked against the mpmath reference vectors. */
class FnCommandTest {

    record Run(int code, String out, String err) {}

    static Run run(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        FnCommand.stdin = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        try {
            int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
            return new Run(code, out.toString(), err.toString());
        } finally {
            FnCommand.stdin = System.in;
        }
    }

    @Test
    void referenceRowsThroughAFileInHexAndDecimal(@TempDir Path dir) throws Exception {
        String[][] cases = {{"sigmoid", "sigmoid"}, {"log-sigmoid", "log_sigmoid"}, {"silu", "silu"}, {"logit", "logit"},
            {"sigmoid-derivative", "sigmoid_derivative"}, {"softplus", "softplus"}, {"tanh", "tanh"}};
        for (String[] c : cases) {
            for (boolean f32 : new boolean[] {false, true}) {
                ReferenceVectors v = ReferenceVectors.load(c[1], f32);
                StringBuilder input = new StringBuilder();
                for (int i = 0; i < v.size(); i += 7) {
                    input.append(i % 2 == 0 ? Double.toHexString(v.x()[i]) : Double.toString(v.x()[i]));
                    input.append(i % 3 == 0 ? "\n" : " \t ");
                }
                Path file = dir.resolve(c[1] + f32 + ".txt");
                Files.writeString(file, input);
                for (boolean hex : new boolean[] {false, true}) {
                    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("fn", c[0], "--in", file.toString()));
                    if (f32) args.add("--float");
                    if (hex) args.add("--hex");
                    Run r = run("", args.toArray(String[]::new));
                    assertEquals(0, r.code(), r.err());
                    String[] lines = r.out().split("\n");
                    assertEquals((v.size() + 6) / 7, lines.length);
                    for (int i = 0, row = 0; row < v.size(); i++, row += 7) {
                        String what = c[0] + (f32 ? " --float" : "") + " x=" + Ulps.show(v.x()[row]) + " expected "
                                + Ulps.show(v.expected()[row]) + " got " + lines[i];
                        if (f32) {
                            float got = Float.parseFloat(lines[i]);
                            assertEquals(0, Ulps.between(got, (float) v.expected()[row]), what);
                            if (hex) assertEquals(Float.toHexString(got), lines[i]);
                        } else {
                            double got = Double.parseDouble(lines[i]);
                            assertTrue(Ulps.between(got, v.expected()[row]) <= 1, what);
                            if (hex) assertEquals(Double.toHexString(got), lines[i]);
                        }
                    }
                }
            }
        }
    }

    @Test
    void piecewiseFunctionsAndSpecialTokensFromStdin() {
        Run r = run("-0x1.8p3 0 1.5\n3 NaN Infinity -Infinity", "fn", "hard-sigmoid");
        assertEquals(0, r.code(), r.err());
        assertEquals("0.0\n0.5\n0.75\n1.0\nNaN\n1.0\n0.0\n", r.out());
        r = run("-2 2.5 -0.0", "fn", "relu", "--float");
        assertEquals("0.0\n2.5\n0.0\n", r.out());
        r = run("0.1", "fn", "relu", "--float", "--hex");
        assertEquals(Float.toHexString(0.1f) + "\n", r.out());
        r = run("", "fn", "sigmoid");
        assertEquals(0, r.code());
        assertEquals("", r.out());
    }

    @Test
    void badTokenNamesItsLineAndExitsWithDataError() {
        Run r = run("1 2\n\n3 abc 4\n", "fn", "sigmoid");
        assertEquals(ExitCodes.DATA, r.code());
        assertTrue(r.err().contains("line 3") && r.err().contains("'abc'"), r.err());
        assertEquals(3, r.out().split("\n").length, r.out());
        r = run("1.5f", "fn", "sigmoid");
        assertEquals(ExitCodes.DATA, r.code());
        assertTrue(r.err().contains("line 1") && r.err().contains("'1.5f'"), r.err());
    }

    @Test
    void unknownFunctionIsAUsageErrorListingTheValidNames() {
        Run r = run("1", "fn", "gelu");
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("'gelu'") && r.err().contains("hard-sigmoid") && r.err().contains("sigmoid-derivative"),
                r.err());
        r = run("1", "fn", "sigmoid", "--in", "/nonexistent/file.txt");
        assertEquals(ExitCodes.DATA, r.code());
        assertTrue(r.err().contains("/nonexistent/file.txt"), r.err());
    }

    /** Streams: a million values in well under the budget (generous here: the test machines are shared). */
    @Test
    void aMillionValuesStream() {
        StringBuilder sb = new StringBuilder(8_000_000);
        for (int i = 0; i < 1_000_000; i++) sb.append(i % 2000 * 0.01 - 10).append(i % 10 == 9 ? '\n' : ' ');
        long t0 = System.nanoTime();
        Run r = run(sb.toString(), "fn", "sigmoid");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(0, r.code(), r.err());
        assertEquals(1_000_000, r.out().split("\n").length);
        assertTrue(ms < 5000, "took " + ms + " ms");
    }
}
