package org.sigmoid4j.cli;

import java.io.PrintWriter;
import org.sigmoid4j.data.DataException;
import org.sigmoid4j.model.io.ModelFileException;
import picocli.CommandLine;

/**
 * The one place that maps exceptions to exit codes and messages: bad options → 2, bad data → 3,
 * bad model file → 4, anything else → 1. Messages go to stderr, one line, no stack trace (set
 * {@code SIGMOID4J_DEBUG=1} to get one for an unexpected error).
 */
final class Failures {
    private Failures() {}

    static int handle(Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
        PrintWriter err = cl.getErr();
        String cmd = cl.getCommandSpec().qualifiedName();
        int code;
        switch (ex) {
            case UsageException u -> {
                err.println("error: " + u.getMessage());
                err.println("Try '" + cmd + " --help'.");
                code = ExitCodes.USAGE;
            }
            case CommandLine.ParameterException p -> {
                err.println("error: " + p.getMessage());
                err.println("Try '" + cmd + " --help'.");
                code = ExitCodes.USAGE;
            }
            case DataException d -> {
                err.println("error: " + d.getMessage());
                code = ExitCodes.DATA;
            }
            case ModelFileException m -> {
                err.println("error: " + m.getMessage());
                code = ExitCodes.MODEL;
            }
            case UnavailableException u -> {
                err.println(cmd + ": " + u.getMessage());
                code = ExitCodes.ERROR;
            }
            case java.nio.file.NoSuchFileException n -> {
                err.println("error: " + n.getFile() + ": no such file or directory");
                code = ExitCodes.ERROR;
            }
            case java.nio.file.AccessDeniedException a -> {
                err.println("error: " + a.getFile() + ": permission denied");
                code = ExitCodes.ERROR;
            }
            default -> {
                err.println("error: " + cmd + " failed: " + ex);
                if (System.getenv("SIGMOID4J_DEBUG") != null) {
                    ex.printStackTrace(err);
                } else {
                    err.println("(an internal error: please report it; SIGMOID4J_DEBUG=1 prints the stack trace)");
                }
                code = ExitCodes.ERROR;
            }
        }
        err.flush();
        return code;
    }
}
