package org.sigmoid4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sigmoid4j.diagnostics.Json;

/** Smoke test of {@code bench lr} on a tiny problem: the schema, not the timings. */
class BenchLrCommandTest {

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void jsonRecordsPerThreadCount() {
        String[] r = run("bench", "lr", "--rows", "3000", "--features", "6", "--repeats", "1", "--threads", "1,2",
                "--no-sklearn", "--json");
        assertEquals("0", r[0], r[2]);
        List<?> recs = (List<?>) Json.parse(r[1].strip());
        assertEquals(2, recs.size());
        for (int i = 0; i < 2; i++) {
            Map<?, ?> m = (Map<?, ?>) recs.get(i);
            assertEquals(List.of("n", "d", "threads", "sigmoid4j_seconds", "sklearn_seconds", "ratio",
                    "sigmoid4j_objective", "sklearn_objective"), List.copyOf(m.keySet()));
            assertEquals(3000.0, ((Number) m.get("n")).doubleValue());
            assertEquals(6.0, ((Number) m.get("d")).doubleValue());
            assertEquals(i + 1.0, ((Number) m.get("threads")).doubleValue());
            assertTrue(((Number) m.get("sigmoid4j_seconds")).doubleValue() > 0);
            assertTrue(((Number) m.get("sigmoid4j_objective")).doubleValue() > 0);
            assertNull(m.get("sklearn_seconds"));
            assertNull(m.get("ratio"));
        }
        // same data, same optimum, whatever the thread count
        assertEquals(((Map<?, ?>) recs.get(0)).get("sigmoid4j_objective"), ((Map<?, ?>) recs.get(1)).get("sigmoid4j_objective"));
    }

    @Test
    void withScikitLearnWhenPresent() throws Exception {
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", "import sklearn, threadpoolctl").redirectErrorStream(true).start();
        boolean present;
        try {
            present = p.waitFor() == 0;
        } catch (Exception e) {
            present = false;
        }
        if (!present) {
            return; // documented: the sklearn columns are then null, as checked above
        }
        String[] r = run("bench", "lr", "--rows", "2000", "--features", "4", "--repeats", "1", "--threads", "1", "--json");
        assertEquals("0", r[0], r[2]);
        Map<?, ?> m = (Map<?, ?>) ((List<?>) Json.parse(r[1].strip())).get(0);
        double ours = ((Number) m.get("sigmoid4j_objective")).doubleValue();
        double theirs = ((Number) m.get("sklearn_objective")).doubleValue();
        assertTrue(((Number) m.get("sklearn_seconds")).doubleValue() > 0);
        assertTrue(((Number) m.get("ratio")).doubleValue() > 0);
        // we stop at the exact optimum; scikit-learn at its own (looser) tolerance, never below it
        assertTrue(theirs >= ours - 1e-9 * ours && theirs - ours <= 1e-5 * ours, ours + " vs " + theirs);
    }

    @Test
    void tableAndBadOptions() {
        String[] r = run("bench", "lr", "--rows", "1000", "--features", "3", "--repeats", "1", "--threads", "1", "--no-sklearn");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("sigmoid4j_objective"), r[1]);
        r = run("bench", "lr", "--rows", "1");
        assertEquals(Integer.toString(ExitCodes.USAGE), r[0]);
        r = run("bench", "lr", "--rows", "1000", "--features", "3", "--repeats", "1", "--threads", "2", "--no-sklearn",
                "--clock", "cpu", "--json");
        assertEquals("0", r[0], r[2]);
        r = run("bench", "lr", "--clock", "sundial");
        assertEquals(Integer.toString(ExitCodes.USAGE), r[0]);
        r = run("bench", "lr", "--solver", "magic");
        assertEquals(Integer.toString(ExitCodes.USAGE), r[0]);
        assertTrue(r[2].contains("--solver"), r[2]);
    }
}
