package io.bilateral.ingest.feeds;

/**
 * One item of a feed as written there; any field may be null.
 *
 * @param key       what identifies the item within its feed across polls: guid / id, else link, else title
 * @param html      the item's text: RSS {@code content:encoded} or {@code description}, Atom {@code content} or
 *                  {@code summary}; may be HTML
 * @param published the date as written ({@code pubDate}, {@code published}, {@code updated}, {@code dc:date})
 */
public record FeedEntry(String key, String title, String link, String html, String published) {}
