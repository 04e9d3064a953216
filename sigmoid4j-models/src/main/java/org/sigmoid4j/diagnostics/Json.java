package org.sigmoid4j.diagnostics;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.util.Map;

/**
 * JSON for the diagnostics records and experiment files, through jackson-jr (the library the model
 * file already uses): maps keep their order, JSON has no NaN so non-finite values are written as
 * {@code null} by the records themselves ({@link #finite}).
 */
public final class Json {

    /** Writes null-valued entries too: "not measured" stays visible in the schema. */
    private static final JSON WRITER = JSON.std.with(JSON.Feature.WRITE_NULL_PROPERTIES);

    private Json() {}

    public static String write(Object value) {
        try {
            return WRITER.asString(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    /** Parses JSON text into maps, lists, strings, numbers, booleans and null; a clear message (with line and column) when it is not JSON. */
    public static Object parse(String text) {
        try {
            return JSON.std.anyFrom(text);
        } catch (IOException e) {
            String msg = String.valueOf(e.getMessage());
            int nl = msg.indexOf('\n');
            String where = "";
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("line: (\\d+), column: (\\d+)").matcher(msg);
            if (m.find()) where = " at line " + m.group(1) + ", column " + m.group(2);
            throw new IllegalArgumentException("invalid JSON" + where + ": " + (nl > 0 ? msg.substring(0, nl) : msg));
        }
    }

    /** {@code v} boxed, or {@code null} when it is NaN or infinite (JSON has no NaN). */
    public static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    static double num(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    static String str(Map<String, Object> m, String key, String dflt) {
        Object v = m.get(key);
        return v instanceof String s ? s : dflt;
    }
}
