package org.sigmoid4j.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sigmoid4j.optim.Schedule;

/**
 * How to train: validated on construction; {@link #toMap()} feeds provenance.
 *
 * @param epochs       maximum number of passes over the training data (≥ 1)
 * @param batchSize    rows per mini-batch (≥ 1; a last batch of one row is merged into the
 *                     previous one, since batch normalisation cannot train on one row)
 * @param learningRate base learning rate η &gt; 0
 * @param schedule     learning rate per epoch
 * @param seed         seeds the shuffling (split from the run's generator) and dropout masks
 * @param shuffle      reshuffle the rows every epoch (seeded); false keeps the data order
 * @param patience     early stopping: stop after this many epochs without a better validation
 *                     loss and restore the best weights (0 = off; needs validation data)
 * @param threads      threads for matrix products; the weights are bit-identical whatever it is
 */
public record TrainingConfig(int epochs, int batchSize, double learningRate, Schedule schedule, long seed,
                             boolean shuffle, int patience, int threads) {

    public TrainingConfig {
        if (epochs < 1) throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a finite number > 0, got " + learningRate);
        }
        if (patience < 0) throw new IllegalArgumentException("patience must be >= 0, got " + patience);
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        if (schedule == null) schedule = Schedule.CONSTANT;
    }

    public static TrainingConfig of(int epochs, int batchSize, double learningRate, long seed) {
        return new TrainingConfig(epochs, batchSize, learningRate, Schedule.CONSTANT, seed, true, 0, 1);
    }

    public TrainingConfig withSchedule(Schedule s) {
        return new TrainingConfig(epochs, batchSize, learningRate, s, seed, shuffle, patience, threads);
    }

    public TrainingConfig withPatience(int p) {
        return new TrainingConfig(epochs, batchSize, learningRate, schedule, seed, shuffle, p, threads);
    }

    public TrainingConfig withThreads(int t) {
        return new TrainingConfig(epochs, batchSize, learningRate, schedule, seed, shuffle, patience, t);
    }

    public TrainingConfig withShuffle(boolean s) {
        return new TrainingConfig(epochs, batchSize, learningRate, schedule, seed, s, patience, threads);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epochs", epochs);
        m.put("batch_size", batchSize);
        m.put("learning_rate", learningRate);
        m.put("schedule", schedule.spec());
        m.put("seed", seed);
        m.put("shuffle", shuffle);
        m.put("patience", patience);
        return m;
    }
}
