package io.bilateral.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.bilateral.enrich.dictionary.ActorUpdates;
import io.bilateral.registry.InMemorySchemaRegistry;
import io.bilateral.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pins the names of stores and internal topics: renaming one would silently orphan its changelog. */
class RelationsTopologyNamesTest {

    @Test
    void shouldKeepTheNamesOfEveryStateStoreAndInternalTopic() {
        String description = RelationsTopology.build(Topics.create(new InMemorySchemaRegistry()),
                new ScriptedEnricher(Map.of()), ActorUpdates.NONE, new EventClustering(Duration.ofDays(3), 0.2), Clock.systemUTC())
                .describe().toString();

        assertThat(description)
                .contains("Source: reference-actors-source (topics: [reference.actors])")
                .contains("stores: [reference-actors]")
                .contains("Processor: enrich-article")
                .contains("Processor: cluster-events (stores: [merged-reports, event-clusters])")
                .contains("articles-by-pair-repartition")
                .contains("stores: [events-by-id]")
                .contains("events-by-pair-repartition")
                .contains("stores: [pair-summaries]")
                .doesNotContain("KSTREAM-", "KTABLE-AGGREGATE-STATE-STORE");
    }
}
