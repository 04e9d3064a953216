package org.sigmoid4j.cli;

/** The process exit codes, documented in {@code --help} and the README. */
public final class ExitCodes {
    public static final int OK = 0;
    /** Anything not covered below (an internal error, an unavailable feature). */
    public static final int ERROR = 1;
    /** The command line is wrong: unknown option, missing value, value out of range. */
    public static final int USAGE = 2;
    /** The data is wrong: malformed CSV, missing or non-numeric cells, wrong columns, one class. */
    public static final int DATA = 3;
    /** The model file is missing, truncated, corrupt, of the wrong kind or of a newer version. */
    public static final int MODEL = 4;

    private ExitCodes() {}

    public static final String HELP_TEXT = """
            Exit codes:
              0  success
              1  other error
              2  usage error (unknown option, bad option value)
              3  bad data (malformed CSV, bad cell, wrong columns, one class)
              4  bad model file (missing, truncated, corrupt, wrong kind, newer format)""";
}
