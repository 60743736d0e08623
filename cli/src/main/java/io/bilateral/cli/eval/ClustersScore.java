package io.bilateral.cli.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bilateral.config.Settings;
import io.bilateral.enrich.config.EnrichConfig;
import io.bilateral.enrich.dictionary.ActorUpdates;
import io.bilateral.enrich.engine.Enricher;
import io.bilateral.enrich.engine.RuleBasedEnricher;
import io.bilateral.enrich.topology.EventClustering;
import io.bilateral.enrich.topology.RelationsTopology;
import io.bilateral.schemas.EventSource;
import io.bilateral.schemas.RawArticle;
import io.bilateral.schemas.RelationshipEvent;
import io.bilateral.topics.Topics;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * Scores the merging of reports into events: runs hand-labelled reports through the production topology (a
 * {@link TopologyTestDriver} with the production serdes over an {@link OfflineSchemaRegistry}, in publication order) and
 * compares the events of {@code relations.events} with the gold happenings.
 *
 * <pre>
 * score --clusters REPORTS.jsonl [--errors]
 * </pre>
 *
 * <p>Lines are {@code {"id","title","body","published"?,"source"?,"happenings":{"AAA-BBB":"h01",…}}} (reports
 * without a publication time are ingested a minute apart in file order): the happening
 * each pair of the report tells as its news. The items are the (report, pair) pairs of the gold; an item's predicted
 * cluster is the event of that pair holding the report (the one with most reports when several do; none: a
 * cluster of its own). B-cubed precision and recall are averaged over the items. A <em>split</em> is a happening-pair
 * whose items are in more than one cluster; a <em>merge</em> is an event holding reports of more than one happening
 * of its pair, counting a report whose gold does not give it that pair (a recalled happening) as its own.
 */
public final class ClustersScore {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** When the reports without a publication time are ingested, a minute apart in file order. */
    private static final Instant UNDATED = Instant.parse("2026-12-01T08:00:00Z");

    /** One gold item: a report of a pair, and the happening it tells. */
    public record Item(String report, String pair, String happening) {

        String key() {
            return report + "|" + pair;
        }

        String happeningPair() {
            return happening + " " + pair;
        }
    }

    /** A predicted event: its id, pair and the reports merged into it. */
    public record Cluster(String eventId, String pair, List<String> reports) {}

    /** The figures of one run. */
    public record Result(
            double precision,
            double recall,
            int items,
            int itemsWithEvent,
            int happeningPairs,
            Map<String, Set<String>> splits,
            Map<String, Set<String>> merges) {

        public double f1() {
            return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }
    }

    private ClustersScore() {}

    /** B-cubed over the gold items, splits and merges, from the predicted events. */
    public static Result score(List<Item> gold, List<Cluster> events) {
        Map<String, Item> goldByKey = new LinkedHashMap<>();
        gold.forEach(i -> goldByKey.put(i.key(), i));
        // item → its predicted cluster: the largest event of its pair that holds it
        Map<String, String> clusterOf = new HashMap<>();
        List<Cluster> bySize = new ArrayList<>(events);
        bySize.sort(Comparator.comparingInt((Cluster c) -> -c.reports().size()).thenComparing(Cluster::eventId));
        for (Cluster c : bySize) {
            for (String report : c.reports()) {
                clusterOf.putIfAbsent(report + "|" + c.pair(), c.eventId());
            }
        }
        Map<String, List<Item>> predicted = new HashMap<>();
        Map<String, List<Item>> truth = new HashMap<>();
        int withEvent = 0;
        for (Item i : gold) {
            String cluster = clusterOf.get(i.key());
            withEvent += cluster == null ? 0 : 1;
            predicted
                    .computeIfAbsent(cluster == null ? "none:" + i.key() : cluster, k -> new ArrayList<>())
                    .add(i);
            truth.computeIfAbsent(i.happeningPair(), k -> new ArrayList<>()).add(i);
        }
        double p = 0;
        double r = 0;
        for (List<Item> cluster : predicted.values()) {
            for (Item i : cluster) {
                long same = cluster.stream()
                        .filter(o -> o.happeningPair().equals(i.happeningPair()))
                        .count();
                p += same / (double) cluster.size();
                r += same / (double) truth.get(i.happeningPair()).size();
            }
        }
        Map<String, Set<String>> splits = new TreeMap<>();
        for (Map.Entry<String, List<Item>> h : truth.entrySet()) {
            Set<String> clusters = new TreeSet<>();
            h.getValue().forEach(i -> clusters.add(clusterOf.getOrDefault(i.key(), "(no event: " + i.report() + ")")));
            if (clusters.size() > 1) {
                splits.put(h.getKey(), clusters);
            }
        }
        Map<String, Set<String>> merges = new TreeMap<>();
        for (Cluster c : events) {
            Set<String> happenings = new TreeSet<>();
            for (String report : c.reports()) {
                Item i = goldByKey.get(report + "|" + c.pair());
                happenings.add(i != null ? i.happening() : "(not the news of " + report + ")");
            }
            if (happenings.size() > 1) {
                merges.put(c.eventId(), happenings);
            }
        }
        int n = Math.max(1, gold.size());
        return new Result(p / n, r / n, gold.size(), withEvent, truth.size(), splits, merges);
    }

    public static int run(String[] args, PrintStream out) throws IOException {
        Path file = null;
        boolean errors = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--clusters" -> file = Path.of(args[++i]);
                case "--errors" -> errors = true;
                default -> {
                    out.println("score: unknown argument '" + args[i] + "'");
                    return 2;
                }
            }
        }
        if (file == null) {
            out.println("usage: score --clusters REPORTS.jsonl [--errors]");
            return 2;
        }
        List<JsonNode> reports = read(file);
        List<Item> gold = new ArrayList<>();
        for (JsonNode j : reports) {
            j.path("happenings")
                    .fields()
                    .forEachRemaining(h -> gold.add(new Item(
                            j.get("id").asText(), h.getKey(), h.getValue().asText())));
        }
        EnrichConfig config = new EnrichConfig(Settings.fromProcess(EnrichConfig.DEFAULTS));
        EventClustering clustering = new EventClustering(
                config.clusteringWindow(), config.clusteringMinSimilarity(), config.clusteringRetention());
        List<RelationshipEvent> events = runTopology(reports, RuleBasedEnricher.fromSettings(out), clustering, config);
        List<Cluster> clusters = events.stream()
                .map(e -> new Cluster(
                        e.getEventId(),
                        e.getPairId(),
                        e.getSources().stream().map(EventSource::getArticleId).toList()))
                .toList();
        Result result = score(gold, clusters);
        out.printf(
                "clusters %s: %d reports, %d (report, pair) items of %d happening-pairs, %d reached an event; %d events%n",
                file.getFileName(),
                reports.size(),
                result.items(),
                result.happeningPairs(),
                result.itemsWithEvent(),
                events.size());
        out.printf("  B-cubed P %.3f  R %.3f  F1 %.3f%n", result.precision(), result.recall(), result.f1());
        out.printf("  split happening-pairs: %d%n", result.splits().size());
        result.splits().forEach((h, cs) -> out.printf("    %s -> %s%n", h, cs));
        out.printf("  events merging happenings: %d%n", result.merges().size());
        result.merges().forEach((e, hs) -> out.printf("    %s <- %s%n", e, hs));
        if (errors) {
            Map<String, String> happeningOf = new HashMap<>();
            gold.forEach(i -> happeningOf.put(i.key(), i.happening()));
            events.stream()
                    .sorted(Comparator.comparing(RelationshipEvent::getPairId)
                            .thenComparing(RelationshipEvent::getDate)
                            .thenComparing(RelationshipEvent::getEventId))
                    .forEach(e -> out.printf(
                            "  %s %s %s %s  %s%n",
                            e.getEventId(),
                            e.getEventCode(),
                            e.getDate(),
                            e.getSources().stream()
                                    .map(s -> s.getArticleId() + "="
                                            + happeningOf.getOrDefault(s.getArticleId() + "|" + e.getPairId(), "-"))
                                    .toList(),
                            e.getSentence().replaceAll("\\s+", " ")));
        }
        return 0;
    }

    /** The latest version of every event after the reports went through the topology in publication order. */
    static List<RelationshipEvent> runTopology(
            List<JsonNode> reports, Enricher enricher, EventClustering clustering, EnrichConfig config) {
        Topics topics = Topics.create(new OfflineSchemaRegistry());
        MovableClock clock = new MovableClock();
        Properties props = new Properties();
        props.putAll(config.streamsProperties());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "score-clusters");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, tempStateDir());
        List<JsonNode> ordered = new ArrayList<>(reports);
        ordered.sort(Comparator.comparing(j -> j.hasNonNull("published") ? published(j) : UNDATED));
        try (TopologyTestDriver driver = new TopologyTestDriver(
                RelationsTopology.build(topics, enricher, ActorUpdates.NONE, clustering, clock), props)) {
            TestInputTopic<String, RawArticle> raw = driver.createInputTopic(
                    topics.rawArticles().name(),
                    topics.rawArticles().keySerde().serializer(),
                    topics.rawArticles().valueSerde().serializer());
            var output = driver.createOutputTopic(
                    topics.relationEvents().name(),
                    topics.relationEvents().keySerde().deserializer(),
                    topics.relationEvents().valueSerde().deserializer());
            for (JsonNode j : ordered) {
                Instant published = j.hasNonNull("published") ? published(j) : null;
                Instant at = published != null ? published : UNDATED.plusSeconds(60L * ordered.indexOf(j));
                clock.now = at;
                String id = j.get("id").asText();
                raw.pipeInput(
                        id,
                        RawArticle.newBuilder()
                                .setId(id)
                                .setTitle(j.path("title").asText(""))
                                .setBody(j.path("body").asText(""))
                                .setSource(
                                        j.hasNonNull("source") ? j.get("source").asText() : null)
                                .setPublished(published)
                                .setIngestedAt(at)
                                .setOrigin("file:score")
                                .build(),
                        at);
            }
            return new ArrayList<>(output.readKeyValuesToMap().values());
        }
    }

    private static Instant published(JsonNode j) {
        return Instant.parse(j.get("published").asText());
    }

    private static String tempStateDir() {
        try {
            return Files.createTempDirectory("score-clusters").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<JsonNode> read(Path file) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        int n = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode j = JSON.readTree(line);
            if (!j.hasNonNull("id") || !j.has("happenings")) {
                throw new IOException(file + ":" + n + ": a report needs \"id\" and \"happenings\"");
            }
            if (!ids.add(j.get("id").asText())) {
                throw new IOException(
                        file + ":" + n + ": duplicate id " + j.get("id").asText());
            }
            lines.add(j);
        }
        return lines;
    }

    /** Processing time that follows the reports, so event times and the retention agree with stream time. */
    private static final class MovableClock extends Clock {
        private Instant now = Instant.EPOCH;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
