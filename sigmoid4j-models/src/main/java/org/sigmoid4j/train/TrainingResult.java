package org.sigmoid4j.train;

import java.util.List;

/**
 * What a training run produced besides the trained network itself.
 *
 * @param history      one summary per epoch run
 * @param bestEpoch    the epoch whose weights the network holds (the last one, or the best
 *                     validation epoch under early stopping)
 * @param stoppedEarly whether early stopping ended the run before the last epoch
 */
public record TrainingResult(List<EpochSummary> history, int bestEpoch, boolean stoppedEarly) {}
