package io.bilateral.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bilateral.config.Settings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.MockAdminClient;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TopicProvisionerTest {

    private static final List<String> ALL = List.of(
            "news.articles.raw",
            "news.articles.enriched",
            "relations.events",
            "relations.pairs",
            "reference.actors",
            "news.dlq");

    private final MockAdminClient admin = MockAdminClient.create().numBrokers(3).build();

    @AfterEach
    void close() {
        admin.close();
    }

    @Test
    void shouldCreateEveryTopicWithItsPolicyPartitionsAndReplication() throws Exception {
        TopicProvisioner provisioner =
                new TopicProvisioner(admin, TopicSpec.contract(), 4, (short) 3, Duration.ofSeconds(5));

        TopicProvisioner.Result result = provisioner.provision();

        assertEquals(new TopicProvisioner.Result(ALL, List.of()), result);
        TopicDescription pairs = admin.describeTopics(List.of("relations.pairs"))
                .allTopicNames()
                .get(5, TimeUnit.SECONDS)
                .get("relations.pairs");
        assertEquals(4, pairs.partitions().size());
        assertEquals(3, pairs.partitions().get(0).replicas().size());
        assertEquals(
                "compact", topicConfig("relations.pairs").get("cleanup.policy").value());
        assertEquals(
                "604800000",
                topicConfig("news.articles.raw").get("retention.ms").value());
        assertEquals(List.of(), provisioner.verifyCleanupPolicies());
    }

    @Test
    void shouldCreateTopicsForAThreeBrokerClusterFromSettings() throws Exception {
        Settings settings = Settings.of(
                Map.of("topics.partitions", "6", "topics.replication.factor", "3", "topics.min.insync.replicas", "2"));

        TopicProvisioner.fromSettings(admin, settings).provision();

        assertEquals(
                6,
                admin.describeTopics(List.of("relations.events"))
                        .allTopicNames()
                        .get(5, TimeUnit.SECONDS)
                        .get("relations.events")
                        .partitions()
                        .size());
        for (String topic : ALL) {
            assertEquals("2", topicConfig(topic).get("min.insync.replicas").value(), topic);
        }
        assertEquals(
                "compact", topicConfig("relations.pairs").get("cleanup.policy").value());
    }

    @Test
    void shouldRefuseMoreInsyncReplicasThanReplicas() {
        Settings settings = Settings.of(Map.of("topics.replication.factor", "1", "topics.min.insync.replicas", "2"));

        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> TopicProvisioner.fromSettings(admin, settings));
        assertTrue(e.getMessage().contains("topics.min.insync.replicas"), e.getMessage());
    }

    @Test
    void shouldLeaveExistingTopicsAloneWhenRunAgain() {
        TopicProvisioner provisioner =
                new TopicProvisioner(admin, TopicSpec.contract(), 1, (short) 1, Duration.ofSeconds(5));
        provisioner.provision();

        TopicProvisioner.Result again = provisioner.provision();

        assertEquals(new TopicProvisioner.Result(List.of(), ALL), again);
    }

    @Test
    void shouldReportAnExistingCompactedTopicThatDeletes() throws Exception {
        addTopic("relations.pairs", "delete");
        TopicProvisioner provisioner =
                new TopicProvisioner(admin, TopicSpec.contract(), 1, (short) 1, Duration.ofSeconds(5));

        TopicProvisioner.Result result = provisioner.provision();
        List<PolicyMismatch> mismatches = provisioner.verifyCleanupPolicies();

        assertEquals(List.of("relations.pairs"), result.existing());
        assertEquals(List.of(new PolicyMismatch("relations.pairs", "compact", "delete")), mismatches);
        assertEquals(
                "topic relations.pairs has cleanup.policy=delete, expected compact",
                mismatches.get(0).describe());
    }

    @Test
    void shouldWaitUntilTheBrokersReportEveryTopic() throws Exception {
        addTopic("relations.pairs", "delete");
        // the topic exists for the controller but the next two describe calls do not see it yet
        admin.setFetchesRemainingUntilVisible("relations.pairs", 2);
        TopicProvisioner provisioner =
                new TopicProvisioner(admin, TopicSpec.contract(), 1, (short) 1, Duration.ofSeconds(5));

        provisioner.provision();

        assertEquals(
                List.of(new PolicyMismatch("relations.pairs", "compact", "delete")),
                provisioner.verifyCleanupPolicies());
    }

    @Test
    void shouldNameTopicsTheBrokersNeverReport() throws Exception {
        addTopic("reference.actors", "compact");
        admin.setFetchesRemainingUntilVisible("reference.actors", 1_000_000);
        TopicProvisioner provisioner =
                new TopicProvisioner(admin, TopicSpec.contract(), 1, (short) 1, Duration.ofMillis(200));

        KafkaException e = assertThrows(KafkaException.class, provisioner::provision);

        assertEquals(
                "topics [reference.actors] exist but the brokers did not report them within PT0.2S", e.getMessage());
    }

    @Test
    void shouldReportMissingTopics() {
        TopicProvisioner provisioner =
                new TopicProvisioner(admin, TopicSpec.contract(), 1, (short) 1, Duration.ofSeconds(5));

        List<PolicyMismatch> mismatches = provisioner.verifyCleanupPolicies();

        assertEquals(6, mismatches.size());
        assertEquals(
                "topic reference.actors is missing (expected cleanup.policy=compact)",
                mismatches.stream()
                        .filter(m -> m.topic().equals("reference.actors"))
                        .findFirst()
                        .orElseThrow()
                        .describe());
    }

    @ParameterizedTest(name = "expected {0}, actual \"{1}\" -> mismatch {2}")
    @CsvSource({
        "compact,        compact,        false",
        "compact,        'delete,compact', true",
        "compact,        delete,         true",
        "'compact,delete', 'delete, compact', false",
        "delete,         '',             true",
    })
    void shouldComparePoliciesAsSets(String expected, String actual, boolean mismatch) {
        List<TopicSpec> specs = List.of(new TopicSpec("t", expected, Map.of()));

        List<PolicyMismatch> found = TopicProvisioner.mismatches(specs, Map.of("t", actual));

        assertEquals(mismatch, !found.isEmpty());
    }

    @Test
    void shouldSizeTopicsFromSettings() throws Exception {
        Settings settings = Settings.of(Map.of("topics.partitions", "2", "topics.replication.factor", "2"));

        TopicProvisioner.fromSettings(admin, settings).provision();

        TopicDescription dlq = admin.describeTopics(List.of("news.dlq"))
                .allTopicNames()
                .get(5, TimeUnit.SECONDS)
                .get("news.dlq");
        assertEquals(2, dlq.partitions().size());
        assertEquals(2, dlq.partitions().get(0).replicas().size());
    }

    @Test
    void shouldRefuseZeroPartitions() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new TopicProvisioner(admin, TopicSpec.contract(), 0, (short) 1, Duration.ofSeconds(1)));

        assertThat(e.getMessage()).isEqualTo("partitions and replication factor must be at least 1, got 0 and 1");
    }

    private void addTopic(String name, String cleanupPolicy) throws Exception {
        Node broker = admin.describeCluster()
                .nodes()
                .get(5, TimeUnit.SECONDS)
                .iterator()
                .next();
        admin.addTopic(
                false,
                name,
                List.of(new TopicPartitionInfo(0, broker, List.of(broker), List.of(broker))),
                Map.of("cleanup.policy", cleanupPolicy));
    }

    private Config topicConfig(String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource))
                .all()
                .get(5, TimeUnit.SECONDS)
                .get(resource);
    }
}
