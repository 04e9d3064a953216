package org.sigmoid4j.diagnostics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A plain-words verdict on a training history: a pure function of the per-layer, per-epoch
 * statistics, with the thresholds below (also listed in the README).
 *
 * <p><b>The verdict rests on per-layer gradient norms, not on saturation.</b> A deep sigmoid
 * network can have no saturated unit at all and still pass a first-layer gradient 1,000× smaller
 * than the last one: every layer multiplies the error signal by σ'(z) ≤ ¼ and by weights of size
 * about 1/√n, so it shrinks geometrically with depth. Saturation is reported as a contributing
 * cause when present, never as the test.
 *
 * <p>Measures (of the <em>last</em> recorded epoch; the first epoch is quoted for comparison):
 * <ul>
 * <li><b>gradient ratio</b> r = ‖∂C/∂b‖ of the first hidden layer / that of the last hidden layer
 *     ({@link EpochStats#gradientRatio()}); "learns N× slower" is N = 1/r.</li>
 * <li><b>saturation</b>: the largest fraction, over hidden layers, of units with f'(z) &lt; 0.01.</li>
 * <li><b>dead ReLUs</b>: the largest fraction, over hidden layers, of units never active on the probe set.</li>
 * <li><b>update ratio</b>: ‖ΔW‖/‖W‖ per optimiser step, of the first hidden layer.</li>
 * </ul>
 * Thresholds:
 * <ul>
 * <li>{@value #VANISHING} : r below this is <em>vanishing gradients</em> (the first hidden layer
 *     learns more than 10× slower than the last); below {@value #SEVERE} it is severe.</li>
 * <li>{@value #EXPLODING} : r above this is <em>exploding gradients</em>.</li>
 * <li>{@value #SATURATED} : a hidden layer with more than this fraction of saturated units is
 *     called saturated.</li>
 * <li>{@value #DEAD} : a hidden layer with more than this fraction of dead ReLUs is called dead.</li>
 * <li>{@value #SLOW_UPDATE} / {@value #FAST_UPDATE} : a first-layer update ratio outside this
 *     range moves the weights too little / too much per step (the usual rule of thumb is ~1e-3).</li>
 * <li>{@value #NEAR_CHANCE} : an accuracy below this multiple of chance (1/classes) is "near chance".</li>
 * </ul>
 */
public record Verdict(Severity severity, String headline, List<String> findings) {

    public enum Severity { OK, WARNING, PROBLEM }

    public static final double VANISHING = 0.1;
    public static final double SEVERE = 0.01;
    public static final double EXPLODING = 10.0;
    public static final double SATURATED = 0.10;
    public static final double DEAD = 0.50;
    public static final double SLOW_UPDATE = 1e-5;
    public static final double FAST_UPDATE = 1e-1;
    public static final double NEAR_CHANCE = 1.5;

    public Verdict {
        findings = List.copyOf(findings);
    }

    /** The verdict for a history whose class count is unknown (no "near chance" judgement). */
    public static Verdict of(List<EpochStats> history) {
        return of(history, 0);
    }

    /**
     * The verdict for a training history.
     *
     * @param history    epoch records in order (epoch 0 = initialisation, if recorded)
     * @param numClasses number of classes, for the "near chance" test; 0 if unknown
     */
    public static Verdict of(List<EpochStats> history, int numClasses) {
        if (history == null || history.isEmpty()) {
            return new Verdict(Severity.WARNING, "No training statistics were recorded, so there is nothing to judge.", List.of());
        }
        EpochStats first = history.getFirst(), last = history.getLast();
        List<LayerStats> hidden = last.hidden();
        String act = hidden.isEmpty() ? "" : hidden.getFirst().activation();
        List<String> findings = new ArrayList<>();
        double r = last.gradientRatio(), r0 = first.gradientRatio();
        double sat = last.maxSaturated(), dead = last.maxDead();
        double acc = last.testAccuracy();
        boolean nearChance = numClasses > 1 && Double.isFinite(acc) && acc < NEAR_CHANCE / numClasses;

        // Facts first, each in plain words.
        if (Double.isFinite(r)) {
            findings.add(String.format(Locale.ROOT, "Gradient ratio first/last hidden layer: %s at epoch %d%s.", ratio(r), last.epoch(),
                    history.size() > 1 && Double.isFinite(r0) ? " (" + ratio(r0) + " at epoch " + first.epoch() + ")" : ""));
            StringBuilder norms = new StringBuilder("‖∂C/∂b‖ per hidden layer, first to last: ");
            for (int i = 0; i < hidden.size(); i++) norms.append(i > 0 ? ", " : "").append(sci(hidden.get(i).learningSpeed()));
            findings.add(norms.append('.').toString());
        } else if (hidden.size() < 2) {
            findings.add("The network has " + (hidden.isEmpty() ? "no hidden layer" : "one hidden layer")
                    + ", so there is no depth for gradients to vanish through.");
        }
        if (Double.isFinite(sat)) {
            findings.add("Saturated units (f'(z) < 0.01), worst hidden layer: " + pct(sat) + ".");
        }
        if (Double.isFinite(dead)) {
            findings.add("Dead ReLUs (never active on the probe set), worst hidden layer: " + pct(dead) + ".");
        }
        if (!hidden.isEmpty()) {
            double u = hidden.getFirst().updateRatio();
            if (Double.isFinite(u)) {
                String judge = u < SLOW_UPDATE ? " — the first layer hardly moves" : u > FAST_UPDATE ? " — large steps, training may be unstable" : "";
                findings.add("Update/parameter ratio of the first hidden layer: " + sci(u) + " per step" + judge + ".");
            }
        }
        if (Double.isFinite(acc)) {
            findings.add(String.format(Locale.ROOT, "Test accuracy at epoch %d: %.3f%s.", last.epoch(), acc,
                    numClasses > 1 ? String.format(Locale.ROOT, " (chance: %.3f)", 1.0 / numClasses) : ""));
        }

        // The headline: gradient norms decide.
        String chance = nearChance ? String.format(Locale.ROOT, "; the network stays near chance (accuracy %.2f)", acc) : "";
        if (Double.isFinite(r) && r < VANISHING) {
            String cause;
            String advice;
            boolean saturatedNow = Double.isFinite(sat) && sat > SATURATED;
            switch (act) {
                case "sigmoid", "adaptive-sigmoid", "hard-sigmoid" -> {
                    cause = saturatedNow
                            ? pct(sat) + " of units are saturated, which adds to the σ' ≤ ¼ factor every layer applies"
                            : "units are not saturated (" + (Double.isFinite(sat) ? pct(sat) : "n/a")
                                    + "), so the shrinkage comes from σ' ≤ ¼ and small weights at every layer";
                    advice = "try batch normalization, tanh or ReLU";
                }
                case "tanh" -> {
                    cause = saturatedNow
                            ? pct(sat) + " of units are saturated (tanh' < 0.01), which cuts the error signal"
                            : "units are not saturated (" + (Double.isFinite(sat) ? pct(sat) : "n/a")
                                    + "), so the shrinkage comes from tanh' < 1 and small weights at every layer";
                    advice = "try batch normalization, ReLU, or Glorot initialisation";
                }
                case "relu", "leaky-relu" -> {
                    cause = Double.isFinite(dead) && dead > DEAD ? pct(dead) + " of units in a layer are dead and pass no gradient"
                            : "the weights shrink the error signal at every layer";
                    advice = "try He initialisation, batch normalization or a smaller learning rate";
                }
                default -> {
                    cause = "the error signal shrinks at every layer";
                    advice = "try batch normalization or a different activation";
                }
            }
            Severity sev = r < SEVERE || nearChance ? Severity.PROBLEM : Severity.WARNING;
            return new Verdict(sev, (r < SEVERE ? "Severe vanishing gradients" : "Vanishing gradients") + ": the first hidden layer learns "
                    + times(1 / r) + " slower than the last; " + cause + chance + "; " + advice + ".", findings);
        }
        if (Double.isFinite(r) && r > EXPLODING) {
            return new Verdict(Severity.PROBLEM, "Exploding gradients: the first hidden layer's gradient is " + times(r)
                    + " larger than the last's" + chance + "; lower the learning rate, clip gradients or use batch normalization.", findings);
        }
        if (Double.isFinite(dead) && dead > DEAD) {
            return new Verdict(Severity.PROBLEM, "Dead ReLUs: " + pct(dead) + " of a hidden layer's units never activate and pass no gradient"
                    + chance + "; lower the learning rate, use He initialisation or leaky ReLU.", findings);
        }
        if (Double.isFinite(sat) && sat > SATURATED) {
            return new Verdict(Severity.WARNING, "Saturation: " + pct(sat) + " of a hidden layer's units are saturated, although the gradient"
                    + " ratio (" + ratio(r) + ") is still acceptable" + chance + "; consider batch normalization or smaller initial weights.", findings);
        }
        if (nearChance) {
            return new Verdict(Severity.PROBLEM, String.format(Locale.ROOT,
                    "Not learning: accuracy %.2f is near chance although gradients reach every layer (ratio %s); check the learning rate and the data.",
                    acc, ratio(r)), findings);
        }
        if (!Double.isFinite(r)) {
            return new Verdict(Severity.OK, "No gradient problem to report" + (hidden.size() < 2 ? " (fewer than two hidden layers)." : "."), findings);
        }
        return new Verdict(Severity.OK, "Healthy gradients: the first hidden layer's gradient is " + ratio(r)
                + " of the last's, so every layer learns at a comparable speed.", findings);
    }

    /** "1,400×" with two significant digits. */
    public static String times(double x) {
        if (!Double.isFinite(x)) return "∞×";
        double rounded = x >= 10 ? round2(x) : Math.round(x * 10) / 10.0;
        if (rounded >= 100) return String.format(Locale.ROOT, "%,.0f×", rounded);
        if (rounded >= 10) return String.format(Locale.ROOT, "%.0f×", rounded);
        return String.format(Locale.ROOT, "%.1f×", rounded);
    }

    private static double round2(double x) {
        double mag = Math.pow(10, Math.floor(Math.log10(x)) - 1);
        return Math.round(x / mag) * mag;
    }

    static String ratio(double r) {
        if (!Double.isFinite(r)) return "n/a";
        if (r >= 0.1) return String.format(Locale.ROOT, "%.2f", r);
        return r >= 1e-3 ? String.format(Locale.ROOT, "%.2g", r) : String.format(Locale.ROOT, "%.1e", r);
    }

    static String pct(double f) {
        if (!Double.isFinite(f)) return "n/a";
        double p = f * 100;
        if (p == 0) return "0%";
        if (p < 0.1) return "<0.1%";
        return p < 10 ? String.format(Locale.ROOT, "%.1f%%", p) : String.format(Locale.ROOT, "%.0f%%", p);
    }

    static String sci(double v) {
        if (!Double.isFinite(v)) return "n/a";
        return v != 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e4) ? String.format(Locale.ROOT, "%.2e", v) : String.format(Locale.ROOT, "%.4f", v);
    }
}
