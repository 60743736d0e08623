package io.bilateral.cli;

import io.bilateral.config.Settings;
import io.bilateral.topics.PolicyMismatch;
import io.bilateral.topics.TopicProvisioner;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;

/**
 * Creates the contract's topics with their policies before anything writes to them (idempotent), then checks the
 * policies of every topic: a topic someone created by hand as {@code delete} would lose events on compaction's behalf.
 */
final class TopicSetup {

    private TopicSetup() {}

    static TopicProvisioner.Result provision(Settings settings) {
        try (Admin admin = Admin.create(settings.kafkaProperties())) {
            TopicProvisioner provisioner = TopicProvisioner.fromSettings(admin, settings);
            TopicProvisioner.Result result = provisioner.provision();
            List<PolicyMismatch> mismatches = provisioner.verifyCleanupPolicies();
            if (!mismatches.isEmpty()) {
                throw new IllegalStateException("topics do not have the contract's policies: "
                        + String.join(
                                "; ",
                                mismatches.stream()
                                        .map(PolicyMismatch::describe)
                                        .toList())
                        + " (fix them with kafka-configs --alter, or start on a fresh data directory)");
            }
            return result;
        }
    }
}
