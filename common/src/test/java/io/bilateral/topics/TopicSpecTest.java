package io.bilateral.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicSpecTest {

    @Test
    void shouldListTheTopicTableOfTheDesign() {
        String sevenDays = "604800000";

        assertEquals(
                List.of(
                        new TopicSpec("news.articles.raw", "delete", Map.of("retention.ms", sevenDays)),
                        new TopicSpec("news.articles.enriched", "delete", Map.of("retention.ms", sevenDays)),
                        new TopicSpec("relations.events", "compact", Map.of()),
                        new TopicSpec("relations.pairs", "compact", Map.of()),
                        new TopicSpec("reference.actors", "compact", Map.of()),
                        new TopicSpec("news.dlq", "delete", Map.of())),
                TopicSpec.contract());
    }

    @Test
    void shouldCreateWithTheCleanupPolicyAmongTheConfigs() {
        TopicSpec spec = new TopicSpec("t", "compact", Map.of("min.compaction.lag.ms", "0"));

        assertEquals(Map.of("cleanup.policy", "compact", "min.compaction.lag.ms", "0"), spec.allConfigs());
    }
}
