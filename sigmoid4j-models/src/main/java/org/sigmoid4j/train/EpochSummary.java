package org.sigmoid4j.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The end of one epoch.
 *
 * @param epoch              0-based epoch
 * @param trainLoss          mean training loss over the epoch's batches (weighted by rows)
 * @param validationLoss     mean loss on the validation data after the epoch, or NaN
 * @param validationAccuracy accuracy on the validation data (labels only), or NaN
 * @param learningRate       the epoch's learning rate
 * @param seconds            wall time of the epoch's training steps
 */
public record EpochSummary(int epoch, double trainLoss, double validationLoss, double validationAccuracy,
                           double learningRate, double seconds) {

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epoch", epoch);
        m.put("train_loss", trainLoss);
        if (!Double.isNaN(validationLoss)) m.put("validation_loss", validationLoss);
        if (!Double.isNaN(validationAccuracy)) m.put("validation_accuracy", validationAccuracy);
        m.put("learning_rate", learningRate);
        // No wall time: the map goes into model files, which must be byte-reproducible.
        return m;
    }
}
