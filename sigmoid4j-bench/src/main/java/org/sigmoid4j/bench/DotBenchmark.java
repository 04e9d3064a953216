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

/** Dot product through the kernel facade against a plain Java loop. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsPrepend = "--add-modules=jdk.incubator.vector")
public class DotBenchmark {

    @Param({"4096"})
    int n;

    double[] a;
    double[] b;

    @Setup
    public void setup() {
        SplittableRandom r = new SplittableRandom(1);
        a = r.doubles(n).toArray();
        b = r.doubles(n).toArray();
        double naive = plainLoop();
        double fast = Kernels.dot(a, 0, b, 0, n);
        if (Math.abs(naive - fast) > 1e-9 * n) {
            throw new IllegalStateException("kernel dot disagrees: " + fast + " vs " + naive);
        }
    }

    @Benchmark
    public double plainLoop() {
        double s = 0;
        for (int i = 0; i < n; i++) s += a[i] * b[i];
        return s;
    }

    @Benchmark
    public double kernels() {
        return Kernels.dot(a, 0, b, 0, n);
    }
}
