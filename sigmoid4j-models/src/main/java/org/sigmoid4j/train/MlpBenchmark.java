package org.sigmoid4j.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.sigmoid4j.nn.Loss;
import org.sigmoid4j.nn.Mode;
import org.sigmoid4j.nn.Network;
import org.sigmoid4j.nn.Parameter;
import org.sigmoid4j.nn.Precision;
import org.sigmoid4j.nn.Targets;
import org.sigmoid4j.nn.Tensor;
import org.sigmoid4j.optim.Optimizer;
import org.sigmoid4j.optim.Sgd;
import org.sigmoid4j.optim.WeightDecay;

/**
 * Training throughput of the reference network [784, 100, 10] (sigmoid hidden layer, softmax
 * cross-entropy, plain SGD, η = 0.1), one thread, on a fixed data set: samples per second of
 * complete training steps (copy of the batch into the input buffer, forward, loss, backward,
 * update), timed over whole epochs in data order; the median over repeats is reported.
 */
public final class MlpBenchmark {

    public static final int INPUTS = 784;
    public static final int HIDDEN = 100;
    public static final int CLASSES = 10;

    /** One measurement. */
    public record Result(Precision precision, int batch, double samplesPerSecond, double[] repeats) {}

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    private MlpBenchmark() {}

    /** Synthetic data of MNIST's shape: pixels uniform in [0, 1) rounded to float, labels uniform in 0..9. */
    public static float[] syntheticPixels(int rows, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] x = new float[rows * INPUTS];
        for (int i = 0; i < x.length; i++) x[i] = (float) rnd.nextDouble();
        return x;
    }

    public static int[] syntheticLabels(int rows, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
        int[] y = new int[rows];
        for (int i = 0; i < rows; i++) y[i] = rnd.nextInt(CLASSES);
        return y;
    }

    /**
     * Times training on {@code rows} examples ({@code x}: rows × 784, row-major).
     *
     * @param warmup  untimed epochs first, and at least {@code warmupSeconds} of them (JIT
     *                compilation of the vector kernels takes a few seconds on a busy machine;
     *                until then they run as slow Java fallbacks)
     * @param repeats timed epochs; the result is their median
     */
    public static Result run(Precision precision, int batch, float[] x, int[] y, int rows, int warmup, double warmupSeconds,
                             int repeats, boolean cpuClock) {
        if (batch < 1 || rows < batch) throw new IllegalArgumentException("need at least one batch of " + batch + " rows");
        if (repeats < 1) throw new IllegalArgumentException("repeats must be >= 1");
        Network net = Network.builder(INPUTS).precision(precision).seed(1).dense(HIDDEN).sigmoid().dense(CLASSES).build();
        Optimizer opt = Sgd.plain(WeightDecay.NONE);
        List<Parameter> params = net.parameters();
        Tensor in = Tensor.zeros(precision, batch, INPUTS);
        int[] yb = new int[batch];
        Targets tb = Targets.labels(yb, batch);
        double[] xd = precision == Precision.F64 ? new double[batch * INPUTS] : null;
        int batches = rows / batch;
        double[] sps = new double[repeats];
        long warmupEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
        for (int e = 0; e < warmup + repeats; e++) {
            if (e == warmup && System.nanoTime() < warmupEnd) {
                e--; // keep warming up
            }
            long t0 = cpuClock ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
            for (int b = 0; b < batches; b++) {
                int off = b * batch * INPUTS;
                if (precision == Precision.F32) {
                    System.arraycopy(x, off, in.f32(), 0, batch * INPUTS);
                } else {
                    double[] d = in.f64();
                    for (int i = 0; i < batch * INPUTS; i++) d[i] = x[off + i];
                }
                System.arraycopy(y, b * batch, yb, 0, batch);
                double loss = net.lossAndGradients(in, tb, Loss.SOFTMAX_CE, Mode.TRAIN);
                if (!Double.isFinite(loss)) throw new IllegalStateException("benchmark training diverged");
                opt.step(params, 0.1);
            }
            double secs = ((cpuClock ? THREADS.getCurrentThreadCpuTime() : System.nanoTime()) - t0) / 1e9;
            if (e >= warmup) sps[e - warmup] = batches * (double) batch / secs;
        }
        return new Result(precision, batch, median(sps), sps);
    }

    public static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }

    /**
     * All four configurations: f32 and f64, batch 32 and 256. With {@code cpuClock} the epochs are
     * timed by this thread's CPU time instead of wall time (steadier on a shared machine).
     */
    public static List<Result> runAll(float[] x, int[] y, int rows, int warmup, double warmupSeconds, int repeats,
                                      boolean cpuClock) {
        List<Result> out = new ArrayList<>();
        for (Precision p : Precision.values()) {
            for (int b : new int[] {32, 256}) out.add(run(p, b, x, y, rows, warmup, warmupSeconds, repeats, cpuClock));
        }
        return out;
    }
}
