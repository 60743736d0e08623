package io.bilateral.ingest.article;

import java.time.Instant;
import java.util.Objects;

/**
 * A validated article, ready to publish: the id is set, text fields are trimmed, the url is canonical, the country is
 * an upper-case ISO 3166-1 alpha-3 code. Optional fields are null when unknown. Plain Java on purpose: the Avro
 * {@code RawArticle} is built only at the Kafka edge ({@code publish} package).
 *
 * @param origin how the article arrived: {@code http}, {@code file:<name>} or {@code feed:<name>}
 * @param language BCP 47 tag of the text: as the source declared it, else detected at intake; null before
 */
public record Article(
        String id,
        String title,
        String body,
        String url,
        String source,
        String sourceCountry,
        Instant published,
        String origin,
        String language) {

    /** An article whose language is not known yet. */
    public Article(
            String id,
            String title,
            String body,
            String url,
            String source,
            String sourceCountry,
            Instant published,
            String origin) {
        this(id, title, body, url, source, sourceCountry, published, origin, null);
    }

    /** The same article in {@code newLanguage} (a BCP 47 tag). */
    public Article withLanguage(String newLanguage) {
        return new Article(id, title, body, url, source, sourceCountry, published, origin, newLanguage);
    }

    public Article {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(origin, "origin");
    }
}
