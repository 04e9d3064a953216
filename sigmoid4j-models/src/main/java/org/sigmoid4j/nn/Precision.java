package org.sigmoid4j.nn;

import java.util.Locale;

/** Storage and arithmetic precision of a network: {@code f32} (default, as PyTorch) or {@code f64}. */
public enum Precision {
    F32("f32"), F64("f64");

    private final String id;

    Precision(String id) {
        this.id = id;
    }

    /** Stable identifier used by model files and the CLI. */
    public String id() {
        return id;
    }

    public static Precision forId(String id) {
        String s = id.trim().toLowerCase(Locale.ROOT);
        switch (s) {
            case "f32", "float", "float32" -> { return F32; }
            case "f64", "double", "float64" -> { return F64; }
            default -> throw new IllegalArgumentException("unknown precision '" + id + "'; expected f32 or f64");
        }
    }
}
