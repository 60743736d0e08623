package io.bilateral.ingest.feeds;

/**
 * One item of a feed as written there; any field may be null.
 *
 * @param key       what identifies the item within its feed across polls: guid / id, else link, else title
 * @param html      the item's text: RSS {@code content:encoded} or {@code description}, Atom {@code content} or
 *                  {@code summary}; may be HTML
 * @param published the date as written ({@code pubDate}, {@code published}, {@code updated}, {@code dc:date})
 * @param problem   why the item cannot be read (then only the key, if any, is set); null for a readable item
 */
public record FeedEntry(String key, String title, String link, String html, String published, Problem problem) {

    /**
     * Why one item was refused while the feed's other items go on.
     *
     * @param reason  a metric label: {@code too_large}, {@code malformed}, {@code undeclared_entity},
     *                {@code too_many_items}
     * @param message what was wrong, for the log
     */
    public record Problem(String reason, String message) {}

    /** A readable item. */
    public FeedEntry(String key, String title, String link, String html, String published) {
        this(key, title, link, html, published, null);
    }

    /** An item refused for {@code problem}; {@code key} (may be null) keeps it from being reported at every poll. */
    static FeedEntry rejected(String key, Problem problem) {
        return new FeedEntry(key, null, null, null, null, problem);
    }
}
