package io.bilateral.ingest.intake;

/** What became of one article handed to {@link ArticleIntake}. */
public sealed interface Outcome {

    /** The broker acknowledged it (acks=all): it is stored. */
    record Accepted(String id) implements Outcome {}

    /** Published recently already: nothing was sent. */
    record Duplicate(String id) implements Outcome {}

    /** Refused by validation; {@code field} is null when no single field is at fault. */
    record Invalid(String field, String message) implements Outcome {}

    /** Valid, but the broker did not acknowledge it: not stored, the sender should retry. */
    record NotStored(String id, String message) implements Outcome {}
}
