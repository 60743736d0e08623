package io.bilateral.ingest.page;

import static io.bilateral.ingest.page.PageMetadata.attribute;
import static io.bilateral.ingest.page.PageMetadata.firstPresent;
import static io.bilateral.ingest.page.PageMetadata.meta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bilateral.ingest.article.InvalidArticleException;
import io.bilateral.ingest.article.PublishedDates;
import io.bilateral.ingest.files.HtmlText;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The main text and publication date of a news page. Drops what is never the story — scripts, styles, navigation,
 * page header and footer, forms, and the blocks news sites put around it (related links, teasers, share bars,
 * newsletter boxes, comments) — then takes the longest {@code <article>}, else {@code <main>}, else the body. The date
 * comes from {@code article:published_time}, JSON-LD {@code datePublished} or a {@code <time datetime>}, the first one
 * that parses. Scripts are removed before any text is taken, so script content never reaches the article. Thread-safe.
 */
public final class ArticlePageExtractor {

    private static final String NOT_ARTICLE_TEXT = String.join(
            ", ",
            "script",
            "style",
            "noscript",
            "template",
            "nav",
            "header",
            "footer",
            "aside",
            "form",
            "iframe",
            "svg",
            "button",
            "object",
            "embed",
            "canvas",
            "video",
            "audio",
            "figure figcaption",
            "[role=navigation]",
            "[role=banner]",
            "[role=contentinfo]",
            "[role=complementary]",
            "[hidden]",
            "[aria-hidden=true]");
    /** Class or id words of the boxes around a story; matched as whole words of the attribute. */
    private static final String BOILERPLATE_WORDS = "(?i)(^|[\\s_-])(related|teasers?|promo|newsletter|share|sharing|"
            + "social|comments?|breadcrumbs?|recommended|more-stories|read-more|readmore|advert|ads|sponsored|"
            + "subscribe|cookie|popular|trending|tags)([\\s_-]|$)";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** JSON-LD blocks larger than this are not parsed: real ones are a few KB. */
    private static final int MAX_JSON_LD_CHARS = 256 * 1024;

    /** Extracts the article from {@code html}; {@code charset} may be null (detected from the page, else UTF-8). */
    public ArticlePage extract(byte[] html, String charset, URI base) {
        Document document;
        try {
            document = Jsoup.parse(new ByteArrayInputStream(html), charset, base.toString());
        } catch (IOException e) {
            // reading a byte array never fails; an unknown charset is reported as an IOException subclass
            throw new UncheckedIOException("cannot decode the page " + base + ": " + e.getMessage(), e);
        }
        return extract(document);
    }

    /** Extracts the article from a parsed page. Modifies {@code document}. */
    public ArticlePage extract(Document document) {
        String title = firstPresent(
                meta(document, "og:title"),
                document.title(),
                Optional.ofNullable(document.selectFirst("h1"))
                        .map(Element::text)
                        .orElse(null));
        Optional<Instant> published = published(document);
        document.select(NOT_ARTICLE_TEXT).remove();
        document.select("[class~=" + BOILERPLATE_WORDS + "], [id~=" + BOILERPLATE_WORDS + "]")
                .remove();
        return new ArticlePage(title == null ? "" : title, HtmlText.of(mainElement(document)), published);
    }

    private static Element mainElement(Document document) {
        // Pages often hold several <article>s (teasers of related stories); the story itself is the longest.
        return document.select("article").stream()
                .max(Comparator.comparingInt(article -> article.text().length()))
                .or(() -> Optional.ofNullable(document.selectFirst("main")))
                .orElse(document.body());
    }

    /** Read before scripts are removed: JSON-LD lives in a script element. */
    private static Optional<Instant> published(Document document) {
        List<String> candidates = new ArrayList<>();
        candidates.add(meta(document, "article:published_time"));
        candidates.add(attribute(document.selectFirst("meta[itemprop=datePublished]"), "content"));
        for (Element script : document.select("script[type=application/ld+json]")) {
            candidates.addAll(jsonLdDates(script.data()));
        }
        candidates.add(attribute(document.selectFirst("article time[datetime], time[pubdate][datetime]"), "datetime"));
        candidates.add(attribute(document.selectFirst("time[datetime]"), "datetime"));
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                try {
                    return Optional.of(PublishedDates.parse(candidate));
                } catch (InvalidArticleException e) {
                    // a malformed date in the metadata is not the article's fault: try the next source
                }
            }
        }
        return Optional.empty();
    }

    private static List<String> jsonLdDates(String json) {
        List<String> dates = new ArrayList<>();
        if (json.length() > MAX_JSON_LD_CHARS) {
            return dates;
        }
        try {
            collectDates(JSON.readTree(json), dates, 0);
        } catch (IOException e) {
            // broken JSON-LD is common and harmless: the page has other date sources
        }
        return dates;
    }

    private static void collectDates(JsonNode node, List<String> dates, int depth) {
        if (node == null || depth > 10) {
            return;
        }
        if (node.isObject()) {
            JsonNode date = node.get("datePublished");
            if (date != null && date.isTextual()) {
                dates.add(date.textValue());
            }
            node.forEach(child -> collectDates(child, dates, depth + 1));
        } else if (node.isArray()) {
            node.forEach(child -> collectDates(child, dates, depth + 1));
        }
    }
}
