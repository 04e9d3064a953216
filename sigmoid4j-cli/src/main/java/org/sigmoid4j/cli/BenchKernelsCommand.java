package org.sigmoid4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.sigmoid4j.kernel.Kernels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sigmoid4j bench kernels}: one process, one thread, the same inputs for every
 * implementation, medians of several timed batches. Per function, precision and size it times
 * sigmoid4j's bulk kernel, the plain Java loop of the textbook formula ("java-naive") and an
 * array copy of the same size (the memory-bound floor); for the float sigmoid also the opt-in
 * faithful kernel ("sigmoid4j-faithful", ≤ 1 ulp); for the sigmoid it also runs, when
 * {@code /usr/bin/python3} has them, numpy {@code 1/(1+np.exp(-x))}, {@code scipy.special.expit}
 * and {@code torch.sigmoid_} (one thread) in a child process. The JMH benchmarks in
 * {@code sigmoid4j-bench} are the careful version of the same measurements.
 */
@Command(name = "kernels", mixinStandardHelpOptions = true,
        description = {"Time the element-wise kernels beside the naive Java loop, an array copy, numpy, scipy and torch.",
                "The Python libraries run (one thread) when /usr/bin/python3 has them. Prints medians and ratios."})
final class BenchKernelsCommand implements Callable<Integer> {

    static final List<String> ALL_FUNCTIONS =
            List.of("sigmoid", "sigmoid-derivative", "log-sigmoid", "softplus", "silu", "tanh", "logit");

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print a JSON array of {function, precision, n, impl, ns_per_element}.")
    boolean json;

    @Option(names = "--functions", split = ",", paramLabel = "NAME",
            description = "Functions to time (default: all of ${DEFAULT-VALUE}).")
    List<String> functions = ALL_FUNCTIONS;

    @Option(names = "--sizes", split = ",", paramLabel = "N", description = "Array sizes (default: ${DEFAULT-VALUE}).")
    List<Integer> sizes = List.of(4096, 16_777_216);

    @Option(names = "--batches", paramLabel = "K", description = "Timed batches per measurement; the median is reported (default: ${DEFAULT-VALUE}).")
    int batches = 7;

    @Option(names = "--batch-ms", paramLabel = "MS", description = "Target duration of one batch (default: ${DEFAULT-VALUE}).")
    int batchMs = 20;

    @Option(names = "--warmup-ms", paramLabel = "MS", description = "Warm-up time before each measurement (default: ${DEFAULT-VALUE}).")
    int warmupMs = 300;

    @Option(names = "--wall", description = "Measure wall-clock time instead of the thread's CPU time (the default,"
            + " which other processes on a shared machine do not inflate).")
    boolean wall;

    @Option(names = "--no-python", description = "Do not run the numpy / scipy / torch comparison.")
    boolean noPython;

    @Option(names = "--quick", description = "Smoke run: sizes 64 and 1000, 3 short batches, no Python.")
    boolean quick;

    /** Elements each body processes at least while warming up (1000 calls at n = 4096). */
    static final long WARMUP_ELEMENTS = 4_096_000;

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    private static final java.lang.management.CompilationMXBean JIT = java.lang.management.ManagementFactory.getCompilationMXBean();

    /** Nanoseconds on the chosen clock: this thread's CPU time, or wall-clock time with --wall. */
    private long now() {
        return wall || !THREADS.isCurrentThreadCpuTimeSupported() ? System.nanoTime() : THREADS.getCurrentThreadCpuTime();
    }

    private static long jitMillis() {
        return JIT != null && JIT.isCompilationTimeMonitoringSupported() ? JIT.getTotalCompilationTime() : 0;
    }

    record Result(String function, String precision, int n, String impl, double nsPerElement) {}

    interface Body {
        void run();
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (quick) {
            sizes = List.of(64, 1000);
            batches = 3;
            batchMs = 2;
            warmupMs = 5;
            noPython = true;
        }
        for (String f : functions) {
            if (!ALL_FUNCTIONS.contains(f)) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "unknown function '" + f + "'; valid: " + String.join(", ", ALL_FUNCTIONS));
            }
        }
        if (batches < 1 || batchMs < 1 || sizes.stream().anyMatch(n -> n < 1)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--batches, --batch-ms and --sizes must be positive");
        }
        if (!json) {
            err.println("kernels: " + Kernels.info().describe() + "; " + batches + " batches of ~" + batchMs
                    + " ms per measurement (" + (wall ? "wall-clock" : "thread CPU") + " time), interleaved, median reported");
            err.flush();
        }
        List<Result> results = new ArrayList<>();
        for (String fn : functions) {
            for (String precision : List.of("f64", "f32")) {
                for (int n : sizes) {
                    results.addAll(measureJava(fn, precision, n));
                    if (!json) {
                        err.print('.');
                        err.flush();
                    }
                }
            }
        }
        if (!noPython && functions.contains("sigmoid")) {
            results.addAll(measurePython(err));
        }
        if (!json) {
            err.println();
        }
        if (json) {
            printJson(out, results);
        } else {
            printTable(out, results);
        }
        out.flush();
        return ExitCodes.OK;
    }

    // ---------------------------------------------------------------------------------------

    private List<Result> measureJava(String fn, String precision, int n) {
        SplittableRandom r = new SplittableRandom(n * 31L + fn.hashCode());
        boolean unit = fn.equals("logit");
        Body[] bodies;
        if (precision.equals("f64")) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) x[i] = unit ? r.nextDouble(0.001, 0.999) : r.nextDouble(-20, 20);
            double[] y = new double[n];
            bodies = new Body[] {() -> kernelD(fn, x, y), () -> naiveD(fn, x, y), () -> System.arraycopy(x, 0, y, 0, n)};
        } else {
            float[] x = new float[n];
            for (int i = 0; i < n; i++) x[i] = (float) (unit ? r.nextDouble(0.001, 0.999) : r.nextDouble(-20, 20));
            float[] y = new float[n];
            bodies = new Body[] {() -> kernelF(fn, x, y), () -> naiveF(fn, x, y), () -> System.arraycopy(x, 0, y, 0, n)};
            if (fn.equals("sigmoid")) {
                // the opt-in faithful (<= 1 ulp) float sigmoid, timed beside the correctly rounded one
                bodies = Arrays.copyOf(bodies, 4);
                bodies[3] = () -> Kernels.sigmoidFaithful(x, y);
            }
        }
        double[] medians = time(n, bodies);
        List<Result> rs = new ArrayList<>(List.of(new Result(fn, precision, n, "sigmoid4j", medians[0]),
                new Result(fn, precision, n, "java-naive", medians[1]),
                new Result(fn, precision, n, "copy", medians[2])));
        if (bodies.length > 3) {
            rs.add(new Result(fn, precision, n, FAITHFUL, medians[3]));
        }
        return rs;
    }

    /** impl of the opt-in faithful float sigmoid's records (function sigmoid, precision f32 only). */
    static final String FAITHFUL = "sigmoid4j-faithful";

    /**
     * Median ns per element of each body, timed again (up to three times) when a batch during or
     * just after the timing ran at less than half the median: the JIT replaced the code while we
     * measured. That happens when C2 is still compiling a big Vector API kernel as the warm-up
     * ends (a compilation in progress does not move the JIT's total compile time, so the warm-up
     * sees a steady, C1-speed body and a quiet JIT): logit once measured 285 ns/element that way.
     */
    private double[] time(int n, Body[] bodies) {
        double[] medians = timeOnce(n, bodies);
        for (int attempt = 1; attempt < 3 && medians[bodies.length] != 0; attempt++) {
            medians = timeOnce(n, bodies);
        }
        return Arrays.copyOf(medians, bodies.length);
    }

    /**
     * Median ns per element of each body, and in a last slot 1 if some body changed speed while
     * timed (a batch, or one extra batch after the timed ones, below half its median), else 0.
     * Each body is calibrated (calls per batch of ~batchMs) and warmed up (C2 must compile the
     * Vector API code first); then the timed batches of the bodies are interleaved, so that load
     * from other processes falls on all of them alike.
     */
    private double[] timeOnce(int n, Body[] bodies) {
        int m = bodies.length;
        int[] reps = new int[m];
        for (int k = 0; k < m; k++) {
            Body body = bodies[k];
            // calibrate roughly, then warm up until the batch time stops improving: C2 must have
            // compiled the Vector API code (interpreted or C1-compiled, it is ~1000× slower), which
            // on a loaded machine can take seconds
            long t0 = now();
            int calls = 0;
            do {
                body.run();
                calls++;
            } while (now() - t0 < TimeUnit.MILLISECONDS.toNanos(batchMs) / 4);
            long per = Math.max(1, (now() - t0) / calls);
            long start = now();
            double best = Double.MAX_VALUE;
            int sinceImprovement = 0;
            long jit = jitMillis();
            int jitQuiet = 0;
            long elements = (long) calls * n;
            while (true) {
                int r = (int) Math.max(1, TimeUnit.MILLISECONDS.toNanos(batchMs) / per);
                long s = now();
                for (int i = 0; i < r; i++) body.run();
                long e = now();
                elements += (long) r * n;
                per = Math.max(1, (e - s) / r);
                if (per < 0.95 * best) {
                    best = per;
                    sinceImprovement = 0;
                } else {
                    sinceImprovement++;
                }
                long j = jitMillis();
                jitQuiet = j == jit ? jitQuiet + 1 : 0;
                jit = j;
                long elapsed = e - start;
                // done when no faster for 5 batches and the JIT compiled nothing for 5 batches, and
                // at least WARMUP_ELEMENTS were processed: an interpreted kernel (~1000× slower)
                // runs steadily and can meet the other two conditions before HotSpot's invocation
                // and back-edge counters even ask for a compilation (2485 ns/element was measured so)
                if ((elapsed >= TimeUnit.MILLISECONDS.toNanos(warmupMs) && sinceImprovement >= 5 && jitQuiet >= 5
                        && elements >= (quick ? WARMUP_ELEMENTS / 100 : WARMUP_ELEMENTS))
                        || elapsed >= TimeUnit.SECONDS.toNanos(quick ? 1 : 30)) {
                    break;
                }
            }
            reps[k] = (int) Math.max(1, TimeUnit.MILLISECONDS.toNanos(batchMs) / per);
        }
        double[][] perElement = new double[m][batches];
        for (int b = 0; b < batches; b++) {
            for (int k = 0; k < m; k++) {
                long s = now();
                for (int i = 0; i < reps[k]; i++) bodies[k].run();
                perElement[k][b] = (now() - s) / (double) reps[k] / n;
            }
        }
        double[] medians = new double[m + 1];
        for (int k = 0; k < m; k++) {
            long s = now();
            for (int i = 0; i < reps[k]; i++) bodies[k].run();
            double after = (now() - s) / (double) reps[k] / n;
            Arrays.sort(perElement[k]);
            medians[k] = perElement[k][batches / 2];
            if (Math.min(after, perElement[k][0]) < 0.5 * medians[k]) {
                medians[m] = 1;
            }
        }
        return medians;
    }

    static void kernelD(String fn, double[] x, double[] y) {
        switch (fn) {
            case "sigmoid" -> Kernels.sigmoid(x, y);
            case "sigmoid-derivative" -> Kernels.sigmoidDerivative(x, y);
            case "log-sigmoid" -> Kernels.logSigmoid(x, y);
            case "softplus" -> Kernels.softplus(x, y);
            case "silu" -> Kernels.silu(x, y);
            case "tanh" -> Kernels.tanh(x, y);
            case "logit" -> Kernels.logit(x, y);
            default -> throw new IllegalArgumentException(fn);
        }
    }

    static void kernelF(String fn, float[] x, float[] y) {
        switch (fn) {
            case "sigmoid" -> Kernels.sigmoid(x, y);
            case "sigmoid-derivative" -> Kernels.sigmoidDerivative(x, y);
            case "log-sigmoid" -> Kernels.logSigmoid(x, y);
            case "softplus" -> Kernels.softplus(x, y);
            case "silu" -> Kernels.silu(x, y);
            case "tanh" -> Kernels.tanh(x, y);
            case "logit" -> Kernels.logit(x, y);
            default -> throw new IllegalArgumentException(fn);
        }
    }

    /** The textbook formulas as a plain Java loop would write them. */
    static void naiveD(String fn, double[] x, double[] y) {
        int n = x.length;
        switch (fn) {
            case "sigmoid" -> { for (int i = 0; i < n; i++) y[i] = 1 / (1 + Math.exp(-x[i])); }
            case "sigmoid-derivative" -> { for (int i = 0; i < n; i++) { double s = 1 / (1 + Math.exp(-x[i])); y[i] = s * (1 - s); } }
            case "log-sigmoid" -> { for (int i = 0; i < n; i++) y[i] = -Math.log1p(Math.exp(-x[i])); }
            case "softplus" -> { for (int i = 0; i < n; i++) y[i] = Math.log1p(Math.exp(x[i])); }
            case "silu" -> { for (int i = 0; i < n; i++) y[i] = x[i] / (1 + Math.exp(-x[i])); }
            case "tanh" -> { for (int i = 0; i < n; i++) y[i] = Math.tanh(x[i]); }
            case "logit" -> { for (int i = 0; i < n; i++) y[i] = Math.log(x[i] / (1 - x[i])); }
            default -> throw new IllegalArgumentException(fn);
        }
    }

    static void naiveF(String fn, float[] x, float[] y) {
        int n = x.length;
        switch (fn) {
            case "sigmoid" -> { for (int i = 0; i < n; i++) y[i] = (float) (1 / (1 + Math.exp(-x[i]))); }
            case "sigmoid-derivative" -> { for (int i = 0; i < n; i++) { float s = (float) (1 / (1 + Math.exp(-x[i]))); y[i] = s * (1 - s); } }
            case "log-sigmoid" -> { for (int i = 0; i < n; i++) y[i] = (float) -Math.log1p(Math.exp(-x[i])); }
            case "softplus" -> { for (int i = 0; i < n; i++) y[i] = (float) Math.log1p(Math.exp(x[i])); }
            case "silu" -> { for (int i = 0; i < n; i++) y[i] = (float) (x[i] / (1 + Math.exp(-x[i]))); }
            case "tanh" -> { for (int i = 0; i < n; i++) y[i] = (float) Math.tanh(x[i]); }
            case "logit" -> { for (int i = 0; i < n; i++) y[i] = (float) Math.log(x[i] / (1 - x[i])); }
            default -> throw new IllegalArgumentException(fn);
        }
    }

    // ---------------------------------------------------------------------------------------

    static final String PYTHON = BenchSupport.PYTHON;

    /** The child process: prints one "impl precision n ns_per_element" line per measurement. */
    static final String PY_SCRIPT = """
            import sys, time
            sizes = [int(s) for s in sys.argv[1].split(',')]
            batches = int(sys.argv[2]); batch_ms = float(sys.argv[3]); warm_ms = float(sys.argv[4])
            clock = time.perf_counter_ns if sys.argv[5] == 'wall' else time.thread_time_ns
            try:
                import numpy as np
            except ImportError:
                sys.exit(0)
            impls = [('numpy', lambda x: 1 / (1 + np.exp(-x)))]
            try:
                import scipy.special
                impls.append(('scipy', scipy.special.expit))
            except ImportError:
                pass
            try:
                import torch
                torch.set_num_threads(1)
                impls.append(('torch', None))
            except ImportError:
                pass
            def timeit(n, f):
                t0 = clock(); calls = 0
                while clock() - t0 < batch_ms * 250000:
                    f(); calls += 1
                per = max(1, (clock() - t0) // calls)
                reps = max(1, int(batch_ms * 1e6 // per))
                res = []
                w = clock()
                while clock() - w < warm_ms * 1e6:
                    f()
                for b in range(-1, batches):
                    s = clock()
                    for _ in range(reps): f()
                    e = clock()
                    if b >= 0: res.append((e - s) / reps / n)
                res.sort()
                return res[len(res) // 2]
            rng = np.random.default_rng(1)
            for dt, prec in ((np.float64, 'f64'), (np.float32, 'f32')):
                for n in sizes:
                    x = rng.uniform(-20, 20, n).astype(dt)
                    for name, f in impls:
                        if name == 'torch':
                            t = torch.from_numpy(x.copy())
                            ns = timeit(n, lambda: torch.sigmoid_(t))
                        else:
                            ns = timeit(n, lambda: f(x))
                        print(name, prec, n, repr(ns), flush=True)
            """;

    private List<Result> measurePython(PrintWriter err) {
        List<Result> rs = new ArrayList<>();
        if (!BenchSupport.available(PYTHON)) {
            if (!json) err.println("\nkernels: " + PYTHON + " not found; skipping numpy / scipy / torch");
            return rs;
        }
        try {
            ProcessBuilder pb = new ProcessBuilder(PYTHON, "-c", PY_SCRIPT,
                    String.join(",", sizes.stream().map(String::valueOf).toList()), String.valueOf(batches),
                    String.valueOf(batchMs), String.valueOf(warmupMs), wall ? "wall" : "cpu");
            BenchSupport.oneThread(pb.environment());
            BenchSupport.run(pb, 10, TimeUnit.MINUTES, line -> {
                String[] f = line.trim().split(" ");
                if (f.length == 4) {
                    rs.add(new Result("sigmoid", f[1], Integer.parseInt(f[2]), f[0], Double.parseDouble(f[3])));
                }
            }, null);
            if (rs.isEmpty() && !json) {
                err.println("\nkernels: numpy is not available to " + PYTHON + "; skipping the Python comparison");
            }
        } catch (IOException | RuntimeException e) {
            if (!json) err.println("\nkernels: the Python comparison failed (" + e.getMessage() + "); skipped");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return rs;
    }

    // ---------------------------------------------------------------------------------------

    static void printJson(PrintWriter out, List<Result> results) {
        out.println("[");
        for (int i = 0; i < results.size(); i++) {
            Result r = results.get(i);
            out.printf(Locale.ROOT, "  {\"function\": \"%s\", \"precision\": \"%s\", \"n\": %d, \"impl\": \"%s\", \"ns_per_element\": %s}%s%n",
                    r.function(), r.precision(), r.n(), r.impl(), Double.toString(r.nsPerElement()),
                    i + 1 < results.size() ? "," : "");
        }
        out.println("]");
    }

    static void printTable(PrintWriter out, List<Result> results) {
        out.printf(Locale.ROOT, "%-19s %-4s %9s %-18s %10s %9s %9s%n", "function", "prec", "n", "impl", "ns/elem", "/naive", "/copy");
        for (Result r : results) {
            double naive = find(results, r, "java-naive");
            double copy = find(results, r, "copy");
            out.printf(Locale.ROOT, "%-19s %-4s %9d %-18s %10.3f %9s %9s%n", r.function(), r.precision(), r.n(), r.impl(),
                    r.nsPerElement(), ratio(r.nsPerElement(), naive), ratio(r.nsPerElement(), copy));
        }
        // the targets, from this run
        for (int n : results.stream().map(Result::n).distinct().toList()) {
            double d = get(results, "sigmoid", "f64", n, "sigmoid4j");
            double f = get(results, "sigmoid", "f32", n, "sigmoid4j");
            double naive = get(results, "sigmoid", "f64", n, "java-naive");
            double copyD = get(results, "sigmoid", "f64", n, "copy");
            double copyF = get(results, "sigmoid", "f32", n, "copy");
            double faithful = get(results, "sigmoid", "f32", n, FAITHFUL);
            if (Double.isNaN(d)) continue;
            out.printf(Locale.ROOT, "n=%d: sigmoid f64 / java-naive f64 = %.3f (target <= 0.15); f32 / f64 = %.3f (target <= 0.5);"
                    + " f64 / copy = %.2f, f32 / copy = %.2f (target <= 1.5 at n=16777216)%n", n, d / naive, f / d, d / copyD, f / copyF);
            if (!Double.isNaN(faithful)) {
                out.printf(Locale.ROOT, "n=%d: sigmoid f32 faithful (<= 1 ulp, opt-in) / f64 = %.3f; / copy = %.2f%n", n, faithful / d,
                        faithful / copyF);
            }
        }
    }

    private static double find(List<Result> rs, Result like, String impl) {
        return get(rs, like.function(), like.precision(), like.n(), impl);
    }

    private static double get(List<Result> rs, String fn, String precision, int n, String impl) {
        for (Result r : rs) {
            if (r.function().equals(fn) && r.precision().equals(precision) && r.n() == n && r.impl().equals(impl)) {
                return r.nsPerElement();
            }
        }
        return Double.NaN;
    }

    private static String ratio(double a, double b) {
        return Double.isNaN(b) ? "" : String.format(Locale.ROOT, "%.3f", a / b);
    }
}
