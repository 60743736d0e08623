package io.bilateral.ingest.files;

/** A whole file was refused (too large, not UTF-8, unreadable); the message reads {@code <file>: <reason>}. */
public class UnreadableFileException extends Exception {

    private final String reason;

    public UnreadableFileException(String file, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
        this.reason = reason;
    }

    /** The reason without the file name. */
    public String reason() {
        return reason;
    }
}
