package org.sigmoid4j.cli;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.sigmoid4j.data.CsvReader;
import org.sigmoid4j.data.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sigmoid4j bench csv}: loads the same generated numeric CSV with sigmoid4j's reader and
 * with {@code pandas.read_csv} (a child {@code /usr/bin/python3}), alternately, and prints the
 * medians and their ratio. The file (standard normal doubles in shortest round-trip form, seeded)
 * is written to a temporary folder and deleted afterwards.
 */
@Command(name = "csv", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Time loading a generated numeric CSV into one double[] beside pandas.read_csv.",
                "The file (default 1,000,000 x 100, about 2 GB) is read by sigmoid4j and, when /usr/bin/python3 has "
                + "pandas, by pandas.read_csv. Prints the median times and the ratio pandas/sigmoid4j, for pandas' default (fast, not correctly rounded) "
                + "and exact (float_precision='round_trip') parsers; also checks which read the same doubles as sigmoid4j "
                + "(which equal Double.parseDouble of the text)."},
        footer = {"", "Example (a quick smoke run): sigmoid4j bench csv --rows 1000 --json"})
final class CsvBenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    Messages msg;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "1000000", description = "Rows (default: ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--cols", paramLabel = "N", defaultValue = "100", description = "Columns (default: ${DEFAULT-VALUE}).")
    int cols;

    @Option(names = "--repeats", paramLabel = "N", defaultValue = "3",
            description = "Timed loads per tool, alternating sigmoid4j and pandas (a fresh python each time, startup "
                    + "not timed); the median is reported (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed of the generated values (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--python", paramLabel = "PATH", defaultValue = "/usr/bin/python3",
            description = "The Python with pandas (default: ${DEFAULT-VALUE}).")
    String python;

    @Option(names = "--round-trip",
            description = "Also time pandas' exact parser, read_csv(float_precision='round_trip') (slow: about 7x the default).")
    boolean roundTrip;

    @Option(names = "--json", description = "Print one JSON object: rows, cols, bytes, repeats, sigmoid4j_seconds, "
            + "pandas_seconds, ratio (pandas/sigmoid4j), pandas_round_trip_seconds, ratio_round_trip, pandas_version, "
            + "pandas_values_agree, pandas_round_trip_values_agree, and the single runs.")
    boolean json;

    /**
     * pandas' default float parser is fast but not correctly rounded (on 17-digit values about a
     * third come out one ulp off); {@code float_precision='round_trip'} is exact. Both are timed.
     */
    static final String PANDAS = """
            import json, sys, time
            import pandas as pd
            path, modes = sys.argv[1], sys.argv[2:]
            rows = {}
            for _ in range(1):
                for mode in modes:
                    df = None
                    t = time.perf_counter()
                    df = pd.read_csv(path) if mode == "default" else pd.read_csv(path, float_precision="round_trip")
                    s = time.perf_counter() - t
                    print(json.dumps({"mode": mode, "seconds": s}), flush=True)
                    a = df.to_numpy()
                    rows[mode] = (a[0].tolist(), a[-1].tolist(), list(a.shape))
                    df = a = None
            print(json.dumps({"done": True, "version": pd.__version__, "rows": rows}), flush=True)
            """;

    @Override
    public Integer call() throws Exception {
        msg.err = spec.commandLine().getErr();
        if (rows < 1 || cols < 1 || repeats < 1) {
            throw new UsageException("--rows, --cols and --repeats must be at least 1");
        }
        // deleted also on Ctrl-C: the 2 GB file must not stay behind
        try (BenchSupport.TempDir tmp = BenchSupport.TempDir.create("sigmoid4j-bench-csv")) {
            Path file = tmp.resolve("bench.csv");
            generate(file);
            long bytes = Files.size(file);
            msg.info(String.format(Locale.ROOT, "generated %s: %d x %d, %.1f MB", file, rows, cols, bytes / 1e6));
            // alternate the tools, so that a change in machine load hits both alike
            List<Double> ours = new ArrayList<>();
            double[] first = null;
            double[] end = null;
            Pandas pandas = null;
            boolean pandasOk = true;
            for (int r = 0; r < repeats; r++) {
                System.gc();
                long t0 = System.nanoTime();
                Table t = CsvReader.read(file, CsvReader.Columns.allNumeric(), CsvReader.Options.defaults());
                ours.add((System.nanoTime() - t0) / 1e9);
                msg.info(String.format(Locale.ROOT, "sigmoid4j run %d: %.3f s", r + 1, ours.get(r)));
                if (t.rows() != rows || t.cols() != cols) {
                    throw new IllegalStateException("read " + t.rows() + " x " + t.cols() + ", wrote " + rows + " x " + cols);
                }
                first = Arrays.copyOfRange(t.data(), 0, cols);
                end = Arrays.copyOfRange(t.data(), (rows - 1) * cols, rows * cols);
                t = null;
                System.gc();
                if (pandasOk) {
                    Pandas one = runPandas(file, tmp);
                    pandasOk = one != null;
                    pandas = one == null ? null : pandas == null ? one : pandas.plus(one);
                }
            }

            Map<String, Object> result = new LinkedHashMap<>();
            result.put("rows", rows);
            result.put("cols", cols);
            result.put("bytes", bytes);
            result.put("repeats", repeats);
            double med = BenchSupport.median(ours);
            result.put("sigmoid4j_seconds", med);
            Double pd = pandas == null ? null : BenchSupport.median(pandas.times.get("default"));
            Double pdExact = pandas == null || !roundTrip ? null : BenchSupport.median(pandas.times.get("round_trip"));
            result.put("pandas_seconds", pd);
            result.put("ratio", pandas == null ? null : pd / med);
            result.put("pandas_round_trip_seconds", pdExact);
            result.put("ratio_round_trip", pdExact == null ? null : pdExact / med);
            result.put("pandas_version", pandas == null ? null : pandas.version);
            result.put("pandas_values_agree", pandas == null ? null : agree(pandas, "default", first, end));
            result.put("pandas_round_trip_values_agree", pdExact == null ? null : agree(pandas, "round_trip", first, end));
            result.put("sigmoid4j_runs", ours);
            result.put("pandas_runs", pandas == null ? null : pandas.times.get("default"));
            result.put("pandas_round_trip_runs", pandas == null ? null : pandas.times.get("round_trip"));
            PrintWriter o = spec.commandLine().getOut();
            if (json) {
                o.println(JSON.std.asString(result));
            } else {
                o.printf(Locale.ROOT, "CSV load, %d x %d (%.1f MB), median of %d:%n", rows, cols, bytes / 1e6, repeats);
                o.printf(Locale.ROOT, "  sigmoid4j        %8.3f s  (%.0f MB/s)%n", med, bytes / 1e6 / med);
                if (pandas != null) {
                    o.printf(Locale.ROOT, "  pandas %-9s %8.3f s  (%.0f MB/s)  read_csv(path): %.2fx sigmoid4j's time%n",
                            pandas.version, pd, bytes / 1e6 / pd, pd / med);
                    if (pdExact != null) {
                        o.printf(Locale.ROOT, "  pandas exact     %8.3f s  (%.0f MB/s)  read_csv(path, float_precision='round_trip'): %.2fx%n",
                                pdExact, bytes / 1e6 / pdExact, pdExact / med);
                    }
                    o.println("  same doubles as sigmoid4j, i.e. as Double.parseDouble (first and last row, bit for bit): pandas default "
                            + result.get("pandas_values_agree")
                            + (pdExact != null ? ", pandas round_trip " + result.get("pandas_round_trip_values_agree") : ""));
                } else {
                    o.println("  pandas           not available (" + python + " with pandas not found)");
                }
            }
            o.flush();
            return ExitCodes.OK;
        }
    }

    private void generate(Path file) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 20);
             Progress p = msg.progress("generating", rows, "rows")) {
            StringBuilder line = new StringBuilder(cols * 24);
            for (int j = 0; j < cols; j++) {
                line.append(j == 0 ? "" : ",").append('x').append(j);
            }
            w.append(line).append('\n');
            for (int i = 0; i < rows; i++) {
                line.setLength(0);
                for (int j = 0; j < cols; j++) {
                    if (j > 0) {
                        line.append(',');
                    }
                    line.append(rnd.nextGaussian());
                }
                w.append(line).append('\n');
                if ((i & 1023) == 0) {
                    p.update(i);
                }
            }
        }
    }

    /** Times and the first and last rows read, per mode ("default", "round_trip"). */
    private record Pandas(Map<String, List<Double>> times, String version, Map<String, double[][]> rows) {
        Pandas plus(Pandas o) {
            Map<String, List<Double>> t = new LinkedHashMap<>();
            for (var e : times.entrySet()) {
                List<Double> all = new ArrayList<>(e.getValue());
                all.addAll(o.times.getOrDefault(e.getKey(), List.of()));
                t.put(e.getKey(), all);
            }
            return new Pandas(t, version, o.rows);
        }
    }

    private Pandas runPandas(Path file, BenchSupport.TempDir tmp) throws IOException, InterruptedException {
        if (!BenchSupport.available(python)) {
            msg.warn(python + " not found: pandas is not measured");
            return null;
        }
        Path script = file.resolveSibling("read.py");
        if (!Files.exists(script)) {
            Files.writeString(script, PANDAS);
        }
        List<String> cmd = new ArrayList<>(List.of(python, script.toString(), file.toString(), "default"));
        if (roundTrip) {
            cmd.add("round_trip");
        }
        Map<String, List<Double>> times = new LinkedHashMap<>();
        AtomicReference<Map<String, Object>> done = new AtomicReference<>();
        BenchSupport.Outcome o;
        try {
            o = BenchSupport.run(new ProcessBuilder(cmd), 10, TimeUnit.MINUTES, line -> {
                Map<String, Object> m;
                try {
                    m = JSON.std.mapFrom(line);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (m.containsKey("seconds")) {
                    List<Double> t = times.computeIfAbsent((String) m.get("mode"), k -> new ArrayList<>());
                    t.add(((Number) m.get("seconds")).doubleValue());
                    msg.info(String.format(Locale.ROOT, "pandas (%s): %.3f s", m.get("mode"), t.getLast()));
                } else {
                    done.set(m);
                }
            }, tmp::child);
        } catch (UncheckedIOException e) {
            throw e.getCause(); // a line that is not JSON
        }
        tmp.child(null);
        if (!o.ok() || done.get() == null) {
            String why = o.missingModule("pandas") ? "pandas is not installed for " + python
                    : "the pandas run failed: " + o.stderr().strip();
            msg.warn(why + " (apt-get install python3-pandas)");
            return null;
        }
        Map<String, double[][]> rowsRead = new LinkedHashMap<>();
        for (var e : ((Map<?, ?>) done.get().get("rows")).entrySet()) {
            List<?> v = (List<?>) e.getValue();
            rowsRead.put((String) e.getKey(), new double[][] {doubles(v.get(0)), doubles(v.get(1))});
        }
        return new Pandas(times, (String) done.get().get("version"), rowsRead);
    }

    private static boolean agree(Pandas p, String mode, double[] first, double[] last) {
        double[][] r = p.rows.get(mode);
        return Arrays.equals(first, r[0]) && Arrays.equals(last, r[1]);
    }

    private static double[] doubles(Object list) {
        return ((List<?>) list).stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
    }
}
