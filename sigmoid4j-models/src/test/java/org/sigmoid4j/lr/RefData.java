package org.sigmoid4j.lr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sigmoid4j.testkit.SharedFiles;

/**
 * Test-local readers for ../shared: the plain numeric CSVs (header, label last, no quoting) and
 * the reference JSON files (a minimal JSON parser; numbers through Double.parseDouble).
 */
final class RefData {

    private RefData() {}

    record Csv(List<String> names, double[] x, int n, int d, double[] y) {}

    static Csv csv(String name) {
        try {
            List<String> lines = Files.readAllLines(SharedFiles.resolve("data/" + name), StandardCharsets.UTF_8);
            String[] header = lines.get(0).split(",", -1);
            int d = header.length - 1;
            int n = 0;
            for (int i = 1; i < lines.size(); i++) {
                if (!lines.get(i).isEmpty()) {
                    n++;
                }
            }
            double[] x = new double[n * d];
            double[] y = new double[n];
            int r = 0;
            for (int i = 1; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isEmpty()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                for (int j = 0; j < d; j++) {
                    x[r * d + j] = Double.parseDouble(f[j]);
                }
                y[r] = Double.parseDouble(f[d]);
                r++;
            }
            return new Csv(List.of(header).subList(0, d), x, n, d, y);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(String name) {
        try {
            Path p = SharedFiles.resolve("reference/lr/" + name);
            return (Map<String, Object>) new Parser(Files.readString(p)).value();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Object at(Map<String, Object> m, String... path) {
        Object o = m;
        for (String k : path) {
            o = ((Map<String, Object>) o).get(k);
        }
        return o;
    }

    static double num(Map<String, Object> m, String... path) {
        return ((Number) at(m, path)).doubleValue();
    }

    static double[] nums(Map<String, Object> m, String... path) {
        List<?> l = (List<?>) at(m, path);
        double[] out = new double[l.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) l.get(i)).doubleValue();
        }
        return out;
    }

    /** Standardised copy using given means and sds. */
    static double[] standardise(Csv c, double[] mean, double[] sd) {
        double[] z = new double[c.n() * c.d()];
        for (int i = 0; i < c.n(); i++) {
            for (int j = 0; j < c.d(); j++) {
                z[i * c.d() + j] = (c.x()[i * c.d() + j] - mean[j]) / sd[j];
            }
        }
        return z;
    }

    private static final class Parser {
        private final String s;
        private int i;

        Parser(String s) {
            this.s = s;
        }

        Object value() {
            ws();
            char c = s.charAt(i);
            switch (c) {
                case '{': {
                    i++;
                    Map<String, Object> m = new LinkedHashMap<>();
                    ws();
                    if (s.charAt(i) == '}') {
                        i++;
                        return m;
                    }
                    while (true) {
                        ws();
                        String k = string();
                        ws();
                        i++; // ':'
                        m.put(k, value());
                        ws();
                        if (s.charAt(i++) == '}') {
                            return m;
                        }
                    }
                }
                case '[': {
                    i++;
                    List<Object> l = new ArrayList<>();
                    ws();
                    if (s.charAt(i) == ']') {
                        i++;
                        return l;
                    }
                    while (true) {
                        l.add(value());
                        ws();
                        if (s.charAt(i++) == ']') {
                            return l;
                        }
                    }
                }
                case '"':
                    return string();
                default:
                    if (s.startsWith("true", i)) {
                        i += 4;
                        return Boolean.TRUE;
                    }
                    if (s.startsWith("false", i)) {
                        i += 5;
                        return Boolean.FALSE;
                    }
                    if (s.startsWith("null", i)) {
                        i += 4;
                        return null;
                    }
                    int st = i;
                    while (i < s.length() && "+-0123456789.eEInfinityNa".indexOf(s.charAt(i)) >= 0) {
                        i++;
                    }
                    return Double.parseDouble(s.substring(st, i));
            }
        }

        String string() {
            StringBuilder sb = new StringBuilder();
            i++; // opening quote
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return sb.toString();
                }
                if (c == '\\') {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> sb.append('\n');
                        case 't' -> sb.append('\t');
                        case 'u' -> {
                            sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> sb.append(e);
                    }
                } else {
                    sb.append(c);
                }
            }
        }

        void ws() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
    }
}
