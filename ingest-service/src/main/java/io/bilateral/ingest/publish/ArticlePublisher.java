package io.bilateral.ingest.publish;

import io.bilateral.config.Settings;
import io.bilateral.ingest.article.Article;
import io.bilateral.schemas.RawArticle;
import io.bilateral.topics.Topic;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes articles to {@code news.articles.raw}, keyed by article id so every copy of an article lands in the same
 * partition. The producer is idempotent with {@code acks=all}: an acknowledged article is on every in-sync replica and
 * retries never reorder or duplicate it within a session. Thread-safe, like the producer it wraps.
 */
public final class ArticlePublisher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ArticlePublisher.class);

    /** Settings key of the broker list; any other {@code kafka.*} setting passes through to the producer too. */
    public static final String BOOTSTRAP_SERVERS_KEY = "kafka.bootstrap.servers";

    /** How long a send waits for another's schema registration: the registry client's request timeout. */
    private static final Duration REGISTRATION_WAIT = Duration.ofSeconds(10);

    private final Producer<String, RawArticle> producer;
    private final String topic;
    private final Clock clock;
    /**
     * Held by the one send that registers the value schema: until one succeeds, sends go one at a time. Serializing
     * registers the schema on the first send, so without it every request of a burst posts the same schema to the
     * registry at once; under the load test that herd kept a starved registry past its 10 s timeout for every one
     * of them, and the API answered nothing but 503.
     */
    private final ReentrantLock registration = new ReentrantLock();

    private volatile boolean schemaRegistered;

    /** Publishes through {@code producer} (a {@code KafkaProducer}, or Kafka's {@code MockProducer} in unit tests). */
    public ArticlePublisher(Producer<String, RawArticle> producer, String topic, Clock clock) {
        this.producer = producer;
        this.topic = topic;
        this.clock = clock;
    }

    /** A publisher with its own {@link KafkaProducer}, configured by {@link #producerConfig(Settings)}. */
    public static ArticlePublisher create(Settings settings, Topic<String, RawArticle> topic) {
        KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(
                producerConfig(settings),
                topic.keySerde().serializer(),
                topic.valueSerde().serializer());
        return new ArticlePublisher(producer, topic.name(), Clock.systemUTC());
    }

    /**
     * The producer configuration: every {@code kafka.*} setting, then defaults for what was not set (timeouts short
     * enough that a dead broker is reported within seconds, not the client's default two minutes), then the delivery
     * guarantees a 202 promises, which settings cannot weaken.
     */
    public static Map<String, Object> producerConfig(Settings settings) {
        settings.string(BOOTSTRAP_SERVERS_KEY); // fails with the key's name and how to set it when missing
        Map<String, Object> config = settings.kafkaProperties();
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "bilateral-ingest");
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "5");
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        Object acks = config.put(ProducerConfig.ACKS_CONFIG, "all");
        Object idempotence = config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        if ((acks != null && !"all".equals(acks) && !"-1".equals(acks))
                || (idempotence != null && !"true".equalsIgnoreCase(idempotence.toString()))) {
            log.warn(
                    "Ignoring kafka.acks={} / kafka.enable.idempotence={}: ingest always publishes with acks=all and "
                            + "idempotence, since an accepted article must not be lost",
                    acks,
                    idempotence);
        }
        return config;
    }

    /**
     * Sends {@code article}. The future completes when the broker acknowledges it, or exceptionally with a
     * {@link PublishException} naming the article; it never throws itself.
     */
    public CompletableFuture<RecordMetadata> send(Article article) {
        CompletableFuture<RecordMetadata> acked = new CompletableFuture<>();
        try {
            ProducerRecord<String, RawArticle> record =
                    new ProducerRecord<>(topic, article.id(), RawArticles.toAvro(article, clock.instant()));
            Callback callback = (metadata, error) -> {
                if (error == null) {
                    acked.complete(metadata);
                } else {
                    acked.completeExceptionally(new PublishException(
                            "broker did not accept article " + article.id() + " on " + topic + ": " + error, error));
                }
            };
            if (schemaRegistered) {
                producer.send(record, callback);
            } else {
                sendRegistering(record, callback);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acked.completeExceptionally(
                    new PublishException("interrupted while sending article " + article.id() + " to " + topic, e));
        } catch (RuntimeException e) {
            // Serialization (e.g. the schema registry is down) and a closed producer fail here, before any callback.
            acked.completeExceptionally(
                    new PublishException("could not send article " + article.id() + " to " + topic + ": " + e, e));
        }
        return acked;
    }

    /** A send while the schema may not be registered yet: one at a time, each waiting at most the registry timeout. */
    private void sendRegistering(ProducerRecord<String, RawArticle> record, Callback callback)
            throws InterruptedException {
        if (!registration.tryLock(REGISTRATION_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(
                    "the schema registry has not answered another request's registration within " + REGISTRATION_WAIT);
        }
        try {
            producer.send(record, callback); // serializes, so the schema id is cached once this returns
            schemaRegistered = true;
        } finally {
            registration.unlock();
        }
    }

    /**
     * Sends {@code article} and waits for the broker's acknowledgement. The timeout covers the whole call, including
     * the time {@code send} may block fetching metadata when the broker is unreachable.
     *
     * @throws PublishException when the broker refuses it or does not acknowledge within {@code timeout}
     */
    public RecordMetadata sendAndWait(Article article, Duration timeout) {
        long start = System.nanoTime();
        CompletableFuture<RecordMetadata> acked = send(article);
        Duration left = timeout.minusNanos(System.nanoTime() - start);
        return await(article.id(), acked, left.isNegative() ? Duration.ZERO : left, timeout);
    }

    /** Waits for one {@link #send} result; the same errors as {@link #sendAndWait}. */
    public RecordMetadata await(String articleId, CompletableFuture<RecordMetadata> acked, Duration timeout) {
        return await(articleId, acked, timeout, timeout);
    }

    /**
     * Waits {@code waitFor} for one {@link #send} result that shares a {@code timeout} with others (a batch): an
     * expiry is reported with the whole timeout, which is what the caller configured.
     */
    public RecordMetadata await(
            String articleId, CompletableFuture<RecordMetadata> acked, Duration waitFor, Duration timeout) {
        try {
            return acked.get(waitFor.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw notAcknowledged(articleId, timeout, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof PublishException publish
                    ? publish
                    : new PublishException(
                            "publishing article " + articleId + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException(
                    "interrupted while waiting for the broker to acknowledge article " + articleId, e);
        }
    }

    /** The error of an acknowledgement that did not come within {@code timeout}. */
    public PublishException notAcknowledged(String articleId, Duration timeout, Throwable cause) {
        return new PublishException(
                "broker did not acknowledge article " + articleId + " on " + topic + " within " + timeout.toMillis()
                        + " ms",
                cause);
    }

    /** Sends what is buffered and closes the producer, waiting at most {@code timeout}. */
    public void close(Duration timeout) {
        producer.close(timeout);
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }
}
