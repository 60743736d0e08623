package io.bilateral.enrich.engine;

import java.time.Instant;

/**
 * What the enrichment engine reads: plain data, no Avro, no Kafka. Offsets in the result refer to
 * {@link #text()}, i.e. {@code title + "\n\n" + body}.
 *
 * @param published     publication time, or null when unknown
 * @param source        outlet name, or null
 * @param sourceCountry alpha-3 code of the outlet's country (resolves "our country"), or null
 * @param language      BCP 47 tag of the text ("en", "ru", "zh-Hans"), or null for English
 */
public record ArticleInput(
        String id, String title, String body, Instant published, String source, String sourceCountry, String language) {

    /** An article in English (or of unknown language, read as English). */
    public ArticleInput(String id, String title, String body, Instant published, String source, String sourceCountry) {
        this(id, title, body, published, source, sourceCountry, null);
    }

    /** The text all offsets refer to. */
    public String text() {
        return title + "\n\n" + body;
    }
}
