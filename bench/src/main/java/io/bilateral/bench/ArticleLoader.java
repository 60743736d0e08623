package io.bilateral.bench;

import io.bilateral.schemas.RawArticle;
import io.bilateral.topics.ClientConfigs;
import io.bilateral.topics.Topic;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/** Writes benchmark articles to {@code news.articles.raw}: as one pre-loaded backlog, or paced at a fixed rate. */
final class ArticleLoader {

    private final String bootstrapServers;
    private final Topic<String, RawArticle> raw;
    private final Corpus corpus;

    ArticleLoader(String bootstrapServers, Topic<String, RawArticle> raw, Corpus corpus) {
        this.bootstrapServers = bootstrapServers;
        this.raw = raw;
        this.corpus = corpus;
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * Writes copies {@code first .. first+count-1} in one transaction: a {@code read_committed} application (every
     * exactly-once Streams app) sees none of them until the commit, then all at once — a backlog that is complete
     * when processing starts, so the producer is never what is measured.
     *
     * <p>The commit returning does not make the backlog visible yet: the transaction coordinator writes the commit
     * markers afterwards, and until then a {@code read_committed} end offset stays where it was, so a wait for
     * "nothing left after the committed offset" could end before processing began (a loaded run once reported
     * 53,818 articles/s). {@link CommittedProgress#awaitVisible} waits for the returned end offsets.
     *
     * @return for each partition written, the offset after its last backlog record
     */
    Map<TopicPartition, Long> backlog(long first, int count) {
        List<RawArticle> articles = new ArrayList<>(count);
        Instant now = Instant.now();
        for (long i = first; i < first + count; i++) {
            articles.add(corpus.copy(i, now));
        }
        Map<String, Object> props = new HashMap<>(
                ClientConfigs.reliableWriter(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers)));
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "bench-backlog-" + UUID.randomUUID());
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        try (KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(
                props, raw.keySerde().serializer(), raw.valueSerde().serializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            Map<TopicPartition, Long> ends = new ConcurrentHashMap<>();
            for (RawArticle article : articles) {
                producer.send(new ProducerRecord<>(raw.name(), article.getId(), article), (metadata, error) -> {
                    if (metadata != null) {
                        ends.merge(
                                new TopicPartition(metadata.topic(), metadata.partition()),
                                metadata.offset() + 1,
                                Math::max);
                    }
                });
            }
            producer.commitTransaction(); // fails if any send failed; every callback has run by then
            return Map.copyOf(ends);
        }
    }

    /** What a paced run did. */
    record Paced(int sent, long firstDueNanos, long lastSentNanos) {
        double achievedRate() {
            return sent <= 1 ? Double.NaN : (sent - 1) / ((lastSentNanos - firstDueNanos) / 1e9);
        }
    }

    /**
     * Sends {@code count} copies from {@code first} on at {@code rate} per second, as the ingest-service would
     * (idempotent, acks=all, not transactional). Each record's timestamp is its scheduled send time, which Kafka
     * Streams carries to every record it derives, so the latency of an event is its visibility time minus its record
     * timestamp, measured from the schedule (see {@link PacingSchedule}).
     */
    Paced paced(long first, int count, double rate, NanoClock clock) {
        Map<String, Object> props =
                ClientConfigs.reliableWriter(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        // built before the clock starts: copying the text is not part of the offered load
        List<RawArticle> articles = new ArrayList<>(count);
        Instant now = Instant.now();
        for (long i = first; i < first + count; i++) {
            articles.add(corpus.copy(i, now));
        }
        try (KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(
                props, raw.keySerde().serializer(), raw.valueSerde().serializer())) {
            // the first send fetches metadata and registers the schema: do it before the schedule starts
            producer.partitionsFor(raw.name());
            PacingSchedule schedule = new PacingSchedule(rate, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50));
            long last = schedule.startNanos();
            for (int k = 0; k < count; k++) {
                long due = schedule.dueNanos(k);
                waitUntil(due);
                RawArticle article = articles.get(k);
                producer.send(new ProducerRecord<>(
                        raw.name(), null, (long) Math.floor(clock.epochMillis(due)), article.getId(), article));
                last = System.nanoTime();
            }
            producer.flush();
            return new Paced(count, schedule.startNanos(), last);
        }
    }

    /** Waits for the scheduled send time: parks for most of it, then yields the last 100 µs for precision. */
    private static void waitUntil(long dueNanos) {
        long left;
        while ((left = dueNanos - System.nanoTime()) > 0) {
            if (left > 200_000) {
                LockSupport.parkNanos(left - 100_000);
            } else {
                Thread.onSpinWait();
            }
        }
    }

    static Duration drainTimeout(int articles) {
        return Duration.ofSeconds(120 + articles / 20);
    }
}
