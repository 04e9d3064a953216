package org.sigmoid4j.data;

/**
 * The data is wrong: a malformed CSV, a missing or non-numeric cell, missing columns, a target
 * with one class, ... The message is complete and meant for the user (it names the file, the line
 * and the column where there is one); the command line prints it and exits with code 3.
 */
public class DataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
