package io.bilateral.enrich.topology;

import io.bilateral.enrich.dictionary.ActorStoreUpdater;
import io.bilateral.enrich.dictionary.ActorUpdates;
import io.bilateral.enrich.engine.Enricher;
import io.bilateral.enrich.engine.EntityType;
import io.bilateral.schemas.ArticleEvent;
import io.bilateral.schemas.EnrichedArticle;
import io.bilateral.schemas.EntityMention;
import io.bilateral.schemas.PairSummary;
import io.bilateral.serde.SchemaRegistration;
import io.bilateral.topics.Topics;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The enrich-service topology, a pure factory: raw articles are enriched, their reports merged into one event per
 * happening (keyed by pair so all reports of a pair meet), and every event change folded into its pair's summary in
 * the same task, with adder and subtractor semantics (no second repartition).
 *
 * <pre>
 * reference.actors → [reference-actors] global store → runtime dictionary of the enricher
 * news.articles.raw → enrich → news.articles.enriched
 *                         └→ key by pair → cluster-events [event-clusters, merged-reports]
 *                                            ├→ relations.events (each new version of an event, keyed by event id)
 *                                            └→ summarise-pairs [pair-summaries, cached]
 *                                                  └→ relations.pairs (a pair's summary once per commit, keyed by pair id)
 * </pre>
 * Every stateful operator and internal topic is named; {@code RelationsTopologyNamesTest} pins the names.
 */
public final class RelationsTopology {

    public static final String CLUSTER_STORE = "event-clusters";
    public static final String REPORTS_STORE = "merged-reports";
    public static final String PAIRS_STORE = "pair-summaries";
    public static final String ACTORS_STORE = "reference-actors";
    /** The repartition topic is {@code <application id>-articles-by-pair-repartition}. */
    public static final String BY_PAIR = "articles-by-pair";

    private static final Set<String> CLUSTER_ENTITY_TYPES = ArticleEnricher.avroTypes(
            EntityType.PERSON, EntityType.ORGANIZATION, EntityType.LOCATION, EntityType.COUNTRY, EntityType.NORP);

    private RelationsTopology() {}

    /**
     * @param enricher     the engine; with a runtime dictionary it also listens to {@code actorUpdates}
     * @param actorUpdates told of every change of {@code reference.actors} (read as a global store, i.e. a
     *                     GlobalKTable, fully loaded before any article is processed)
     */
    public static Topology build(
            Topics topics, Enricher enricher, ActorUpdates actorUpdates, EventClustering clustering, Clock clock) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(
                                Stores.inMemoryKeyValueStore(ACTORS_STORE),
                                Serdes.String(),
                                topics.referenceActors().valueSerde())
                        .withLoggingDisabled(),
                topics.referenceActors().name(),
                Consumed.with(
                                topics.referenceActors().keySerde(),
                                topics.referenceActors().valueSerde())
                        .withName("reference-actors"),
                () -> new ActorStoreUpdater(ACTORS_STORE, actorUpdates));
        var eventSerde = topics.relationEvents().valueSerde();
        var articleSerde = topics.enrichedArticles().valueSerde();
        // not cached: each report writes other keys (a new report key, an event's new version), so a cache saved no
        // changelog bytes; with it the enrich-service spent 2.26 CPU s per 1,000 articles on reut2-005, without it
        // 1.06 (./bilateral bench, back to back, on a loaded machine)
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(CLUSTER_STORE), Serdes.String(), eventSerde));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(REPORTS_STORE), Serdes.String(), Serdes.Long()));

        ArticleEnricher articleEnricher = new ArticleEnricher(enricher, clock);
        KStream<String, EnrichedArticle> enriched = builder.stream(
                        topics.rawArticles().name(),
                        Consumed.with(
                                        topics.rawArticles().keySerde(),
                                        topics.rawArticles().valueSerde())
                                .withName("raw-articles"))
                .mapValues(articleEnricher::enrich, Named.as("enrich-article"));
        enriched.to(
                topics.enrichedArticles().name(),
                Produced.with(topics.enrichedArticles().keySerde(), articleSerde)
                        .withName("enriched-articles"));

        KStream<String, EventUpdate> updates = enriched.flatMap(
                        (id, article) -> byPair(article), Named.as("key-by-pair"))
                .repartition(Repartitioned.with(Serdes.String(), articleSerde).withName(BY_PAIR))
                .processValues(
                        () -> new EventClusterProcessor(
                                CLUSTER_STORE, REPORTS_STORE, clustering, clock, clustering.retention()),
                        Named.as("cluster-events"),
                        CLUSTER_STORE,
                        REPORTS_STORE);
        updates.map(
                        (pair, update) -> KeyValue.pair(update.event().getEventId(), update.event()),
                        Named.as("event-of-update"))
                .to(
                        topics.relationEvents().name(),
                        Produced.with(topics.relationEvents().keySerde(), eventSerde)
                                .withName("relation-events"));
        // Still keyed by pair (processValues keeps the key): no repartition. The cached store coalesces the updates of
        // a pair between two commits into one changelog record and one relations.pairs record, however many reports
        // a busy pair gets.
        updates.groupByKey(Grouped.<String, EventUpdate>as("event-updates-by-pair"))
                .aggregate(
                        () -> null,
                        (pairId, update, summary) -> PairSummaries.update(pairId, update, summary, clock.instant()),
                        Named.as("summarise-pairs"),
                        Materialized.<String, PairSummary, KeyValueStore<Bytes, byte[]>>as(PAIRS_STORE)
                                .withKeySerde(Serdes.String())
                                .withValueSerde(topics.relationPairs().valueSerde())
                                .withCachingEnabled())
                .toStream(Named.as("pair-summary-changes"))
                .to(
                        topics.relationPairs().name(),
                        Produced.with(
                                        topics.relationPairs().keySerde(),
                                        topics.relationPairs().valueSerde())
                                .withName("relation-pairs"));
        return builder.build();
    }

    /**
     * Every topic the topology writes Avro to, with its serde: the output topics, the repartition topic and the
     * changelogs (Kafka Streams serializes a store's values under its changelog's name), and {@code reference.actors},
     * which the global store's updates and the actor seeder write under. Registered before the streams start (see
     * {@link io.bilateral.serde.SchemaRegistration}); {@code RelationsTopologyTest} checks that processing needs
     * no other subject.
     */
    public static List<SchemaRegistration.Output> avroOutputs(String applicationId, Topics topics) {
        return List.of(
                SchemaRegistration.Output.values(topics.enrichedArticles()),
                SchemaRegistration.Output.values(topics.relationEvents()),
                SchemaRegistration.Output.values(topics.relationPairs()),
                SchemaRegistration.Output.values(topics.referenceActors()),
                SchemaRegistration.Output.values(
                        applicationId + "-" + BY_PAIR + "-repartition",
                        topics.enrichedArticles().valueSerde()),
                SchemaRegistration.Output.values(
                        applicationId + "-" + CLUSTER_STORE + "-changelog",
                        topics.relationEvents().valueSerde()),
                SchemaRegistration.Output.values(
                        applicationId + "-" + PAIRS_STORE + "-changelog",
                        topics.relationPairs().valueSerde()));
    }

    /** One copy of the article's reports (see {@link #reportsOnly}) keyed by each pair it reports events for. */
    static List<KeyValue<String, EnrichedArticle>> byPair(EnrichedArticle article) {
        List<String> pairs = pairsOf(article);
        if (pairs.isEmpty()) {
            return List.of(); // most articles: no event between two states
        }
        EnrichedArticle reports = reportsOnly(article); // built once, serialised once per pair
        return pairs.stream().map(pair -> KeyValue.pair(pair, reports)).toList();
    }

    /**
     * The article with each named person, organisation, place, country and nationality once: clustering compares
     * the names (who met, where; the country names it leaves out), not where they stand in the text, and the full
     * entity list is most of the bytes of every copy sent through the articles-by-pair repartition topic.
     */
    static EnrichedArticle reportsOnly(EnrichedArticle article) {
        Map<String, EntityMention> names = new LinkedHashMap<>();
        for (EntityMention m : article.getEntities()) {
            if (CLUSTER_ENTITY_TYPES.contains(m.getType())) {
                names.putIfAbsent(m.getText().toLowerCase(Locale.ROOT), m);
            }
        }
        EnrichedArticle reports = Records.shallowCopy(article, EnrichedArticle::new);
        reports.setEntities(new ArrayList<>(names.values()));
        return reports;
    }

    /** The distinct pairs the article reports events for, in text order. */
    static List<String> pairsOf(EnrichedArticle article) {
        Set<String> pairs = new LinkedHashSet<>();
        for (ArticleEvent event : article.getEvents()) {
            pairs.add(event.getPairId());
        }
        return List.copyOf(pairs);
    }
}
