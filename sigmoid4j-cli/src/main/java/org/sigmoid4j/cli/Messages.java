package org.sigmoid4j.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Option;

/**
 * {@code --quiet} / {@code --verbose}, mixed into every command. Chatter goes to stderr; data to
 * stdout or {@code --out}.
 */
final class Messages {
    @Option(names = {"-q", "--quiet"}, description = "Print only errors (and the data).")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Print more detail (ignored columns, timings, configuration).")
    boolean verbose;

    PrintWriter err;

    /** The progress bar being drawn, erased before any message so that lines do not mix. */
    private Progress active;

    private void clearBar() {
        if (active != null) {
            active.clear();
        }
    }

    void info(String s) {
        clearBar();
        if (!quiet) {
            err.println(s);
            err.flush();
        }
    }

    void detail(String s) {
        if (verbose && !quiet) {
            clearBar();
            err.println(s);
            err.flush();
        }
    }

    void warn(String s) {
        if (!quiet) {
            clearBar();
            err.println("warning: " + s);
            err.flush();
        }
    }

    /** A progress bar on stderr (drawn only when it is a terminal and not --quiet); close it when done. */
    Progress progress(String label, long total, String unit) {
        Progress p = new Progress(err, !quiet && Progress.stderrIsTerminal(), label, total, unit);
        active = p;
        return p.onClose(() -> active = null);
    }
}
