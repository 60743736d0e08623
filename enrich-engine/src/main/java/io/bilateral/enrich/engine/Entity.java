package io.bilateral.enrich.engine;

/**
 * One tagged span of {@link ArticleInput#text()}.
 *
 * @param type    the kind of name the span is
 * @param start   inclusive offset
 * @param end     exclusive offset
 * @param country alpha-3 code the entity is attributed to, or null
 * @param actorId dictionary id of the matched entry, or null
 * @param role    role of a person or organisation, or null
 */
public record Entity(String text, EntityType type, int start, int end, String country, String actorId, String role) {}
