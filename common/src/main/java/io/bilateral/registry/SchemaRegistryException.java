package io.bilateral.registry;

/** A registry call failed; the message names the call, the subject or id, and the registry's answer. */
public class SchemaRegistryException extends RuntimeException {
    public SchemaRegistryException(String message) {
        super(message);
    }

    public SchemaRegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}
