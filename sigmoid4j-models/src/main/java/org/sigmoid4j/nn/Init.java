package org.sigmoid4j.nn;

import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Parameter initialisers for dense layers (fan_in = inputs, fan_out = outputs).
 * Weight schemes:
 * <ul>
 *   <li>{@code normal}: N(0, 1) (Nielsen's "large" initialisation).</li>
 *   <li>{@code nielsen}: N(0, 1/fan_in) (Nielsen's default, LeCun normal).</li>
 *   <li>{@code glorot-uniform}: U(±√(6/(fan_in+fan_out))); {@code glorot-normal}: N(0, 2/(fan_in+fan_out)).</li>
 *   <li>{@code he}: N(0, 2/fan_in); {@code he-uniform}: U(±√(6/fan_in)).</li>
 *   <li>{@code pytorch}: U(±1/√fan_in), PyTorch's {@code nn.Linear} default
 *       (kaiming_uniform with a = √5).</li>
 * </ul>
 * Bias schemes: {@code normal} N(0, 1), {@code zero}, {@code pytorch} U(±1/√fan_in).
 */
public enum Init {
    NORMAL("normal"),
    NIELSEN("nielsen"),
    GLOROT_UNIFORM("glorot-uniform"),
    GLOROT_NORMAL("glorot-normal"),
    HE("he"),
    HE_UNIFORM("he-uniform"),
    PYTORCH("pytorch"),
    ZERO("zero");

    private final String id;

    Init(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Init forId(String id) {
        String s = id.trim().toLowerCase(Locale.ROOT);
        for (Init i : values()) {
            if (i.id.equals(s)) return i;
        }
        if (s.equals("xavier-uniform") || s.equals("xavier")) return GLOROT_UNIFORM;
        if (s.equals("xavier-normal")) return GLOROT_NORMAL;
        if (s.equals("kaiming") || s.equals("he-normal")) return HE;
        if (s.equals("zeros")) return ZERO;
        StringBuilder known = new StringBuilder();
        for (Init i : values()) known.append(known.isEmpty() ? "" : ", ").append(i.id);
        throw new IllegalArgumentException("unknown initialiser '" + id + "'; expected one of " + known);
    }

    /** Whether this scheme may initialise biases. */
    public boolean validForBias() {
        return this == NORMAL || this == ZERO || this == PYTORCH;
    }

    /** Draws one value for a layer with the given fan-in and fan-out. */
    public double sample(RandomGenerator rng, int fanIn, int fanOut) {
        return switch (this) {
            case NORMAL -> rng.nextGaussian();
            case NIELSEN -> rng.nextGaussian() / Math.sqrt(fanIn);
            case GLOROT_UNIFORM -> uniform(rng, Math.sqrt(6.0 / (fanIn + fanOut)));
            case GLOROT_NORMAL -> rng.nextGaussian() * Math.sqrt(2.0 / (fanIn + fanOut));
            case HE -> rng.nextGaussian() * Math.sqrt(2.0 / fanIn);
            case HE_UNIFORM -> uniform(rng, Math.sqrt(6.0 / fanIn));
            case PYTORCH -> uniform(rng, 1.0 / Math.sqrt(fanIn));
            case ZERO -> 0.0;
        };
    }

    private static double uniform(RandomGenerator rng, double bound) {
        return (2 * rng.nextDouble() - 1) * bound;
    }

    /** Fills a parameter in row-major order. */
    public void fill(Parameter p, RandomGenerator rng, int fanIn, int fanOut) {
        int n = p.size();
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = sample(rng, fanIn, fanOut);
        p.setValues(v);
    }
}
