package org.sigmoid4j.train;

/**
 * Hooks into the training loop (which itself never prints). Diagnostics and progress plug in
 * here. Through {@link TrainingContext#network()} a listener sees every layer, its parameters
 * with their gradients, and its last input/output buffers; with
 * {@link TrainingContext#probeGradients} it can measure the gradient on a fixed probe set.
 *
 * <p>Order per epoch: {@code onEpochStart}, then per batch {@code onBatchGradients} (after
 * backward, before the optimiser step: gradients and pre-update values) and
 * {@code onBatchEnd} (after the step), then {@code onEpochEnd}.
 */
public interface TrainingListener {

    default void onTrainingStart(TrainingContext ctx) {}

    default void onEpochStart(TrainingContext ctx, int epoch) {}

    default void onBatchGradients(TrainingContext ctx, BatchStats batch) {}

    default void onBatchEnd(TrainingContext ctx, BatchStats batch) {}

    default void onEpochEnd(TrainingContext ctx, EpochSummary summary) {}

    default void onTrainingEnd(TrainingContext ctx) {}
}
