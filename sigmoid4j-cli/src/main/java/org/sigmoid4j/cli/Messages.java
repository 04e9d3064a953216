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

    void info(String s) {
        if (!quiet) {
            err.println(s);
            err.flush();
        }
    }

    void detail(String s) {
        if (verbose && !quiet) {
            err.println(s);
            err.flush();
        }
    }

    void warn(String s) {
        if (!quiet) {
            err.println("warning: " + s);
            err.flush();
        }
    }

    Progress progress(String label, long total, String unit) {
        return new Progress(err, !quiet && Progress.stderrIsTerminal(), label, total, unit);
    }
}
