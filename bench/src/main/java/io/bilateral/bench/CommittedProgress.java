package io.bilateral.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Decides, deterministically, when a Kafka Streams application has finished everything it was given: for each
 * input of each stage, in topological order, no committed record lies after the application's committed offset.
 *
 * <p>Why this is exact under exactly-once: a task commits its input offsets in the same transaction as the records it
 * wrote (repartition topics, outputs, changelogs, flushed caches). So once the committed offset of the last stage's
 * input covers every record in it, every output of every record is committed and visible to a {@code read_committed}
 * reader. Stages are checked upstream first, and a downstream input's end is read only after the upstream stage was
 * found complete, when nothing can be added to it any more.
 *
 * <p>Records, not offsets, are counted after the committed offset: transaction markers take offsets too, so a group
 * that consumed everything may still sit one offset before the end.
 */
final class CommittedProgress implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(20);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private final Admin admin;
    private final KafkaConsumer<byte[], byte[]> reader;

    CommittedProgress(String bootstrapServers) {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        reader = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                        5000),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }

    /**
     * Polls until {@link #remaining} is zero for every stage, or fails naming what is left.
     *
     * @return the {@link System#nanoTime()} at which completion was observed
     */
    long awaitDone(String group, List<String> stages, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String pending = pending(group, stages);
            long now = System.nanoTime();
            if (pending == null) {
                return now;
            }
            if (now - deadline > 0) {
                throw new IllegalStateException(
                        "application " + group + " did not finish within " + timeout.toSeconds() + " s: " + pending);
            }
            TimeUnit.NANOSECONDS.sleep(POLL.toNanos());
        }
    }

    /**
     * Waits until a {@code read_committed} reader's end offset reaches {@code ends} on every partition, i.e. until a
     * transaction's records are visible to the applications, or fails naming the partition.
     *
     * @return the {@link System#nanoTime()} at which they were seen visible
     */
    long awaitVisible(Map<TopicPartition, Long> ends, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Map<TopicPartition, Long> visible = reader.endOffsets(ends.keySet(), CALL_TIMEOUT);
            long now = System.nanoTime();
            Optional<TopicPartition> behind = ends.keySet().stream()
                    .filter(p -> visible.get(p) < ends.get(p))
                    .findFirst();
            if (behind.isEmpty()) {
                return now;
            }
            if (now - deadline > 0) {
                throw new IllegalStateException("the records up to offset " + ends.get(behind.get()) + " of "
                        + behind.get() + " were not visible within " + timeout.toSeconds() + " s");
            }
            TimeUnit.NANOSECONDS.sleep(POLL.toNanos());
        }
    }

    /** The first stage with records left, described, or null when all are done. */
    String pending(String group, List<String> stages) {
        Map<TopicPartition, OffsetAndMetadata> committed = committed(group);
        for (String topic : stages) {
            for (TopicPartition partition : partitions(topic)) {
                OffsetAndMetadata offset = committed.get(partition);
                long left = remaining(partition, offset == null ? -1 : offset.offset());
                if (left > 0) {
                    return left + " records of " + partition + " after the committed offset";
                }
            }
        }
        return null;
    }

    /** Committed records of {@code partition} at or after {@code committedOffset} (-1: nothing committed yet). */
    long remaining(TopicPartition partition, long committedOffset) {
        List<TopicPartition> one = List.of(partition);
        long end = reader.endOffsets(one, CALL_TIMEOUT).get(partition); // read_committed: the last stable offset
        long start = committedOffset >= 0
                ? committedOffset
                : reader.beginningOffsets(one, CALL_TIMEOUT).get(partition);
        if (start >= end) {
            return 0;
        }
        reader.assign(one);
        reader.seek(partition, start);
        long count = 0;
        long deadline = System.nanoTime() + CALL_TIMEOUT.toNanos();
        while (reader.position(partition, CALL_TIMEOUT) < end) {
            count += reader.poll(POLL).count();
            if (count > 0 || System.nanoTime() - deadline > 0) {
                break; // one record is enough to know it is not done
            }
        }
        return count;
    }

    /** The topics whose names start with {@code prefix} and end with {@code suffix}, e.g. an application's repartition topics. */
    List<String> topics(String prefix, String suffix) {
        try {
            return admin.listTopics().names().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).stream()
                    .filter(t -> t.startsWith(prefix) && t.endsWith(suffix))
                    .sorted()
                    .toList();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot list topics: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while listing topics", e);
        }
    }

    /** Sets {@code group}'s committed offsets to the current end of {@code topic}, so an application starts there. */
    void commitEnd(String group, String topic) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        reader.endOffsets(partitions(topic), CALL_TIMEOUT)
                .forEach((p, end) -> offsets.put(p, new OffsetAndMetadata(end)));
        try {
            admin.alterConsumerGroupOffsets(group, offsets).all().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot set the offsets of " + group + " on " + topic + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while setting offsets", e);
        }
    }

    private Map<TopicPartition, OffsetAndMetadata> committed(String group) {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return offsets == null ? Map.of() : offsets;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the committed offsets of " + group + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading offsets", e);
        }
    }

    /** The last stable offsets of {@code topic}: where a {@code read_committed} reader's view ends now. */
    Map<TopicPartition, Long> endOffsets(String topic) {
        return reader.endOffsets(partitions(topic), CALL_TIMEOUT);
    }

    List<TopicPartition> partitions(String topic) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo info : reader.partitionsFor(topic, CALL_TIMEOUT)) {
            partitions.add(new TopicPartition(topic, info.partition()));
        }
        if (partitions.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " does not exist");
        }
        return partitions;
    }

    @Override
    public void close() {
        reader.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(5));
    }
}
