package org.sigmoid4j.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.sigmoid4j.kernel.Kernels;
import org.sigmoid4j.math.Logistic;

/**
 * The sigmoid targets, measured by JMH in one fork: {@code kernelDouble} against
 * {@code naiveDouble} (the plain {@code 1/(1+Math.exp(-x))} loop; target ≤ 0.15×),
 * {@code kernelFloat} against {@code kernelDouble} (target ≤ 0.5×), and at n = 16,777,216 the
 * kernels against {@code copyDouble} / {@code copyFloat} (target ≤ 1.5×). {@code kernelFloatFaithful}
 * is the opt-in faithful float sigmoid (≤ 1 ulp, {@link Kernels#sigmoidFaithful(float[], float[])}).
 * Time per call; divide by n for ns per element.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsPrepend = {"--add-modules=jdk.incubator.vector", "-Xmx2g"})
public class SigmoidBenchmark {

    @Param({"4096", "16777216"})
    int n;

    double[] x;
    double[] y;
    float[] xf;
    float[] yf;

    @Setup
    public void setup() {
        SplittableRandom r = new SplittableRandom(1);
        x = new double[n];
        xf = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextDouble(-20, 20);
            xf[i] = (float) x[i];
        }
        y = new double[n];
        yf = new float[n];
        // the kernels must be right before they are timed: SIMD double within 2 ulp of the
        // scalar reference, float identical (both correctly rounded)
        kernelDouble();
        kernelFloat();
        for (int i = 0; i < n; i += Math.max(1, n / 100_000)) {
            double e = Logistic.sigmoid(x[i]);
            if (Math.abs(y[i] - e) > 2 * Math.ulp(e)) {
                throw new IllegalStateException("sigmoid(" + x[i] + ") = " + y[i] + ", reference " + e);
            }
            if (yf[i] != Logistic.sigmoid(xf[i])) {
                throw new IllegalStateException("sigmoid(" + xf[i] + "f) = " + yf[i] + ", reference " + Logistic.sigmoid(xf[i]));
            }
        }
        kernelFloatFaithful();
        for (int i = 0; i < n; i += Math.max(1, n / 100_000)) {
            float e = Logistic.sigmoid(xf[i]);
            if (Math.abs(yf[i] - e) > Math.ulp(e)) {
                throw new IllegalStateException("sigmoidFaithful(" + xf[i] + "f) = " + yf[i] + ", reference " + e);
            }
        }
    }

    @Benchmark
    public double[] naiveDouble() {
        for (int i = 0; i < n; i++) y[i] = 1 / (1 + Math.exp(-x[i]));
        return y;
    }

    @Benchmark
    public double[] kernelDouble() {
        Kernels.sigmoid(x, y);
        return y;
    }

    @Benchmark
    public double[] copyDouble() {
        System.arraycopy(x, 0, y, 0, n);
        return y;
    }

    @Benchmark
    public float[] naiveFloat() {
        for (int i = 0; i < n; i++) yf[i] = (float) (1 / (1 + Math.exp(-xf[i])));
        return yf;
    }

    @Benchmark
    public float[] kernelFloat() {
        Kernels.sigmoid(xf, yf);
        return yf;
    }

    @Benchmark
    public float[] kernelFloatFaithful() {
        Kernels.sigmoidFaithful(xf, yf);
        return yf;
    }

    @Benchmark
    public float[] copyFloat() {
        System.arraycopy(xf, 0, yf, 0, n);
        return yf;
    }
}
