package org.sigmoid4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void drawsABarWithPercentAndClearsItWhenEnabled() {
        StringWriter s = new StringWriter();
        try (Progress p = new Progress(new PrintWriter(s), true, "reading x.csv", 200_000_000L, "B")) {
            p.update(100_000_000L);
        }
        String out = s.toString();
        assertTrue(out.startsWith("\rreading x.csv [###############               ]  50% 100.0 MB/200.0 MB"), out);
        assertTrue(out.contains(" ETA "), out);
        assertTrue(out.endsWith("\r"), "the line is cleared at the end");
    }

    @Test
    void silentWhenDisabled() {
        StringWriter s = new StringWriter();
        try (Progress p = new Progress(new PrintWriter(s), false, "x", 10, "rows")) {
            p.update(5);
        }
        assertEquals("", s.toString());
    }
}
