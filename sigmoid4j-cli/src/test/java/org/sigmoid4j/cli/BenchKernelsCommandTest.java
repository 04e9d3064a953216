package org.sigmoid4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Smoke test of {@code bench kernels}: the JSON schema and the table, not the timings. */
class BenchKernelsCommandTest {

    static final Pattern RECORD = Pattern.compile(
            "\\{\"function\": \"([a-z-]+)\", \"precision\": \"(f32|f64)\", \"n\": (\\d+), \"impl\": "
                    + "\"(sigmoid4j|sigmoid4j-faithful|java-naive|copy|numpy|scipy|torch)\", \"ns_per_element\": ([0-9.Ee+-]+)}");

    @Test
    void jsonSchema() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"bench", "kernels", "--quick", "--json", "--functions", "sigmoid,logit"},
                new PrintWriter(out), new PrintWriter(err));
        assertEquals(0, code, err.toString());
        String json = out.toString().trim();
        assertTrue(json.startsWith("[") && json.endsWith("]"), json);
        Matcher m = RECORD.matcher(json);
        Set<String> seen = new HashSet<>();
        int records = 0;
        while (m.find()) {
            records++;
            assertTrue(Set.of("sigmoid", "logit").contains(m.group(1)), m.group());
            double ns = Double.parseDouble(m.group(5));
            assertTrue(ns > 0 && Double.isFinite(ns), m.group());
            seen.add(m.group(1) + " " + m.group(2) + " " + m.group(3) + " " + m.group(4));
        }
        // 2 functions × 2 precisions × 2 sizes × 3 implementations, each once, and the faithful
        // float sigmoid (sigmoid f32 only) at both sizes
        assertEquals(26, records, json);
        assertEquals(26, seen.size());
        assertEquals(26, json.chars().filter(c -> c == '{').count());
        for (String n : new String[] {"64", "1000"}) {
            assertTrue(seen.contains("sigmoid f32 " + n + " sigmoid4j-faithful"), seen.toString());
        }
    }

    @Test
    void tableAndBadOptions() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"bench", "kernels", "--quick", "--functions", "sigmoid"},
                new PrintWriter(out), new PrintWriter(err));
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("java-naive") && out.toString().contains("/copy")
                && out.toString().contains("target <= 0.15") && out.toString().contains("sigmoid4j-faithful")
                && out.toString().contains("f32 faithful (<= 1 ulp, opt-in) / f64"), out.toString());
        code = Main.run(new String[] {"bench", "kernels", "--functions", "gelu"}, new PrintWriter(new StringWriter()),
                new PrintWriter(err));
        assertEquals(ExitCodes.USAGE, code);
        assertTrue(err.toString().contains("'gelu'"), err.toString());
    }
}
