package io.bilateral.registry;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * A registry call failed; the message names the call, the subject or id, and the registry's answer. When the registry
 * answered, {@link #httpStatus()} and {@link #errorCode()} carry its HTTP status and Confluent error code (e.g. 404 and
 * 40403 for an unknown schema id), so callers can tell "no such schema" from "registry unreachable".
 */
public class SchemaRegistryException extends RuntimeException {

    /** {@link #httpStatus()} and {@link #errorCode()} when there was no answer (network error, timeout). */
    public static final int NONE = 0;

    private static final int MAX_CAUSES = 32;

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

    /**
     * Whether asking again later may succeed: no answer (connection refused or reset, a timeout), a 5xx (Apicurio on
     * H2 answers 500 to a lost unique-key race or a table lock timeout), 408 or 429. Any other answer (400, 401, 409
     * "incompatible", 422, an unparsable body) would come back the same, so retrying only hides it.
     */
    public boolean isTransient() {
        if (httpStatus == NONE) {
            return getCause() instanceof IOException || getCause() instanceof TimeoutException;
        }
        return httpStatus >= 500 || httpStatus == 408 || httpStatus == 429;
    }

    /** The first registry error in the cause chain of {@code error} (serializers and Kafka wrap it), if any. */
    public static Optional<SchemaRegistryException> findIn(Throwable error) {
        Throwable t = error;
        for (int depth = 0; t != null && depth < MAX_CAUSES; depth++, t = t.getCause()) {
            if (t instanceof SchemaRegistryException registryError) {
                return Optional.of(registryError);
            }
        }
        return Optional.empty();
    }
}
