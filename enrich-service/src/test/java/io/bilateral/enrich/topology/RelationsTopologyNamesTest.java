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
        String description = RelationsTopology.build(
                        Topics.create(new InMemorySchemaRegistry()),
                        new ScriptedEnricher(Map.of()),
                        ActorUpdates.NONE,
                        new EventClustering(Duration.ofDays(3), 0.2),
                        Clock.systemUTC())
                .describe()
                .toString();

        assertThat(description)
                .contains("Source: reference-actors-source (topics: [reference.actors])")
                .contains("stores: [reference-actors]")
                .contains("Processor: enrich-article")
                .contains("articles-by-pair-repartition")
                .contains("Processor: cluster-events (stores: [")
                .contains("event-clusters")
                .contains("merged-reports")
                .contains("Processor: summarise-pairs (stores: [pair-summaries])")
                .contains("Processor: pair-summary-changes")
                .contains("Sink: relation-events (topic: relations.events)")
                .contains("Sink: relation-pairs (topic: relations.pairs)")
                .doesNotContain("KSTREAM-", "KTABLE-", "events-by-pair", "event-updates-by-pair-repartition");
    }
}
