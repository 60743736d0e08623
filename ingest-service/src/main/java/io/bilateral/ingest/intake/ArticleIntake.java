package io.bilateral.ingest.intake;

import io.bilateral.ingest.article.Article;
import io.bilateral.ingest.article.ArticleDraft;
import io.bilateral.ingest.article.ArticleValidator;
import io.bilateral.ingest.article.InvalidArticleException;
import io.bilateral.ingest.publish.ArticlePublisher;
import io.bilateral.ingest.publish.PublishException;
import io.bilateral.language.LanguageDetection;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * The one path from a draft to the topic, shared by the HTTP API and the feeds: validate, detect the language unless
 * the source declared it, skip what was published
 * recently, publish and wait for the broker's acknowledgement, count. Only an acknowledged article is remembered as
 * published, so an article the broker lost is sent again when it comes again. Thread-safe.
 */
public final class ArticleIntake {

    private final ArticleValidator validator;
    private final ArticlePublisher publisher;
    private final RecentIds recent;
    private final IngestMetrics metrics;

    public ArticleIntake(
            ArticleValidator validator, ArticlePublisher publisher, RecentIds recent, IngestMetrics metrics) {
        this.validator = validator;
        this.publisher = publisher;
        this.recent = recent;
        this.metrics = metrics;
        LanguageDetection.warmUp(); // so that no request waits for the models
        metrics.countTextRemoved(validator.hygiene());
    }

    public IngestMetrics metrics() {
        return metrics;
    }

    /** Ingests one draft, waiting at most {@code timeout} for the broker. */
    public Outcome ingest(ArticleDraft draft, String origin, String channel, Duration timeout) {
        return ingestAll(Map.of(0, draft), origin, channel, timeout).get(0);
    }

    /**
     * Ingests several drafts at once: all valid new ones are sent before any acknowledgement is awaited, so a batch
     * costs about one broker round trip. {@code timeout} bounds the whole wait. Keys are the callers' item indexes;
     * the answer has an outcome for each, in the same order. An id seen twice in one call is a duplicate the second
     * time.
     */
    public Map<Integer, Outcome> ingestAll(
            Map<Integer, ArticleDraft> drafts, String origin, String channel, Duration timeout) {
        long start = System.nanoTime();
        Map<Integer, Outcome> outcomes = new LinkedHashMap<>();
        Map<Integer, Article> sending = new LinkedHashMap<>();
        Map<Integer, CompletableFuture<RecordMetadata>> acks = new LinkedHashMap<>();
        Set<String> inThisCall = new HashSet<>();
        drafts.forEach((index, draft) -> {
            Article article;
            try {
                article = validator.validate(draft, origin);
                if (article.language() == null) {
                    article = article.withLanguage(LanguageDetection.detect(article.title(), article.body()));
                }
            } catch (InvalidArticleException e) {
                metrics.rejected(e.field() == null ? "invalid_article" : "invalid_" + e.field());
                outcomes.put(index, new Outcome.Invalid(e.field(), e.getMessage()));
                return;
            }
            if (recent.contains(article.id()) || !inThisCall.add(article.id())) {
                metrics.duplicate();
                outcomes.put(index, new Outcome.Duplicate(article.id()));
                return;
            }
            metrics.accepted(channel);
            metrics.language(article.language());
            outcomes.put(index, null); // keeps the caller's order; filled in below
            sending.put(index, article);
            acks.put(index, publisher.send(article));
        });
        sending.forEach((index, article) -> {
            Duration left = timeout.minusNanos(System.nanoTime() - start);
            try {
                publisher.await(article.id(), acks.get(index), left.isNegative() ? Duration.ZERO : left, timeout);
                recent.add(article.id());
                metrics.published();
                outcomes.put(index, new Outcome.Accepted(article.id()));
            } catch (PublishException e) {
                metrics.notStored();
                outcomes.put(index, new Outcome.NotStored(article.id(), e.getMessage()));
            }
        });
        return outcomes;
    }
}
