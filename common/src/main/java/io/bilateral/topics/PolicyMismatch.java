package io.bilateral.topics;

/**
 * A topic whose {@code cleanup.policy} differs from the contract; {@code actual} is null when the topic does not exist.
 */
public record PolicyMismatch(String topic, String expected, String actual) {

    /** One line for logs and operator output. */
    public String describe() {
        return actual == null
                ? "topic " + topic + " is missing (expected cleanup.policy=" + expected + ")"
                : "topic " + topic + " has cleanup.policy=" + actual + ", expected " + expected;
    }
}
