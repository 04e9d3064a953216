package org.sigmoid4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.sigmoid4j.diagnostics.Json;
import org.sigmoid4j.lr.LogisticRegression;
import org.sigmoid4j.lr.LogisticRegressionModel;
import org.sigmoid4j.lr.Penalty;
import org.sigmoid4j.lr.Solver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sigmoid4j bench lr}: L2 logistic regression (C = 1) on seeded synthetic data, sigmoid4j
 * against scikit-learn's {@code LogisticRegression(C=1, solver='lbfgs')} on one thread, same data,
 * same run. The data (X standard normal, w_true ~ N(0,1)/10, intercept 0, y ~ Bernoulli(σ(X·w_true)))
 * is generated in parallel blocks, each with its own seed, so it does not depend on the thread
 * count; it is written to a temporary folder as little-endian float64 for numpy.fromfile and
 * deleted afterwards. Fit times exclude loading; medians over {@code --repeats}.
 */
@Command(name = "lr", mixinStandardHelpOptions = true, description = {
        "Logistic regression fit time beside scikit-learn.",
        "sigmoid4j fits L2 with C=1 to relative gradient norm <= 1e-9; scikit-learn runs "
                + "LogisticRegression(C=1, solver='lbfgs') on one thread on the same data (default 1,000,000 x 100)."})
final class BenchLrCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--rows", description = "Rows n (default ${DEFAULT-VALUE}).", defaultValue = "1000000")
    int rows;

    @Option(names = "--features", description = "Features d (default ${DEFAULT-VALUE}).", defaultValue = "100")
    int features;

    @Option(names = "--threads", split = ",", description = "sigmoid4j thread counts (default 1,2).", defaultValue = "1,2")
    int[] threads;

    @Option(names = "--repeats", description = "Timed fits per configuration; the median is reported (default ${DEFAULT-VALUE}).",
            defaultValue = "3")
    int repeats;

    @Option(names = "--seed", description = "Data seed (default ${DEFAULT-VALUE}).", defaultValue = "20240601")
    long seed;

    @Option(names = "--solver", description = "sigmoid4j solver: auto, newton, lbfgs (default ${DEFAULT-VALUE}).",
            defaultValue = "auto")
    String solver;

    @Option(names = "--cold-start", description = "Start every sigmoid4j fit at zero: no warm start from a fit on a tenth "
            + "of the rows (LogisticRegression.Builder.subsampleStart(false)), to see what the warm start saves.")
    boolean coldStart;

    @Option(names = "--no-sklearn", description = "Skip scikit-learn (its fields are then null).")
    boolean noSklearn;

    @Option(names = "--python", description = "Python interpreter with scikit-learn (default ${DEFAULT-VALUE}).",
            defaultValue = "/usr/bin/python3")
    String python;

    @Option(names = "--json", description = "Print JSON records instead of a table.")
    boolean json;

    @Option(names = "--clock", defaultValue = "wall", description = {
            "wall (elapsed time, default) or cpu: CPU seconds, steadier on a busy machine; for sigmoid4j the "
                    + "process's CPU time during the fit divided by the thread count (the elapsed time of an idle machine "
                    + "when the threads are balanced), for scikit-learn its process time."})
    String clock;

    static final double TOLERANCE = 1e-9;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (rows < 2 || features < 1 || repeats < 1 || (long) rows * features > Integer.MAX_VALUE - 8) {
            err.println("error: need --rows >= 2, --features >= 1, --repeats >= 1 and rows x features < 2^31");
            return ExitCodes.USAGE;
        }
        for (int t : threads) {
            if (t < 1) {
                err.println("error: --threads values must be >= 1");
                return ExitCodes.USAGE;
            }
        }
        boolean cpuClock;
        switch (clock.toLowerCase(Locale.ROOT)) {
            case "wall" -> cpuClock = false;
            case "cpu" -> cpuClock = true;
            default -> {
                err.println("error: --clock must be wall or cpu, got '" + clock + "'");
                return ExitCodes.USAGE;
            }
        }
        Solver s;
        try {
            s = Solver.valueOf(solver.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            err.println("error: unknown --solver '" + solver + "' (auto, newton, lbfgs)");
            return ExitCodes.USAGE;
        }
        int n = rows, d = features;
        long t0 = System.nanoTime();
        double[][] data = generate(n, d, seed);
        double[] x = data[0], y = data[1];
        info(err, String.format(Locale.ROOT, "generated %d x %d in %.2f s", n, d, (System.nanoTime() - t0) / 1e9));

        Map<String, Object> sk = null;
        if (!noSklearn) {
            sk = runSklearn(x, y, n, d, err);
        }
        // JIT warm-up, not timed: three fits on the same data, so that C2 compiles every hot loop
        // of the path the timed fits take (whether the warm start applies depends on the size)
        for (int r = 0; r < 3; r++) {
            LogisticRegression.builder().penalty(Penalty.l2(1)).solver(s).tolerance(TOLERANCE).subsampleStart(!coldStart)
                    .threads(threads[r % threads.length]).build().fit(x, n, d, y, null);
        }

        List<Map<String, Object>> records = new ArrayList<>();
        for (int t : threads) {
            double[] times = new double[repeats];
            double[] cpu = new double[repeats];
            LogisticRegressionModel m = null;
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            for (int r = 0; r < repeats; r++) {
                LogisticRegression lr = LogisticRegression.builder().penalty(Penalty.l2(1)).solver(s)
                        .tolerance(TOLERANCE).subsampleStart(!coldStart).threads(t).build();
                long c0 = os.getProcessCpuTime();
                long a = System.nanoTime();
                m = lr.fit(x, n, d, y, null);
                times[r] = (System.nanoTime() - a) / 1e9;
                cpu[r] = (os.getProcessCpuTime() - c0) / 1e9;
            }
            double med = cpuClock ? BenchSupport.median(cpu) / t : BenchSupport.median(times);
            Map<String, Object> rec = new LinkedHashMap<>();
            rec.put("n", n);
            rec.put("d", d);
            rec.put("threads", t);
            rec.put("sigmoid4j_seconds", med);
            Double skSec = sk == null ? null : cpuClock ? BenchSupport.median(toArray(sk.get("cpu"))) : (Double) sk.get("seconds");
            rec.put("sklearn_seconds", skSec);
            rec.put("ratio", skSec == null ? null : med / skSec);
            rec.put("sigmoid4j_objective", m.report().objective());
            rec.put("sklearn_objective", sk == null ? null : sk.get("objective"));
            String start = m.report().warmStartRows() > 0
                    ? String.format(Locale.ROOT, "warm start from a fit on %,d rows, ", m.report().warmStartRows()) : "";
            info(err, String.format(Locale.ROOT, "sigmoid4j %d thread(s): %s, %s%d iterations on all rows, relative gradient %.2e, "
                            + "times %s, CPU times (process, includes the JVM's own threads) %s",
                    t, m.report().solver(), start, m.report().iterations(), m.report().relativeGradientNorm(),
                    Arrays.toString(times), Arrays.toString(cpu)));
            records.add(rec);
        }
        if (json) {
            out.println(Json.write(records));
        } else {
            out.printf(Locale.ROOT, "%10s %5s %8s %14s %12s %8s %22s %22s%n", "n", "d", "threads", "sigmoid4j_s", "sklearn_s",
                    "ratio", "sigmoid4j_objective", "sklearn_objective");
            for (Map<String, Object> r : records) {
                out.printf(Locale.ROOT, "%10d %5d %8d %14.3f %12s %8s %22.15g %22s%n", r.get("n"), r.get("d"), r.get("threads"),
                        (Double) r.get("sigmoid4j_seconds"), fmt(r.get("sklearn_seconds"), "%.3f"), fmt(r.get("ratio"), "%.3f"),
                        (Double) r.get("sigmoid4j_objective"), fmt(r.get("sklearn_objective"), "%.15g"));
            }
            out.println("(seconds are medians of " + repeats + " fits, " + (cpuClock ? "CPU clock" : "wall clock")
                    + "; ratio = sigmoid4j / scikit-learn on one thread; targets: <= 0.5 on 1 thread, <= 0.3 on 2)");
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static double[] toArray(Object list) {
        List<?> l = (List<?>) list;
        double[] a = new double[l.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = ((Number) l.get(i)).doubleValue();
        }
        return a;
    }

    private static String fmt(Object v, String f) {
        return v == null ? "-" : String.format(Locale.ROOT, f, (Double) v);
    }

    private static void info(PrintWriter err, String msg) {
        err.println("bench lr: " + msg);
        err.flush();
    }

    /** Rows in blocks of 4096, block b drawn from SplittableRandom(seed ⊕ mix(b)): independent of threads. */
    static double[][] generate(int n, int d, long seed) {
        double[] w = new double[d];
        SplittableRandom wr = new SplittableRandom(seed);
        for (int j = 0; j < d; j++) {
            w[j] = wr.nextGaussian() / 10;
        }
        double[] x = new double[n * d];
        double[] y = new double[n];
        final int block = 4096;
        int blocks = (n + block - 1) / block;
        IntStream.range(0, blocks).parallel().forEach(b -> {
            SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + b + 1);
            int end = Math.min(n, (b + 1) * block);
            for (int i = b * block; i < end; i++) {
                double z = 0;
                for (int j = 0; j < d; j++) {
                    double v = r.nextGaussian();
                    x[i * d + j] = v;
                    z += v * w[j];
                }
                y[i] = r.nextDouble() < org.sigmoid4j.math.Logistic.sigmoid(z) ? 1 : 0;
            }
        });
        return new double[][] {x, y};
    }

    private Map<String, Object> runSklearn(double[] x, double[] y, int n, int d, PrintWriter err) throws IOException, InterruptedException {
        if (!BenchSupport.available(python)) {
            info(err, python + " not found; scikit-learn skipped");
            return null;
        }
        try (BenchSupport.TempDir dir = BenchSupport.TempDir.create("sigmoid4j-bench-lr")) {
            writeDoubles(dir.resolve("x.f64"), x);
            writeDoubles(dir.resolve("y.f64"), y);
            Path script = dir.resolve("fit.py");
            Files.writeString(script, SCRIPT, StandardCharsets.UTF_8);
            ProcessBuilder pb = new ProcessBuilder(python, script.toString(), dir.path().toString(), Integer.toString(n),
                    Integer.toString(d), Integer.toString(repeats));
            BenchSupport.oneThread(pb.environment());
            StringBuilder stdout = new StringBuilder();
            BenchSupport.Outcome o = BenchSupport.run(pb, 1, TimeUnit.HOURS, line -> stdout.append(line).append('\n'), dir::child);
            if (!o.ok()) {
                info(err, "scikit-learn run failed (" + o.reason() + "); skipped");
                return null;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> res = (Map<String, Object>) Json.parse(BenchSupport.lastLine(stdout.toString()));
            info(err, "scikit-learn " + res.get("version") + ": times " + res.get("times") + ", CPU times " + res.get("cpu")
                    + ", n_iter " + res.get("n_iter"));
            return res;
        }
    }

    private static void writeDoubles(Path file, double[] v) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
            int i = 0;
            while (i < v.length) {
                buf.clear();
                while (i < v.length && buf.remaining() >= 8) {
                    buf.putDouble(v[i++]);
                }
                buf.flip();
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
            }
        }
    }

    /** Reads the binary files, fits with one thread, prints one JSON line. */
    static final String SCRIPT = """
            import json, sys, time
            import numpy as np
            d, n, k, reps = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
            X = np.fromfile(d + "/x.f64", dtype="<f8").reshape(n, k)
            y = np.fromfile(d + "/y.f64", dtype="<f8")
            import sklearn
            from sklearn.linear_model import LogisticRegression
            from threadpoolctl import threadpool_limits
            times = []
            cpu = []
            with threadpool_limits(limits=1):
                for _ in range(reps):
                    m = LogisticRegression(C=1.0, solver="lbfgs")
                    t = time.perf_counter()
                    c = time.process_time()
                    m.fit(X, y)
                    times.append(time.perf_counter() - t)
                    cpu.append(time.process_time() - c)
            z = X @ m.coef_[0] + m.intercept_[0]
            obj = 0.5 * float(m.coef_[0] @ m.coef_[0]) + float(np.sum(np.logaddexp(0.0, z) - y * z))
            print(json.dumps({"seconds": float(np.median(times)), "times": times, "cpu": cpu, "objective": obj,
                              "n_iter": int(m.n_iter_[0]), "version": sklearn.__version__}))
            """;
}
