package io.bilateral.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * A downstream reader of {@code relations.events} as any client would be ({@code read_committed}, from the end): for
 * each record, visibility time minus record timestamp, the timestamp being the scheduled send time of the article the
 * event update came from. Runs on its own thread; values are not decoded, which would only add the probe's own time.
 */
final class LatencyProbe implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<TopicPartition> partitions;
    private final NanoClock clock;
    private final long fromTimestamp;
    private final List<Double> samples = new ArrayList<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread thread;
    private volatile Map<TopicPartition, Long> stopAt;
    private volatile RuntimeException failure;
    private volatile boolean abandoned;

    /** Starts reading at the current end of {@code topic}; counts records with a timestamp of at least {@code fromTimestamp}. */
    LatencyProbe(String bootstrapServers, String topic, NanoClock clock, long fromTimestamp) {
        this.clock = clock;
        this.fromTimestamp = fromTimestamp;
        consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        // a fetch waits for new data at most this long; commits wake it earlier
                        ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG,
                        50),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // resolve the positions now, before anything is sent, so no record can slip past
        partitions.forEach(p -> consumer.position(p, Duration.ofSeconds(30)));
        thread = new Thread(this::run, "latency-probe");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (true) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    double seen = clock.nowEpochMillis();
                    if (record.timestamp() >= fromTimestamp) {
                        samples.add(Math.max(0, seen - record.timestamp()));
                    }
                }
                Map<TopicPartition, Long> stop = stopAt;
                if (abandoned) {
                    return;
                }
                if (stop != null && partitions.stream().allMatch(p -> consumer.position(p) >= stop.get(p))) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            finished.countDown();
        }
    }

    /** Reads up to the current end (call once the application is done), then returns every latency seen, in ms. */
    double[] finish(Map<TopicPartition, Long> endOffsets, Duration timeout) throws InterruptedException {
        stopAt = endOffsets;
        if (!finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the latency probe did not reach the end of " + partitions + " within "
                    + timeout.toSeconds() + " s");
        }
        if (failure != null) {
            throw new IllegalStateException("the latency probe failed: " + failure, failure);
        }
        return samples.stream().mapToDouble(Double::doubleValue).toArray();
    }

    List<TopicPartition> partitions() {
        return partitions;
    }

    @Override
    public void close() throws InterruptedException {
        if (finished.getCount() > 0) {
            abandoned = true;
            finished.await(5, TimeUnit.SECONDS);
        }
        if (finished.getCount() == 0) {
            consumer.close(Duration.ofSeconds(5));
        }
    }
}
