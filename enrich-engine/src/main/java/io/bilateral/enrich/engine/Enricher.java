package io.bilateral.enrich.engine;

/**
 * The enrichment engine's one entry point: thread-safe, built once (dictionaries are shared, never rebuilt per
 * article), pure (no I/O, no Kafka).
 */
public interface Enricher {
    Annotation annotate(ArticleInput article);
}
