package org.sigmoid4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.sigmoid4j.diagnostics.Json;
import org.sigmoid4j.linalg.Gemm;
import org.sigmoid4j.nn.Precision;
import org.sigmoid4j.train.MlpBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sigmoid4j bench mlp}: training samples per second of [784, 100, 10] (sigmoid, softmax
 * cross-entropy, SGD), batch 32 and 256, f32 and f64, one thread; and the same network in
 * PyTorch ({@code torch.set_num_threads(1)}) on the same data, in a child process, when
 * {@code /usr/bin/python3} has torch.
 */
@Command(name = "mlp", mixinStandardHelpOptions = true, sortOptions = false, description = {
        "Training throughput of a [784,100,10] sigmoid network beside PyTorch.",
        "Softmax cross-entropy, SGD, batch 32 and 256, f32 and f64, one thread; PyTorch (same network and data, "
                + "one thread) when available.",
        "Data: synthetic, MNIST-shaped (pixels uniform in [0,1), labels 0..9), generated from --seed."})
final class BenchMlpCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print a JSON array of records {impl, precision, batch, samples_per_second}.")
    boolean json;

    @Option(names = "--samples", description = "Training rows per epoch (default: ${DEFAULT-VALUE}).", defaultValue = "16384")
    int samples;

    @Option(names = "--warmup", description = "Untimed epochs per configuration (default: ${DEFAULT-VALUE}).", defaultValue = "2")
    int warmup;

    @Option(names = "--warmup-seconds", description = "Minimum warm-up time per sigmoid4j configuration, for the JIT (default: ${DEFAULT-VALUE}).",
            defaultValue = "2")
    double warmupSeconds;

    @Option(names = "--repeats", description = "Timed epochs per configuration; the median is reported (default: ${DEFAULT-VALUE}).", defaultValue = "9")
    int repeats;

    @Option(names = "--small", description = "A quick smoke run (512 rows, 1 warm-up, 2 repeats): checks the output, not the speed.")
    boolean small;

    @Option(names = "--no-torch", description = "Skip PyTorch.")
    boolean noTorch;

    @Option(names = "--python", description = "Python with torch (default: ${DEFAULT-VALUE}).", defaultValue = "/usr/bin/python3")
    String python;

    @Option(names = "--torch-blas", description = "BLAS for PyTorch: system (whatever libblas.so.3 is) or reference "
            + "(Debian's reference BLAS in /usr/lib/x86_64-linux-gnu/blas) (default: ${DEFAULT-VALUE}).", defaultValue = "system")
    String torchBlas;

    @Option(names = "--clock", description = "wall (elapsed time) or cpu (the training thread's CPU time, steadier "
            + "when other processes share the cores; PyTorch then uses time.thread_time) (default: ${DEFAULT-VALUE}).",
            defaultValue = "wall")
    String clock;

    @Option(names = "--seed", description = "Seed of the synthetic data (default: ${DEFAULT-VALUE}).", defaultValue = "42")
    long seed;

    static final String REFERENCE_BLAS_DIR = "/usr/lib/x86_64-linux-gnu/blas";

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        if (small) {
            samples = 512;
            warmup = 1;
            warmupSeconds = 0;
            repeats = 2;
        }
        if (samples < 256 || warmup < 0 || repeats < 1 || !(warmupSeconds >= 0)) {
            err.println("error: need --samples >= 256, --warmup >= 0, --warmup-seconds >= 0 and --repeats >= 1");
            err.flush();
            return ExitCodes.USAGE;
        }
        String blas = torchBlas.toLowerCase(Locale.ROOT);
        if (!blas.equals("system") && !blas.equals("reference")) {
            err.println("error: --torch-blas must be system or reference, got '" + torchBlas + "'");
            err.flush();
            return ExitCodes.USAGE;
        }
        String clk = clock.toLowerCase(Locale.ROOT);
        if (!clk.equals("wall") && !clk.equals("cpu")) {
            err.println("error: --clock must be wall or cpu, got '" + clock + "'");
            err.flush();
            return ExitCodes.USAGE;
        }
        boolean cpuClock = clk.equals("cpu");
        float[] x = MlpBenchmark.syntheticPixels(samples, seed);
        int[] y = MlpBenchmark.syntheticLabels(samples, seed);
        if (!json) {
            out.printf("bench mlp: [784,100,10] sigmoid, softmax cross-entropy, SGD lr 0.1, one thread; %d synthetic rows;"
                    + " median of %d epochs after %d warm-up; %s clock%n", samples, repeats, warmup, clk);
            out.println("matrix products: " + Gemm.implementation()
                    + (Gemm.fallbackReason() == null ? "" : " (" + Gemm.fallbackReason() + ")"));
            out.flush();
        }
        List<Map<String, Object>> records = new ArrayList<>();
        for (MlpBenchmark.Result r : MlpBenchmark.runAll(x, y, samples, warmup, warmupSeconds, repeats, cpuClock)) {
            records.add(record("sigmoid4j", r.precision().id(), r.batch(), r.samplesPerSecond()));
        }
        String torchNote = null;
        if (!noTorch) {
            try {
                records.addAll(runTorch(x, y, blas, clk));
            } catch (TorchUnavailable e) {
                torchNote = e.getMessage();
            }
        }
        if (torchNote != null) {
            err.println("bench mlp: PyTorch not measured: " + torchNote);
            err.flush();
        }
        if (json) {
            out.println(Json.write(records));
        } else {
            printTable(out, records);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static Map<String, Object> record(String impl, String precision, int batch, double sps) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("impl", impl);
        m.put("precision", precision);
        m.put("batch", batch);
        m.put("samples_per_second", sps);
        return m;
    }

    private void printTable(PrintWriter out, List<Map<String, Object>> records) {
        out.printf("%-10s %-9s %5s %14s%n", "impl", "precision", "batch", "samples/s");
        for (Map<String, Object> r : records) {
            out.printf(Locale.ROOT, "%-10s %-9s %5d %14.0f%n", r.get("impl"), r.get("precision"),
                    ((Number) r.get("batch")).intValue(), ((Number) r.get("samples_per_second")).doubleValue());
        }
        for (Precision p : Precision.values()) {
            for (int b : new int[] {32, 256}) {
                Double mine = find(records, "sigmoid4j", p.id(), b), torch = find(records, "torch", p.id(), b);
                if (mine != null && torch != null) {
                    out.printf(Locale.ROOT, "ratio sigmoid4j/torch %s batch %d: %.2fx%n", p.id(), b, mine / torch);
                }
            }
        }
        if (torchBlasNote != null) out.println("torch BLAS: " + torchBlasNote);
    }

    private static Double find(List<Map<String, Object>> records, String impl, String precision, int batch) {
        for (Map<String, Object> r : records) {
            if (r.get("impl").equals(impl) && r.get("precision").equals(precision) && ((Number) r.get("batch")).intValue() == batch) {
                return ((Number) r.get("samples_per_second")).doubleValue();
            }
        }
        return null;
    }

    private String torchBlasNote;

    static final class TorchUnavailable extends Exception {
        TorchUnavailable(String message) {
            super(message);
        }
    }

    private List<Map<String, Object>> runTorch(float[] x, int[] y, String blas, String clk) throws TorchUnavailable {
        if (!BenchSupport.available(python)) {
            throw new TorchUnavailable(python + " not found");
        }
        try (BenchSupport.TempDir dir = BenchSupport.TempDir.create("sigmoid4j-bench-mlp")) {
            Path script = dir.resolve("bench_mlp_torch.py");
            try (InputStream in = BenchMlpCommand.class.getResourceAsStream("bench_mlp_torch.py")) {
                if (in == null) throw new TorchUnavailable("the PyTorch script is missing from the jar");
                Files.copy(in, script);
            }
            Path data = dir.resolve("data.bin");
            ByteBuffer buf = ByteBuffer.allocate(x.length * 4 + y.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (float v : x) buf.putFloat(v);
            for (int v : y) buf.putInt(v);
            Files.write(data, buf.array());
            ProcessBuilder pb = new ProcessBuilder(python, script.toString(), data.toString(),
                    Integer.toString(samples), Integer.toString(warmup), Integer.toString(repeats), clk);
            BenchSupport.oneThread(pb.environment());
            if (blas.equals("reference")) {
                if (!Files.isDirectory(Path.of(REFERENCE_BLAS_DIR))) {
                    throw new TorchUnavailable("--torch-blas reference, but " + REFERENCE_BLAS_DIR + " does not exist (apt-get install libblas3)");
                }
                String old = pb.environment().get("LD_LIBRARY_PATH");
                pb.environment().put("LD_LIBRARY_PATH", REFERENCE_BLAS_DIR + (old == null || old.isEmpty() ? "" : ":" + old));
            }
            List<Map<String, Object>> records = new ArrayList<>();
            BenchSupport.Outcome o = BenchSupport.run(pb, 30, TimeUnit.MINUTES, line -> {
                if (!line.startsWith("{")) return;
                Map<?, ?> m = (Map<?, ?>) Json.parse(line);
                records.add(record("torch", String.valueOf(m.get("precision")), ((Number) m.get("batch")).intValue(),
                        ((Number) m.get("samples_per_second")).doubleValue()));
                torchBlasNote = "torch " + m.get("torch") + ", " + m.get("blas");
            }, dir::child);
            if (o.timedOut()) {
                throw new TorchUnavailable("the PyTorch run did not finish");
            }
            if (!o.ok()) {
                if (o.missingModule("torch") || o.missingModule("numpy")) {
                    throw new TorchUnavailable(python + " has no torch (apt-get install python3-torch)");
                }
                throw new TorchUnavailable("the PyTorch run failed (exit " + o.exitCode() + "): " + BenchSupport.lastLine(o.stderr()));
            }
            return records;
        } catch (IOException e) {
            throw new TorchUnavailable("could not run " + python + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TorchUnavailable("interrupted");
        }
    }
}
