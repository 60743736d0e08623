package io.bilateral.topics;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a topic of the contract must be created: its cleanup policy and any further topic configs. The list in
 * {@link #contract()} is the topic table of DESIGN.md; compacted topics hold the latest state per key and would lose it
 * under a delete policy, which is why {@link TopicProvisioner} can verify policies of topics that already exist.
 */
public record TopicSpec(String name, String cleanupPolicy, Map<String, String> configs) {

    public static final String DELETE = "delete";
    public static final String COMPACT = "compact";
    static final String CLEANUP_POLICY = "cleanup.policy";
    static final String RETENTION_MS = "retention.ms";
    private static final String SEVEN_DAYS_MS = Long.toString(Duration.ofDays(7).toMillis());

    public TopicSpec {
        configs = Map.copyOf(configs);
    }

    /** Every topic of the contract, in the order of the design's table. */
    public static List<TopicSpec> contract() {
        return List.of(
                new TopicSpec(TopicNames.RAW_ARTICLES, DELETE, Map.of(RETENTION_MS, SEVEN_DAYS_MS)),
                new TopicSpec(TopicNames.ENRICHED_ARTICLES, DELETE, Map.of(RETENTION_MS, SEVEN_DAYS_MS)),
                new TopicSpec(TopicNames.RELATION_EVENTS, COMPACT, Map.of()),
                new TopicSpec(TopicNames.RELATION_PAIRS, COMPACT, Map.of()),
                new TopicSpec(TopicNames.REFERENCE_ACTORS, COMPACT, Map.of()),
                new TopicSpec(TopicNames.DLQ, DELETE, Map.of()));
    }

    /** This spec with one more topic config. */
    public TopicSpec with(String key, String value) {
        Map<String, String> more = new HashMap<>(configs);
        more.put(key, value);
        return new TopicSpec(name, cleanupPolicy, more);
    }

    /** The topic configs to create the topic with, cleanup policy included. */
    public Map<String, String> allConfigs() {
        Map<String, String> all = new HashMap<>(configs);
        all.put(CLEANUP_POLICY, cleanupPolicy);
        return all;
    }
}
