package org.sigmoid4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.DoubleUnaryOperator;
import org.sigmoid4j.math.Logistic;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sigmoid4j fn NAME}: evaluates one function of the sigmoid family on numbers read from
 * stdin or a file. Streams: bytes are read in large blocks and split on white space by hand
 * (no regular expressions, no line strings); each token is parsed once by
 * {@link Double#parseDouble} / {@link Float#parseFloat} (decimal, hex floats, NaN, ±Infinity)
 * and each result is written as the shortest decimal that reads back exactly
 * ({@link Double#toString}, shortest since JDK 19) or, with {@code --hex}, as a hex float.
 * Values go through the scalar reference functions of {@link Logistic} (double ≤ 1 ulp, float
 * correctly rounded).
 */
@Command(name = "fn", mixinStandardHelpOptions = true,
        description = {"Evaluate a sigmoid-family function on numbers from stdin (or --in FILE), one result per line.",
                "Numbers are separated by white space: decimal, hex floats (-0x1.8p3), NaN, Infinity, -Infinity."},
        footer = {"", "Functions: sigmoid, sigmoid-derivative, log-sigmoid, softplus, logit, tanh, silu, hard-sigmoid, relu",
                "", ExitCodes.HELP_TEXT})
final class FnCommand implements Callable<Integer> {

    interface FloatOp {
        float apply(float x);
    }

    record Fn(DoubleUnaryOperator d, FloatOp f) {}

    static final Map<String, Fn> FUNCTIONS = new LinkedHashMap<>();

    static {
        FUNCTIONS.put("sigmoid", new Fn(Logistic::sigmoid, Logistic::sigmoid));
        FUNCTIONS.put("sigmoid-derivative", new Fn(Logistic::sigmoidDerivative, Logistic::sigmoidDerivative));
        FUNCTIONS.put("log-sigmoid", new Fn(Logistic::logSigmoid, Logistic::logSigmoid));
        FUNCTIONS.put("softplus", new Fn(Logistic::softplus, Logistic::softplus));
        FUNCTIONS.put("logit", new Fn(Logistic::logit, Logistic::logit));
        FUNCTIONS.put("tanh", new Fn(Logistic::tanh, Logistic::tanh));
        FUNCTIONS.put("silu", new Fn(Logistic::silu, Logistic::silu));
        FUNCTIONS.put("hard-sigmoid", new Fn(Logistic::hardSigmoid, Logistic::hardSigmoid));
        FUNCTIONS.put("relu", new Fn(Logistic::relu, Logistic::relu));
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "The function (see the list below).")
    String name;

    @Option(names = "--float", description = "Compute in float (binary32) instead of double.")
    boolean useFloat;

    @Option(names = "--hex", description = "Print results as hex floats (Double.toHexString / Float.toHexString).")
    boolean hex;

    @Option(names = "--in", paramLabel = "FILE", description = "Read the numbers from FILE instead of stdin.")
    Path in;

    /** Test hook: where stdin is read from (System.in unless a test sets it). */
    static InputStream stdin = System.in;

    @Override
    public Integer call() {
        Fn fn = FUNCTIONS.get(name);
        if (fn == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "unknown function '" + name + "'; valid: " + String.join(", ", FUNCTIONS.keySet()));
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (InputStream input = in == null ? new NonClosing(stdin) : Files.newInputStream(in)) {
            Tokens tokens = new Tokens(input);
            // results are appended to one builder (StringBuilder.append(double) writes the
            // shortest decimal without an intermediate String) and written in large blocks
            StringBuilder block = new StringBuilder(1 << 16);
            String token;
            while ((token = tokens.next()) != null) {
                try {
                    if (useFloat) {
                        float v = fn.f().apply(Float.parseFloat(checked(token)));
                        if (hex) block.append(Float.toHexString(v)); else block.append(v);
                    } else {
                        double v = fn.d().applyAsDouble(Double.parseDouble(checked(token)));
                        if (hex) block.append(Double.toHexString(v)); else block.append(v);
                    }
                } catch (NumberFormatException e) {
                    out.append(block);
                    out.flush();
                    err.println("error: " + (in == null ? "stdin" : in) + " line " + tokens.line()
                            + ": not a number: '" + tokens.lastTokenUtf8() + "'");
                    err.flush();
                    return ExitCodes.DATA;
                }
                block.append('\n');
                if (block.length() >= (1 << 16) - 64) {
                    out.append(block);
                    block.setLength(0);
                }
            }
            out.append(block);
        } catch (IOException e) {
            out.flush();
            err.println("error: cannot read " + (in == null ? "stdin" : in) + ": " + e.getMessage());
            err.flush();
            return ExitCodes.DATA;
        }
        out.flush();
        return ExitCodes.OK;
    }

    /**
     * Java's parsers also accept a type suffix ({@code 1.5f}, {@code 2d}) and surrounding
     * blanks; a number here is only what the help text lists.
     */
    private static String checked(String token) {
        char last = token.charAt(token.length() - 1);
        if ((last == 'f' || last == 'F' || last == 'd' || last == 'D') && !token.endsWith("Infinity")) {
            throw new NumberFormatException(token);
        }
        return token;
    }

    /** White-space separated tokens from a byte stream, with the line each one is on. */
    static final class Tokens {
        private final InputStream in;
        private final byte[] buf = new byte[1 << 16];
        private int pos;
        private int end;
        private long line = 1;
        private long tokenLine = 1;
        private byte[] tok = new byte[64];

        Tokens(InputStream in) {
            this.in = in;
        }

        /** The line of the token last returned. */
        long line() {
            return tokenLine;
        }

        String next() throws IOException {
            int c;
            do {
                c = read();
                if (c == '\n') {
                    line++;
                }
            } while (c >= 0 && isSpace(c));
            if (c < 0) {
                return null;
            }
            tokenLine = line;
            int len = 0;
            while (c >= 0 && !isSpace(c)) {
                if (len == tok.length) {
                    tok = Arrays.copyOf(tok, len * 2);
                }
                tok[len++] = (byte) c;
                c = read();
            }
            if (c == '\n') {
                line++;
            }
            tokLen = len;
            // Latin-1 is a plain byte copy; any non-ASCII byte makes the token invalid anyway
            return new String(tok, 0, len, StandardCharsets.ISO_8859_1);
        }

        private int tokLen;

        /** The last token decoded as UTF-8, for error messages. */
        String lastTokenUtf8() {
            return new String(tok, 0, tokLen, StandardCharsets.UTF_8);
        }

        private static boolean isSpace(int c) {
            return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == 0x0B;
        }

        private int read() throws IOException {
            if (pos == end) {
                end = in.read(buf, 0, buf.length);
                pos = 0;
                if (end <= 0) {
                    end = 0;
                    return -1;
                }
            }
            return buf[pos++] & 0xFF;
        }
    }

    /** Keeps try-with-resources from closing System.in. */
    private static final class NonClosing extends java.io.FilterInputStream {
        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {}
    }
}
