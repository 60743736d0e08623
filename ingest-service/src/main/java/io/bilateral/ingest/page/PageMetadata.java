package io.bilateral.ingest.page;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * How a page's metadata is read, shared by the {@code .html} file reader and the linked-page extractor so that both
 * read a page the same way.
 */
public final class PageMetadata {

    private PageMetadata() {}

    /** The content of {@code <meta property=…>} or {@code <meta name=…>} (Open Graph uses the first), or null. */
    public static String meta(Document document, String property) {
        return attribute(
                document.selectFirst("meta[property=" + property + "], meta[name=" + property + "]"), "content");
    }

    /** The attribute {@code name} of {@code element}; null when there is no element. */
    public static String attribute(Element element, String name) {
        return element == null ? null : element.attr(name);
    }

    /** The first value that is not blank, stripped; null when none is. */
    public static String firstPresent(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }
}
