package org.sigmoid4j.cli;

/** A bad option value found after parsing (e.g. a negative --C): exit code 2, message names the option. */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
