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

/** Every bulk kernel of the sigmoid family, double and float, n = 4096 (cache resident). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsPrepend = "--add-modules=jdk.incubator.vector")
public class ActivationKernelsBenchmark {

    @Param({"sigmoid", "sigmoidDerivative", "logSigmoid", "softplus", "silu", "tanh", "logit"})
    String function;

    @Param({"4096"})
    int n;

    double[] x;
    double[] y;
    float[] xf;
    float[] yf;

    @Setup
    public void setup() {
        SplittableRandom r = new SplittableRandom(2);
        x = new double[n];
        xf = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = function.equals("logit") ? r.nextDouble(0.001, 0.999) : r.nextDouble(-20, 20);
            xf[i] = (float) x[i];
        }
        y = new double[n];
        yf = new float[n];
        kernelDouble();
        kernelFloat();
        for (int i = 0; i < n; i++) {
            double e = reference(x[i]);
            if (Math.abs(y[i] - e) > 2 * Math.ulp(e)) {
                throw new IllegalStateException(function + "(" + x[i] + ") = " + y[i] + ", reference " + e);
            }
        }
    }

    private double reference(double v) {
        return switch (function) {
            case "sigmoid" -> Logistic.sigmoid(v);
            case "sigmoidDerivative" -> Logistic.sigmoidDerivative(v);
            case "logSigmoid" -> Logistic.logSigmoid(v);
            case "softplus" -> Logistic.softplus(v);
            case "silu" -> Logistic.silu(v);
            case "tanh" -> Logistic.tanh(v);
            case "logit" -> Logistic.logit(v);
            default -> throw new IllegalArgumentException(function);
        };
    }

    @Benchmark
    public double[] kernelDouble() {
        switch (function) {
            case "sigmoid" -> Kernels.sigmoid(x, y);
            case "sigmoidDerivative" -> Kernels.sigmoidDerivative(x, y);
            case "logSigmoid" -> Kernels.logSigmoid(x, y);
            case "softplus" -> Kernels.softplus(x, y);
            case "silu" -> Kernels.silu(x, y);
            case "tanh" -> Kernels.tanh(x, y);
            case "logit" -> Kernels.logit(x, y);
            default -> throw new IllegalArgumentException(function);
        }
        return y;
    }

    @Benchmark
    public float[] kernelFloat() {
        switch (function) {
            case "sigmoid" -> Kernels.sigmoid(xf, yf);
            case "sigmoidDerivative" -> Kernels.sigmoidDerivative(xf, yf);
            case "logSigmoid" -> Kernels.logSigmoid(xf, yf);
            case "softplus" -> Kernels.softplus(xf, yf);
            case "silu" -> Kernels.silu(xf, yf);
            case "tanh" -> Kernels.tanh(xf, yf);
            case "logit" -> Kernels.logit(xf, yf);
            default -> throw new IllegalArgumentException(function);
        }
        return yf;
    }
}
