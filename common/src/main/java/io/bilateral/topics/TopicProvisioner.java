package io.bilateral.topics;

import io.bilateral.config.Settings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics of the contract ({@link TopicSpec#contract()}) with their policies, and checks the cleanup policy
 * of topics that already exist. Creating is idempotent: a topic that is already there is left alone (and reported),
 * never altered, because changing a live topic's policy is an operator's decision. The Admin client is the caller's.
 */
public final class TopicProvisioner {

    /** Setting: partitions of each created topic (default 1). */
    public static final String PARTITIONS = "topics.partitions";
    /** Setting: replication factor of each created topic (default 1, the local one-node broker). */
    public static final String REPLICATION_FACTOR = "topics.replication.factor";
    /**
     * Setting: {@code min.insync.replicas} of each created topic (default: the broker's). With replication 3, set 2: a
     * write acknowledged by {@code acks=all} is then on two brokers, and one broker may fail without stopping writes.
     */
    public static final String MIN_INSYNC_REPLICAS = "topics.min.insync.replicas";

    private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);
    private static final long METADATA_POLL_MILLIS = 50;

    private final Admin admin;
    private final List<TopicSpec> specs;
    private final int partitions;
    private final short replicationFactor;
    private final Duration timeout;

    public TopicProvisioner(
            Admin admin, List<TopicSpec> specs, int partitions, short replicationFactor, Duration timeout) {
        if (partitions < 1 || replicationFactor < 1) {
            throw new IllegalArgumentException("partitions and replication factor must be at least 1, got " + partitions
                    + " and " + replicationFactor);
        }
        this.admin = admin;
        this.specs = List.copyOf(specs);
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
        this.timeout = timeout;
    }

    /** A provisioner for the contract's topics, sized by {@code topics.partitions} and {@code topics.replication.factor}. */
    public static TopicProvisioner fromSettings(Admin admin, Settings settings) {
        int replication = settings.integer(REPLICATION_FACTOR, 1);
        if (replication > Short.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "setting '" + REPLICATION_FACTOR + "' = '" + replication + "' is too large");
        }
        List<TopicSpec> specs = TopicSpec.contract();
        String minInsync = settings.asMap().get(MIN_INSYNC_REPLICAS);
        if (minInsync != null && !minInsync.isBlank()) {
            int value = settings.integer(MIN_INSYNC_REPLICAS, 1);
            if (value < 1 || value > replication) {
                throw new IllegalArgumentException("setting '" + MIN_INSYNC_REPLICAS + "' = '" + value
                        + "' must be between 1 and the replication factor " + replication);
            }
            specs = specs.stream()
                    .map(spec -> spec.with("min.insync.replicas", String.valueOf(value)))
                    .toList();
        }
        return new TopicProvisioner(
                admin, specs, settings.integer(PARTITIONS, 1), (short) replication, Duration.ofSeconds(30));
    }

    /** What {@link #provision()} did: topics it created and topics that were already there. */
    public record Result(List<String> created, List<String> existing) {}

    /** Creates every topic that does not exist yet. */
    public Result provision() {
        List<NewTopic> newTopics = specs.stream()
                .map(spec -> new NewTopic(spec.name(), partitions, replicationFactor).configs(spec.allConfigs()))
                .toList();
        Map<String, KafkaFuture<Void>> futures = admin.createTopics(newTopics).values();
        List<String> created = new ArrayList<>();
        List<String> existing = new ArrayList<>();
        for (TopicSpec spec : specs) {
            try {
                await(futures.get(spec.name()), "create topic " + spec.name());
                created.add(spec.name());
                log.info(
                        "Created topic {} (cleanup.policy={}, {} partitions, replication {})",
                        spec.name(),
                        spec.cleanupPolicy(),
                        partitions,
                        replicationFactor);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new KafkaException(
                            "create topic " + spec.name() + " failed: "
                                    + e.getCause().getMessage(),
                            e.getCause());
                }
                existing.add(spec.name());
                log.debug("Topic {} already exists", spec.name());
            }
        }
        awaitVisible();
        return new Result(List.copyOf(created), List.copyOf(existing));
    }

    /** The topics whose cleanup.policy differs from the contract, missing topics included; empty when all is well. */
    public List<PolicyMismatch> verifyCleanupPolicies() {
        List<PolicyMismatch> mismatches = mismatches(specs, visiblePolicies());
        mismatches.forEach(m -> log.warn("{}", m.describe()));
        return mismatches;
    }

    /**
     * Waits until the brokers answer for every topic: createTopics completes once the controller has a topic, a moment
     * before the brokers' metadata does, and a caller (or {@link #verifyCleanupPolicies()}) would see it missing.
     */
    private void awaitVisible() {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, String> visible = visiblePolicies();
        while (visible.size() < specs.size()) {
            if (System.nanoTime() - deadline > 0) {
                throw new KafkaException(
                        "topics " + missing(visible) + " exist but the brokers did not report them within " + timeout);
            }
            pause();
            visible = visiblePolicies();
        }
    }

    private List<String> missing(Map<String, String> visible) {
        return specs.stream()
                .map(TopicSpec::name)
                .filter(name -> !visible.containsKey(name))
                .toList();
    }

    /** cleanup.policy of every spec'd topic the brokers know, by name; unknown topics are left out. */
    private Map<String, String> visiblePolicies() {
        Map<String, String> policies = new HashMap<>();
        Map<ConfigResource, KafkaFuture<Config>> futures = admin.describeConfigs(specs.stream()
                        .map(spec -> new ConfigResource(ConfigResource.Type.TOPIC, spec.name()))
                        .toList())
                .values();
        for (Map.Entry<ConfigResource, KafkaFuture<Config>> entry : futures.entrySet()) {
            String topic = entry.getKey().name();
            try {
                ConfigEntry policy =
                        await(entry.getValue(), "describe configs of " + topic).get(TopicSpec.CLEANUP_POLICY);
                policies.put(topic, policy == null ? "" : policy.value());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw new KafkaException(
                            "describe configs of " + topic + " failed: "
                                    + e.getCause().getMessage(),
                            e.getCause());
                }
            }
        }
        return policies;
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(METADATA_POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while waiting for topic metadata", e);
        }
    }

    /** Compares policies as sets, since Kafka accepts "compact,delete" and "delete,compact" alike. */
    static List<PolicyMismatch> mismatches(List<TopicSpec> specs, Map<String, String> actualPolicies) {
        List<PolicyMismatch> found = new ArrayList<>();
        for (TopicSpec spec : specs) {
            String actual = actualPolicies.get(spec.name());
            if (actual == null || !policySet(actual).equals(policySet(spec.cleanupPolicy()))) {
                found.add(new PolicyMismatch(spec.name(), spec.cleanupPolicy(), actual));
            }
        }
        return List.copyOf(found);
    }

    private static Set<String> policySet(String policy) {
        return Arrays.stream(policy.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private <T> T await(KafkaFuture<T> future, String what) throws ExecutionException {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException(what + ": interrupted", e);
        } catch (TimeoutException e) {
            throw new KafkaException(what + ": no answer from the cluster within " + timeout, e);
        }
    }
}
