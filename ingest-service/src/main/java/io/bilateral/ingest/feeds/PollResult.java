package io.bilateral.ingest.feeds;

/** What one poll of a feed did; {@code failed} polls are retried with back-off. */
public record PollResult(Status status, int published, int duplicates, int rejected, String problem) {

    public enum Status {
        NEW_ITEMS,
        UNCHANGED,
        FAILED
    }

    static PollResult failed(String problem) {
        return new PollResult(Status.FAILED, 0, 0, 0, problem);
    }

    static PollResult unchanged() {
        return new PollResult(Status.UNCHANGED, 0, 0, 0, null);
    }
}
