package io.bilateral.topics;

/** Topic names: part of the public contract (DESIGN.md), so they live in one place. */
public final class TopicNames {
    public static final String RAW_ARTICLES = "news.articles.raw";
    public static final String ENRICHED_ARTICLES = "news.articles.enriched";
    public static final String RELATION_EVENTS = "relations.events";
    public static final String RELATION_PAIRS = "relations.pairs";
    public static final String REFERENCE_ACTORS = "reference.actors";
    public static final String DLQ = "news.dlq";

    private TopicNames() {}
}
