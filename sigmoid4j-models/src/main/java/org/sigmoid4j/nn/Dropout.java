package org.sigmoid4j.nn;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * Inverted dropout: in TRAIN mode each unit is zeroed with probability p and the survivors are
 * scaled by 1/(1 − p); in PROBE and INFER modes it is the identity. The mask comes from the
 * layer's own seeded generator, so runs are reproducible.
 */
public final class Dropout extends Layer {

    private final double p;
    private SplittableRandom rng;
    private byte[] mask = new byte[0];
    private boolean active;

    public Dropout(Precision precision, int size, double p, long seed) {
        super(precision, size, size);
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("dropout probability must be in [0, 1), got " + p);
        }
        this.p = p;
        this.rng = new SplittableRandom(seed);
    }

    public double probability() {
        return p;
    }

    /** Restarts the mask generator (the trainer does this with a seed split from the run's seed). */
    public void reseed(long seed) {
        this.rng = new SplittableRandom(seed);
    }

    @Override
    public String type() {
        return "dropout";
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = super.config();
        c.put("p", p);
        return c;
    }

    @Override
    protected void forwardImpl(Tensor in, Tensor out, Mode mode) {
        int size = in.size();
        active = mode == Mode.TRAIN && p > 0;
        if (!active) {
            out.copyFrom(in);
            return;
        }
        if (mask.length < size) mask = new byte[size];
        double scale = 1.0 / (1.0 - p);
        for (int k = 0; k < size; k++) {
            boolean keep = rng.nextDouble() >= p;
            mask[k] = (byte) (keep ? 1 : 0);
            out.set(k, keep ? in.get(k) * scale : 0.0);
        }
    }

    @Override
    protected void backwardImpl(Tensor in, Tensor gradOut, Tensor gradIn) {
        if (gradIn == null) return;
        int size = in.size();
        if (!active) {
            gradIn.copyFrom(gradOut);
            return;
        }
        double scale = 1.0 / (1.0 - p);
        for (int k = 0; k < size; k++) gradIn.set(k, mask[k] != 0 ? gradOut.get(k) * scale : 0.0);
    }

    @Override
    public String describe() {
        return "dropout p=" + p + " (" + inputSize + ")";
    }
}
