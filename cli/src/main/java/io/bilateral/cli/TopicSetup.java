package io.bilateral.cli;

import io.bilateral.config.Settings;
import io.bilateral.topics.TopicProvisioner;
import org.apache.kafka.clients.admin.Admin;

/** Creates the contract's topics with their policies before anything writes to them (idempotent). */
final class TopicSetup {

    private TopicSetup() {
    }

    static TopicProvisioner.Result provision(Settings settings) {
        try (Admin admin = Admin.create(settings.kafkaProperties())) {
            return TopicProvisioner.fromSettings(admin, settings).provision();
        }
    }
}
