package org.sigmoid4j.model.io;

/**
 * A model file is missing, truncated, corrupt, of an unknown kind or of a newer format version.
 * The message is complete and meant for the user (it names the file); the command line prints it
 * and exits with code 4.
 */
public class ModelFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ModelFileException(String message) {
        super(message);
    }

    public ModelFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
