package org.sigmoid4j.diagnostics;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void writesNonFiniteAsNullAndParsesBack() {
        String s = Json.write(Map.of("a", java.util.Objects.requireNonNullElse((Object) Json.finite(Double.NaN), "x")));
        assertEquals("{\"a\":\"x\"}", s);
        s = Json.write(new java.util.HashMap<>(java.util.Collections.singletonMap("a", Json.finite(Double.NaN))));
        assertEquals("{\"a\":null}", s);
        Object p = Json.parse("{\"x\": [1, 2.5e-3, -0.0, \"q\\\"\\u00e9\", true, null], \"y\": {}}");
        Map<?, ?> m = (Map<?, ?>) p;
        List<?> x = (List<?>) m.get("x");
        assertEquals(2.5e-3, ((Number) x.get(1)).doubleValue());
        assertEquals("q\"é", x.get(3));
        assertNull(x.get(5));
    }

    @Test
    void epochStatsRoundTrip() {
        LayerStats l = new LayerStats(0, "hidden 1", "sigmoid", true, 0.1, 1.0 / 3, 0.2, 0.25, 0, Double.NaN, 0.5, 0.12, 1e-3,
                0, 1, new long[] {1, 2, 3});
        EpochStats e = new EpochStats(3, 0.7, Double.NaN, List.of(l));
        String json = Json.write(List.of(e.toJson()));
        List<EpochStats> back = EpochStats.listFromJson(Json.parse(json));
        assertEquals(Json.write(List.of(e.toJson())), Json.write(List.of(back.getFirst().toJson())));
        assertArrayEquals(new long[] {1, 2, 3}, back.getFirst().layers().getFirst().histogram());
        assertEquals(1.0 / 3, back.getFirst().layers().getFirst().gradB());
    }

    @Test
    void badJsonNamesThePlace() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse("{\n \"a\": ]"));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }
}
