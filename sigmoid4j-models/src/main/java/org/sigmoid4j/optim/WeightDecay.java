package org.sigmoid4j.optim;

import java.util.Locale;
import org.sigmoid4j.nn.Parameter;
import org.sigmoid4j.nn.Tensor;

/**
 * L2 weight decay of strength λ on regularised parameters (see {@link Optimizer}).
 *
 * @param lambda       λ ≥ 0 (0 = off)
 * @param mode         coupled (g += λw) or Nielsen's w ← (1 − ηλ/n)w
 * @param trainingSize n, for the Nielsen form (ignored by the coupled form)
 */
public record WeightDecay(double lambda, Mode mode, int trainingSize) {

    public enum Mode {
        COUPLED("l2"), NIELSEN("nielsen");

        private final String id;

        Mode(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Mode forId(String id) {
            String s = id.trim().toLowerCase(Locale.ROOT);
            for (Mode m : values()) if (m.id.equals(s)) return m;
            if (s.equals("coupled")) return COUPLED;
            throw new IllegalArgumentException("unknown weight-decay mode '" + id + "'; expected l2 or nielsen");
        }
    }

    public static final WeightDecay NONE = new WeightDecay(0, Mode.COUPLED, 1);

    public WeightDecay {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("weight decay must be a finite number >= 0, got " + lambda);
        }
        if (mode == Mode.NIELSEN && trainingSize <= 0) {
            throw new IllegalArgumentException("Nielsen weight decay needs the training-set size");
        }
    }

    public static WeightDecay coupled(double lambda) {
        return new WeightDecay(lambda, Mode.COUPLED, 1);
    }

    public static WeightDecay nielsen(double lambda, int trainingSize) {
        return new WeightDecay(lambda, Mode.NIELSEN, trainingSize);
    }

    public boolean active() {
        return lambda > 0;
    }

    /** The decay-adjusted gradient of element i (coupled form adds λw). */
    double gradient(Parameter p, int i) {
        double g = p.grad().get(i);
        return active() && mode == Mode.COUPLED && p.regularized() ? g + lambda * p.value().get(i) : g;
    }

    /** Nielsen's rescaling w ← (1 − ηλ/n)w, applied before the step (no-op otherwise). */
    void shrink(Parameter p, double lr) {
        if (!active() || mode != Mode.NIELSEN || !p.regularized()) return;
        double factor = 1 - lr * lambda / trainingSize;
        Tensor v = p.value();
        int n = p.size();
        for (int i = 0; i < n; i++) v.set(i, v.get(i) * factor);
    }
}
