package io.bilateral.registry;

/**
 * A registry call failed; the message names the call, the subject or id, and the registry's answer. When the registry
 * answered, {@link #httpStatus()} and {@link #errorCode()} carry its HTTP status and Confluent error code (e.g. 404 and
 * 40403 for an unknown schema id), so callers can tell "no such schema" from "registry unreachable".
 */
public class SchemaRegistryException extends RuntimeException {

    /** {@link #httpStatus()} and {@link #errorCode()} when there was no answer (network error, timeout). */
    public static final int NONE = 0;

    private final int httpStatus;
    private final int errorCode;

    public SchemaRegistryException(String message) {
        this(message, NONE, NONE, null);
    }

    public SchemaRegistryException(String message, Throwable cause) {
        this(message, NONE, NONE, cause);
    }

    public SchemaRegistryException(String message, int httpStatus, int errorCode) {
        this(message, httpStatus, errorCode, null);
    }

    private SchemaRegistryException(String message, int httpStatus, int errorCode, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    /** The registry's HTTP status, or {@link #NONE} when it did not answer. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The Confluent error code from the registry's error body, or {@link #NONE}. */
    public int errorCode() {
        return errorCode;
    }

    /** Whether the registry answered that the subject, version or schema id does not exist. */
    public boolean isNotFound() {
        return httpStatus == 404;
    }
}
