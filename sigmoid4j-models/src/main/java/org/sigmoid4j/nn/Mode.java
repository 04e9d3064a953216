package org.sigmoid4j.nn;

/**
 * How a forward pass behaves.
 * <ul>
 *   <li>{@link #TRAIN}: batch statistics in batch normalisation (running statistics updated),
 *       dropout active.</li>
 *   <li>{@link #PROBE}: like TRAIN for the gradient (batch statistics) but without side effects:
 *       running statistics are left alone and dropout is off. Used to measure the gradient of
 *       the mean loss on a fixed probe set.</li>
 *   <li>{@link #INFER}: running statistics, no dropout (PyTorch {@code eval()}).</li>
 * </ul>
 */
public enum Mode {
    TRAIN, PROBE, INFER
}
