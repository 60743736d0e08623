package io.bilateral.bench;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Bytes on the broker's disk per topic (log segments, so record batches with their headers and the transaction
 * markers), from {@code describeLogDirs}. The difference across a batch divided by its articles is the storage one
 * article costs on each topic.
 */
final class TopicSizes {

    private TopicSizes() {}

    static Map<String, Long> of(Admin admin, int brokerId) {
        try {
            Map<String, Long> sizes = new TreeMap<>();
            Map<String, LogDirDescription> dirs = admin.describeLogDirs(List.of(brokerId))
                    .allDescriptions()
                    .get(30, TimeUnit.SECONDS)
                    .get(brokerId);
            for (LogDirDescription dir : dirs.values()) {
                for (Map.Entry<TopicPartition, ReplicaInfo> e :
                        dir.replicaInfos().entrySet()) {
                    sizes.merge(e.getKey().topic(), e.getValue().size(), Long::sum);
                }
            }
            return sizes;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot describe the broker's log directories: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing log directories", e);
        }
    }

    /** Per topic, {@code (after - before) / articles}; topics that did not grow are left out. */
    static Map<String, Double> perArticle(Map<String, Long> before, Map<String, Long> after, int articles) {
        Map<String, Double> perArticle = new TreeMap<>();
        after.forEach((topic, size) -> {
            long grown = size - before.getOrDefault(topic, 0L);
            if (grown > 0) {
                perArticle.put(topic, grown / (double) articles);
            }
        });
        return perArticle;
    }
}
