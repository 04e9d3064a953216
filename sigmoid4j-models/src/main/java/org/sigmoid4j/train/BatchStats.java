package org.sigmoid4j.train;

/**
 * One mini-batch step.
 *
 * @param epoch        0-based epoch
 * @param batch        0-based batch index within the epoch
 * @param rows         rows in this batch
 * @param loss         mean loss of the batch (before the update)
 * @param learningRate the rate used for this step
 */
public record BatchStats(int epoch, int batch, int rows, double loss, double learningRate) {}
