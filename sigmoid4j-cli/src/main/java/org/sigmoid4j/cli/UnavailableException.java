package org.sigmoid4j.cli;

/** A feature this build does not have yet: exit code 1 with a plain message, nothing fake. */
final class UnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnavailableException(String message) {
        super(message);
    }
}
