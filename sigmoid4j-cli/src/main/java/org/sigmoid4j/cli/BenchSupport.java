package org.sigmoid4j.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * What the {@code bench} commands share to compare against a Python library: the child
 * interpreter (is it there, one-thread environment, run with a time limit while its stdout is
 * read line by line and its stderr collected), a temporary folder for the data files that is
 * deleted afterwards (also on Ctrl-C) and the median of repeated timings.
 */
final class BenchSupport {

    /** The interpreter the bench commands use unless told otherwise. */
    static final String PYTHON = "/usr/bin/python3";

    private BenchSupport() {}

    /** Whether {@code python} is an executable file. */
    static boolean available(String python) {
        return Files.isExecutable(Path.of(python));
    }

    /**
     * One thread for every BLAS / OpenMP pool of the child, and no machine-specific OpenBLAS
     * overrides (they would make the reference slower than it is elsewhere).
     */
    static void oneThread(Map<String, String> env) {
        for (String k : List.of("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS",
                "NUMEXPR_NUM_THREADS")) {
            env.put(k, "1");
        }
        env.remove("OPENBLAS_CORETYPE");
        env.remove("OPENBLAS_L2_SIZE");
    }

    /** How a child ended: its exit code ({@code -1} if it was killed at the time limit) and its stderr. */
    record Outcome(int exitCode, boolean timedOut, String stderr) {
        boolean ok() {
            return !timedOut && exitCode == 0;
        }

        /** Whether the child failed because {@code import module} did. */
        boolean missingModule(String module) {
            return stderr.contains("No module named '" + module + "'");
        }

        /** The last line of stderr (for a Python failure, the exception), or the exit code when stderr is empty. */
        String reason() {
            if (timedOut) return "did not finish in time";
            String e = lastLine(stderr);
            return e.isEmpty() ? "exit " + exitCode : e;
        }
    }

    /**
     * Runs the child with stdin closed, passing each stdout line to {@code lines} as it comes
     * and collecting stderr; kills it if it outlives {@code timeout}. {@code started} (may be
     * null) sees the process first, e.g. for a shutdown hook that kills it.
     */
    static Outcome run(ProcessBuilder pb, long timeout, TimeUnit unit, Consumer<String> lines, Consumer<Process> started)
            throws IOException, InterruptedException {
        pb.redirectErrorStream(false);
        Process proc = pb.start();
        try {
            if (started != null) started.accept(proc);
            proc.getOutputStream().close();
            StringBuilder errText = new StringBuilder();
            Thread errReader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(proc.getErrorStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        synchronized (errText) {
                            errText.append(line).append('\n');
                        }
                    }
                } catch (IOException ignored) {
                    // the process died; its exit code tells
                }
            }, "python-stderr");
            errReader.setDaemon(true);
            errReader.start();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(proc.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) lines.accept(line);
            }
            boolean finished = proc.waitFor(timeout, unit);
            if (!finished) proc.destroyForcibly();
            errReader.join(TimeUnit.SECONDS.toMillis(5));
            String err;
            synchronized (errText) {
                err = errText.toString();
            }
            return new Outcome(finished ? proc.exitValue() : -1, !finished, err);
        } finally {
            if (proc.isAlive()) proc.destroyForcibly();
        }
    }

    /** The last non-blank line of {@code s}, stripped ("" if none). */
    static String lastLine(String s) {
        String t = s.strip();
        int i = t.lastIndexOf('\n');
        return (i < 0 ? t : t.substring(i + 1)).strip();
    }

    /** The median (the mean of the two middle values for an even count). */
    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int k = s.length;
        return k % 2 == 1 ? s[k / 2] : 0.5 * (s[k / 2 - 1] + s[k / 2]);
    }

    static double median(List<Double> v) {
        return median(v.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /**
     * A temporary folder for a bench's data files, deleted with everything in it on
     * {@link #close()} and, should the JVM be stopped first (Ctrl-C), by a shutdown hook that
     * also kills the child process registered with {@link #child(Process)}.
     */
    static final class TempDir implements AutoCloseable {
        private final Path path;
        private final Thread hook;
        private volatile Process child;

        private TempDir(Path path) {
            this.path = path;
            this.hook = new Thread(this::delete, "delete " + path);
            Runtime.getRuntime().addShutdownHook(hook);
        }

        static TempDir create(String prefix) throws IOException {
            return new TempDir(Files.createTempDirectory(prefix));
        }

        Path path() {
            return path;
        }

        Path resolve(String name) {
            return path.resolve(name);
        }

        /** The child process to kill before deleting (null: none). */
        void child(Process p) {
            child = p;
        }

        private void delete() {
            Process p = child;
            if (p != null && p.isAlive()) p.destroyForcibly();
            try (Stream<Path> s = Files.walk(path)) {
                for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            } catch (IOException e) {
                // already gone, or not ours to delete: a temp folder left behind is harmless
            }
        }

        @Override
        public void close() {
            delete();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down; the hook runs (and finds nothing) anyway
            }
        }
    }
}
