package io.bilateral.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bilateral.testsupport.TestStack;
import io.bilateral.testsupport.TestStackExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The contract's topics on a real broker. */
@ExtendWith(TestStackExtension.class)
class TopicProvisionerIT {

    private static final List<String> CONTRACT =
            TopicSpec.contract().stream().map(TopicSpec::name).toList();

    @Test
    void shouldCreateTheContractTopicsWithTheirPoliciesAndBeIdempotent(TestStack stack) throws Exception {
        try (Admin admin = admin(stack)) {
            TopicProvisioner provisioner =
                    new TopicProvisioner(admin, TopicSpec.contract(), 2, (short) 1, Duration.ofSeconds(30));

            TopicProvisioner.Result first = provisioner.provision();
            TopicProvisioner.Result second = provisioner.provision();

            // another test of this run may have provisioned already, so "created" may be partial the first time
            assertThat(union(first)).containsExactlyInAnyOrderElementsOf(CONTRACT);
            assertEquals(new TopicProvisioner.Result(List.of(), CONTRACT), second);
            assertEquals(List.of(), provisioner.verifyCleanupPolicies());
            for (String compacted : List.of("relations.events", "relations.pairs", "reference.actors")) {
                assertEquals(
                        "compact",
                        config(admin, compacted).get("cleanup.policy").value(),
                        compacted);
            }
            assertEquals(
                    "delete",
                    config(admin, "news.articles.raw").get("cleanup.policy").value());
            assertEquals(
                    "604800000",
                    config(admin, "news.articles.enriched").get("retention.ms").value());
            assertEquals(
                    "delete", config(admin, "news.dlq").get("cleanup.policy").value());
        }
    }

    @Test
    void shouldReportAnExistingTopicWithTheWrongPolicy(TestStack stack) throws Exception {
        String name = "it.compacted." + UUID.randomUUID();
        stack.createTopic(name, 1, Map.of("cleanup.policy", "delete"));
        try (Admin admin = admin(stack)) {
            TopicProvisioner provisioner = new TopicProvisioner(
                    admin,
                    List.of(new TopicSpec(name, TopicSpec.COMPACT, Map.of())),
                    1,
                    (short) 1,
                    Duration.ofSeconds(30));

            TopicProvisioner.Result result = provisioner.provision();

            assertEquals(new TopicProvisioner.Result(List.of(), List.of(name)), result);
            assertEquals(List.of(new PolicyMismatch(name, "compact", "delete")), provisioner.verifyCleanupPolicies());
            assertEquals(
                    "delete", config(admin, name).get("cleanup.policy").value(), "an existing topic is not altered");
        }
    }

    private static List<String> union(TopicProvisioner.Result result) {
        return Stream.concat(result.created().stream(), result.existing().stream())
                .toList();
    }

    private static Admin admin(TestStack stack) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()));
    }

    private static Config config(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource))
                .all()
                .get(30, TimeUnit.SECONDS)
                .get(resource);
    }
}
