package org.sigmoid4j.optim;

import java.util.Locale;

/**
 * Learning rate per epoch (0-based) from a base rate.
 * Specs: {@code constant}; {@code step:E:G} (× G every E epochs); {@code exp:G} (× G per epoch);
 * {@code cosine:T} (cosine annealing to 0 over T epochs); {@code inverse:K} (η/(1 + K·epoch)).
 */
public record Schedule(String spec, Kind kind, double a, double b) {

    public enum Kind { CONSTANT, STEP, EXP, COSINE, INVERSE }

    public static final Schedule CONSTANT = new Schedule("constant", Kind.CONSTANT, 0, 0);

    public double rate(double base, int epoch) {
        return switch (kind) {
            case CONSTANT -> base;
            case STEP -> base * Math.pow(b, Math.floor(epoch / a));
            case EXP -> base * Math.pow(a, epoch);
            case COSINE -> base * 0.5 * (1 + Math.cos(Math.PI * Math.min(epoch, a) / a));
            case INVERSE -> base / (1 + a * epoch);
        };
    }

    public static Schedule parse(String spec) {
        String s = spec.trim().toLowerCase(Locale.ROOT);
        String[] p = s.split(":");
        try {
            switch (p[0]) {
                case "constant" -> { if (p.length == 1) return CONSTANT; }
                case "step" -> {
                    if (p.length == 3) {
                        double every = Double.parseDouble(p[1]), gamma = Double.parseDouble(p[2]);
                        if (every >= 1 && gamma > 0) return new Schedule(s, Kind.STEP, Math.floor(every), gamma);
                    }
                }
                case "exp" -> {
                    if (p.length == 2) {
                        double g = Double.parseDouble(p[1]);
                        if (g > 0) return new Schedule(s, Kind.EXP, g, 0);
                    }
                }
                case "cosine" -> {
                    if (p.length == 2) {
                        double t = Double.parseDouble(p[1]);
                        if (t >= 1) return new Schedule(s, Kind.COSINE, t, 0);
                    }
                }
                case "inverse" -> {
                    if (p.length == 2) {
                        double k = Double.parseDouble(p[1]);
                        if (k >= 0) return new Schedule(s, Kind.INVERSE, k, 0);
                    }
                }
                default -> { }
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("bad learning-rate schedule '" + spec
                + "'; expected constant, step:EPOCHS:GAMMA, exp:GAMMA, cosine:EPOCHS or inverse:K");
    }
}
