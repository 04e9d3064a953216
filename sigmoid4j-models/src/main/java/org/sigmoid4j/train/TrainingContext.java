package org.sigmoid4j.train;

import org.sigmoid4j.nn.Loss;
import org.sigmoid4j.nn.Network;
import org.sigmoid4j.optim.Optimizer;

/** What a {@link TrainingListener} can see of the run in progress. */
public final class TrainingContext {

    private final Network network;
    private final Loss loss;
    private final Optimizer optimizer;
    private final TrainingConfig config;
    private final Examples train;
    private final Examples validation;
    int epoch;
    double learningRate;

    TrainingContext(Network network, Loss loss, Optimizer optimizer, TrainingConfig config, Examples train, Examples validation) {
        this.network = network;
        this.loss = loss;
        this.optimizer = optimizer;
        this.config = config;
        this.train = train;
        this.validation = validation;
    }

    public Network network() {
        return network;
    }

    public Loss loss() {
        return loss;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    public TrainingConfig config() {
        return config;
    }

    /** The training examples (do not modify). */
    public Examples train() {
        return train;
    }

    /** The validation examples, or {@code null}. */
    public Examples validation() {
        return validation;
    }

    public int epoch() {
        return epoch;
    }

    public double learningRate() {
        return learningRate;
    }

    /** Gradient of the mean loss on {@code probe}, without changing the network (see {@link Network#probeGradients}). */
    public Network.ProbeGradients probeGradients(Examples probe) {
        return network.probeGradients(probe.x(), probe.rows(), probe.targets(), loss);
    }
}
