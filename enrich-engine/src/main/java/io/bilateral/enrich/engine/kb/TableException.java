package io.bilateral.enrich.engine.kb;

/**
 * A rule or dictionary table the engine cannot use, with where and why: {@code rules/event-cues.tsv:42: column 3:
 * Goldstein 12.5 is outside -10..10}. Thrown while the engine loads, so a bad edit stops the start, not an article.
 */
public final class TableException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public TableException(String message) {
        super(message);
    }

    public TableException(String message, Throwable cause) {
        super(message, cause);
    }
}
