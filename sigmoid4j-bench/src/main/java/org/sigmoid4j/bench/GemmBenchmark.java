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
import org.sigmoid4j.linalg.Gemm;

/**
 * The matrix products of one training step of [784, 100, 10] at batch {@code batch}: the hidden
 * layer's forward product x·Wᵀ (NT) and weight gradient gᵀ·x (TN), in float and double, through
 * {@link Gemm}, beside a plain triple loop. GFLOP/s = 2·batch·100·784 / time.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsPrepend = "--add-modules=jdk.incubator.vector")
public class GemmBenchmark {

    static final int IN = 784;
    static final int OUT = 100;

    @Param({"32", "256"})
    int batch;

    float[] xf, wf, gf, yf, dwf;
    double[] xd, wd, gd, yd, dwd;

    @Setup
    public void setup() {
        SplittableRandom r = new SplittableRandom(1);
        xd = r.doubles(batch * IN).toArray();
        wd = r.doubles(OUT * IN, -0.05, 0.05).toArray();
        gd = r.doubles(batch * OUT, -0.01, 0.01).toArray();
        yd = new double[batch * OUT];
        dwd = new double[OUT * IN];
        xf = toFloat(xd);
        wf = toFloat(wd);
        gf = toFloat(gd);
        yf = new float[batch * OUT];
        dwf = new float[OUT * IN];
        forwardDouble();
        double[] naive = naiveForward();
        for (int i = 0; i < naive.length; i++) {
            if (Math.abs(naive[i] - yd[i]) > 1e-12 * IN) {
                throw new IllegalStateException("Gemm disagrees with the plain loop at " + i + ": " + yd[i] + " vs " + naive[i]);
            }
        }
    }

    private static float[] toFloat(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) f[i] = (float) d[i];
        return f;
    }

    @Benchmark
    public float[] forwardFloat() {
        Gemm.gemm(false, true, batch, OUT, IN, xf, 0, IN, wf, 0, IN, false, yf, 0, OUT);
        return yf;
    }

    @Benchmark
    public double[] forwardDouble() {
        Gemm.gemm(false, true, batch, OUT, IN, xd, 0, IN, wd, 0, IN, false, yd, 0, OUT);
        return yd;
    }

    @Benchmark
    public float[] weightGradientFloat() {
        Gemm.gemm(true, false, OUT, IN, batch, gf, 0, OUT, xf, 0, IN, false, dwf, 0, IN);
        return dwf;
    }

    @Benchmark
    public double[] weightGradientDouble() {
        Gemm.gemm(true, false, OUT, IN, batch, gd, 0, OUT, xd, 0, IN, false, dwd, 0, IN);
        return dwd;
    }

    @Benchmark
    public double[] naiveForward() {
        double[] y = new double[batch * OUT];
        for (int i = 0; i < batch; i++) {
            for (int j = 0; j < OUT; j++) {
                double s = 0;
                for (int p = 0; p < IN; p++) s += xd[i * IN + p] * wd[j * IN + p];
                y[i * OUT + j] = s;
            }
        }
        return y;
    }
}
