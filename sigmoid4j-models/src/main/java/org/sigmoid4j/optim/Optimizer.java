package org.sigmoid4j.optim;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sigmoid4j.nn.Parameter;

/**
 * Updates parameters from their gradients. Each training run takes a {@link #fresh()} copy, so
 * optimiser state (velocities, moments) never leaks between runs.
 *
 * <p>Weight decay (L2) applies to {@link Parameter#regularized()} parameters (weights) only:
 * {@link WeightDecay.Mode#COUPLED} adds λ·w to the gradient (PyTorch {@code weight_decay});
 * {@link WeightDecay.Mode#NIELSEN} first rescales w ← (1 − ηλ/n)·w, n the training-set size
 * (Nielsen's book, chapter 3), then applies the plain step.
 */
public interface Optimizer {

    /** {@code sgd}, {@code momentum}, {@code nesterov} or {@code adam}. */
    String id();

    /** One update of every parameter with learning rate {@code lr}. */
    void step(List<Parameter> parameters, double lr);

    /** A new optimiser with the same settings and no state. */
    Optimizer fresh();

    /** Settings for provenance and model files. */
    Map<String, Object> config();

    /** Builds an optimiser by id ({@code sgd}, {@code momentum}, {@code nesterov}, {@code adam}) with defaults. */
    static Optimizer forId(String id, WeightDecay decay) {
        return switch (id.trim().toLowerCase(Locale.ROOT)) {
            case "sgd" -> Sgd.plain(decay);
            case "momentum" -> Sgd.momentum(0.9, false, decay);
            case "nesterov" -> Sgd.momentum(0.9, true, decay);
            case "adam" -> new Adam(0.9, 0.999, 1e-8, decay);
            default -> throw new IllegalArgumentException("unknown optimizer '" + id + "'; expected sgd, momentum, nesterov or adam");
        };
    }
}
