package org.sigmoid4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code bench csv --rows 200}: the output's schema, not timings (those are for the real run). */
class CsvBenchSmokeTest {

    @Test
    void smallRunPrintsTheDocumentedJson() throws Exception {
        Cli r = Cli.run("bench", "csv", "--rows", "200", "--cols", "7", "--repeats", "1", "--json", "-q", "--round-trip");
        assertEquals(0, r.code(), r.toString());
        Map<String, Object> m = JSON.std.mapFrom(r.out());
        assertEquals(List.of("rows", "cols", "bytes", "repeats", "sigmoid4j_seconds", "pandas_seconds", "ratio",
                "pandas_round_trip_seconds", "ratio_round_trip", "pandas_version", "pandas_values_agree",
                "pandas_round_trip_values_agree", "sigmoid4j_runs", "pandas_runs", "pandas_round_trip_runs"),
                List.copyOf(m.keySet()));
        assertEquals(200, m.get("rows"));
        assertEquals(7, m.get("cols"));
        assertTrue(((Number) m.get("sigmoid4j_seconds")).doubleValue() > 0);
        if (m.get("pandas_seconds") != null) {
            // pandas' exact parser must read the same doubles as ours (which equal Double.parseDouble)
            assertEquals(true, m.get("pandas_round_trip_values_agree"));
        }
    }
}
