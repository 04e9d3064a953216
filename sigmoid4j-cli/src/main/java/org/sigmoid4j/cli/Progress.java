package org.sigmoid4j.cli;

import java.io.PrintWriter;

/**
 * A one-line progress bar with an estimate of the time left, drawn on stderr with carriage
 * returns, at most ten times a second. It draws only when stderr is a terminal (the launcher
 * passes {@code -Dsigmoid4j.stderr.tty=true|false} from {@code [ -t 2 ]}; without it we ask
 * {@code System.console()}) and {@code --quiet} is off; otherwise every call is a no-op. Written
 * here in 60 lines because the well-kept library for this (me.tongfei:progressbar) pulls in JLine.
 */
final class Progress implements AutoCloseable {
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final boolean on;
    private final String label;
    private final long total;
    private final String unit;
    private final long start = System.nanoTime();
    private long lastDraw;
    private boolean drawn;

    Progress(PrintWriter err, boolean enabled, String label, long total, String unit) {
        this.err = err;
        this.on = enabled && total > 0;
        this.label = label;
        this.total = total;
        this.unit = unit;
    }

    /** Whether stderr is an interactive terminal. */
    static boolean stderrIsTerminal() {
        String p = System.getProperty("sigmoid4j.stderr.tty");
        if (p != null) {
            return Boolean.parseBoolean(p);
        }
        var c = System.console();
        return c != null && c.isTerminal();
    }

    void update(long done) {
        if (!on) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastDraw < 100_000_000L && done < total) {
            return;
        }
        lastDraw = now;
        double f = Math.min(1.0, (double) done / total);
        int bars = (int) Math.round(f * WIDTH);
        double elapsed = (now - start) / 1e9;
        String eta = f > 0.01 && f < 1 ? " ETA " + time(elapsed / f - elapsed) : f >= 1 ? " " + time(elapsed) : "";
        err.print("\r" + label + " [" + "#".repeat(bars) + " ".repeat(WIDTH - bars) + "] "
                + String.format(java.util.Locale.ROOT, "%3d%%", (int) (f * 100)) + " " + amount(done) + "/" + amount(total)
                + eta + "   ");
        err.flush();
        drawn = true;
    }

    private String amount(long v) {
        return "B".equals(unit) ? String.format(java.util.Locale.ROOT, "%.1f MB", v / 1e6) : v + " " + unit;
    }

    private static String time(double s) {
        return s < 60 ? String.format(java.util.Locale.ROOT, "%.0fs", s)
                : String.format(java.util.Locale.ROOT, "%dm%02ds", (long) s / 60, (long) s % 60);
    }

    /** Erases the bar (so that a message can be printed); the next update draws it again. */
    void clear() {
        if (drawn) {
            err.print("\r" + " ".repeat(label.length() + WIDTH + 40) + "\r");
            err.flush();
            drawn = false;
            lastDraw = 0;
        }
    }

    private Runnable onClose = () -> {};

    Progress onClose(Runnable r) {
        onClose = r;
        return this;
    }

    @Override
    public void close() {
        clear();
        onClose.run();
    }
}
