package io.bilateral.stack;

import java.nio.file.Path;

/** A part of the local stack did not come up; the message names it and points at its log file. */
public class NotReadyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path logFile;

    public NotReadyException(String message, Path logFile) {
        super(message);
        this.logFile = logFile;
    }

    /** The log of the process that did not come up. */
    public Path logFile() {
        return logFile;
    }
}
