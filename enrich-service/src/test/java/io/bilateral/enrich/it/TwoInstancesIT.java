package io.bilateral.enrich.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.bilateral.config.Settings;
import io.bilateral.enrich.engine.RuleBasedEnricher;
import io.bilateral.enrich.topology.ArticleEnricher;
import io.bilateral.enrich.topology.EventReport;
import io.bilateral.schemas.ArticleEvent;
import io.bilateral.schemas.EnrichedArticle;
import io.bilateral.schemas.PairSummary;
import io.bilateral.schemas.RawArticle;
import io.bilateral.schemas.RelationshipEvent;
import io.bilateral.serde.AvroJson;
import io.bilateral.stack.JavaCommand;
import io.bilateral.stack.ManagedProcess;
import io.bilateral.stack.Readiness;
import io.bilateral.testsupport.TestStack;
import io.bilateral.testsupport.TestStackExtension;
import io.bilateral.topics.Topic;
import io.bilateral.topics.TopicTableReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two enrich-service instances share four partitions: one in this JVM, one a real {@code App} process that is killed
 * with SIGKILL mid-stream. The survivor takes over, and the final pair summaries count every report exactly once.
 */
@ExtendWith(TestStackExtension.class)
class TwoInstancesIT {

    private static final Duration DEADLINE = Duration.ofSeconds(150);
    private static final String[][] PAIRS = {
        {"Iran", "Uzbekistan"}, {"Iran", "Tajikistan"}, {"Kazakhstan", "Kyrgyzstan"}, {"Japan", "Vietnam"},
        {"Kenya", "Tanzania"}, {"Chile", "Peru"}, {"Norway", "Sweden"}, {"Egypt", "Jordan"}
    };
    private static final String[] TOPICS = {"trade", "energy", "railway", "education", "customs", "health"};
    static final int ARTICLES = 160;

    @Test
    void shouldCountEveryReportOnceWhenAnInstanceIsKilledMidStream(TestStack shared, @TempDir Path dir)
            throws Exception {
        try (TestStack own = TestStack.start()) { // its own broker: the contract's topic names are fixed
            String appId = "two-instances-" + UUID.randomUUID();
            Map<String, String> fourPartitions = Map.of(
                    "topics.partitions",
                    "4",
                    "kafka.session.timeout.ms",
                    "6000",
                    "kafka.heartbeat.interval.ms",
                    "1000");
            Settings a = EnrichInstance.settings(
                    own.bootstrapServers(), shared.registryUrl(), appId, dir.resolve("a"), fourPartitions);
            Settings b = EnrichInstance.settings(
                    own.bootstrapServers(), shared.registryUrl(), appId, dir.resolve("b"), fourPartitions);
            EnrichInstance.provisionTopics(a);

            ManagedProcess processB = startApp(b, dir);
            try (EnrichInstance instanceA = EnrichInstance.start(a)) {
                assertThat(instanceA.awaitRunning(DEADLINE))
                        .as("instance A running")
                        .isTrue();
                Readiness.of("enrich-service instance B", dir.resolve("b.log"), DEADLINE)
                        .watching(processB.handle())
                        .awaitHttpOk(URI.create("http://127.0.0.1:" + b.string("http.port") + "/readyz"));

                List<RawArticle> articles = articles();
                Map<String, Integer> expected = expectedReports(articles);
                publish(own, instanceA, articles.subList(0, ARTICLES / 2));
                Map<String, PairSummary> halfway = readUntil(
                        own,
                        instanceA.topics.relationPairs(),
                        t -> t.values().stream()
                                        .mapToInt(PairSummary::getArticleCount)
                                        .sum()
                                >= ARTICLES / 4);

                JsonNode gathered = get(instanceA.url("/pairs"));
                assertThat(gathered)
                        .as("A gathers the pairs of both instances")
                        .hasSizeGreaterThanOrEqualTo(halfway.size());
                JsonNode relations = get(instanceA.url("/relations"));
                assertThat(relations)
                        .as("A gathers the figures of both instances' pairs for the dashboard")
                        .hasSizeGreaterThanOrEqualTo(halfway.size());
                for (String pairId : halfway.keySet()) {
                    assertThat(getText(instanceA.url("/pairs/" + pairId + "/events.csv"))
                                    .split("\r\n"))
                            .as("a pair's CSV export comes from its owner, whichever instance is asked")
                            .hasSizeGreaterThan(1);
                    assertThat(get(instanceA.url("/pairs/" + pairId))
                                    .path("pairId")
                                    .asText())
                            .isEqualTo(pairId);
                }

                processB.handle().destroyForcibly();
                assertThat(processB.handle().onExit().get().isAlive()).isFalse();
                publish(own, instanceA, articles.subList(ARTICLES / 2, ARTICLES));

                Map<String, PairSummary> pairs = readUntil(
                        own,
                        instanceA.topics.relationPairs(),
                        t -> expected.entrySet().stream()
                                .allMatch(e -> t.containsKey(e.getKey())
                                        && t.get(e.getKey()).getArticleCount() >= e.getValue()));
                pairs.forEach((pairId, summary) -> assertThat(summary.getArticleCount())
                        .as("reports of %s counted once", pairId)
                        .isEqualTo(expected.get(pairId)));
                Map<String, RelationshipEvent> events = readUntil(
                        own,
                        instanceA.topics.relationEvents(),
                        t -> articlesPerPair(t).equals(expected));
                assertThat(articlesPerPair(events)).isEqualTo(expected);
                System.out.printf(
                        "two instances: %d articles, %d pairs, %d events after the kill%n",
                        ARTICLES, pairs.size(), events.size());
            } finally {
                processB.stop(Duration.ofSeconds(5));
            }
        }
    }

    private static ManagedProcess startApp(Settings settings, Path dir) throws Exception {
        Map<String, String> env = new HashMap<>();
        settings.asMap().forEach((key, value) -> env.put(Settings.environmentVariableFor(key), value));
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return ManagedProcess.start(
                JavaCommand.mainClass("io.bilateral.enrich.App", List.of())
                        .withClasspath(classpath)
                        .withJvmArgs(List.of("-Xmx512m"))
                        .withEnv(env),
                dir.resolve("b.pid"),
                dir.resolve("b.log"));
    }

    /** Articles about eight pairs on different subjects, so they are different happenings but still coded. */
    static List<RawArticle> articles() {
        List<RawArticle> articles = new ArrayList<>();
        Instant day = Instant.parse("2024-05-01T09:00:00Z");
        for (int i = 0; i < ARTICLES; i++) {
            String[] pair = PAIRS[i % PAIRS.length];
            String subject = TOPICS[(i / PAIRS.length) % TOPICS.length];
            String body = pair[0] + " and " + pair[1] + " signed an agreement on " + subject
                    + " cooperation on Monday, the foreign ministers of the two countries said. Report " + i + ".";
            articles.add(RawArticle.newBuilder()
                    .setId("article-" + i)
                    .setTitle(pair[0] + " and " + pair[1] + " sign " + subject + " deal")
                    .setBody(body)
                    .setPublished(day.plus(Duration.ofDays(i / 40)))
                    .setIngestedAt(day)
                    .setSource("Outlet " + (i % 5))
                    .setOrigin("test")
                    .build());
        }
        return articles;
    }

    /** What the pipeline must count: the reports the same engine finds, per pair. */
    static Map<String, Integer> expectedReports(List<RawArticle> articles) {
        ArticleEnricher enricher = new ArticleEnricher(RuleBasedEnricher.create(), Clock.systemUTC());
        Map<String, Integer> expected = new HashMap<>();
        for (RawArticle raw : articles) {
            EnrichedArticle article = enricher.enrich(raw);
            article.getEvents().stream()
                    .map(ArticleEvent::getPairId)
                    .distinct()
                    .forEach(pair -> expected.merge(
                            pair, EventReport.forPair(article, pair).size(), Integer::sum));
        }
        assertThat(expected).as("the engine codes the synthetic articles").hasSizeGreaterThanOrEqualTo(6);
        return expected;
    }

    static Map<String, Integer> articlesPerPair(Map<String, RelationshipEvent> events) {
        Map<String, Integer> counts = new HashMap<>();
        events.values().forEach(e -> counts.merge(e.getPairId(), e.getNumArticles(), Integer::sum));
        return counts;
    }

    static void publish(TestStack stack, EnrichInstance instance, List<RawArticle> articles) {
        Map<String, Object> props = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true);
        Topic<String, RawArticle> raw = instance.topics.rawArticles();
        try (KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(
                props, raw.keySerde().serializer(), raw.valueSerde().serializer())) {
            articles.forEach(a -> producer.send(new ProducerRecord<>(raw.name(), a.getId(), a)));
            producer.flush();
        }
    }

    private static String getText(String url) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", url, response.body()).isEqualTo(200);
        return response.body();
    }

    private static JsonNode get(String url) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", url, response.body()).isEqualTo(200);
        return AvroJson.mapper().readTree(response.body());
    }

    static <V> Map<String, V> readUntil(TestStack stack, Topic<String, V> topic, Predicate<Map<String, V>> done) {
        return new TopicTableReader(Map.of("bootstrap.servers", stack.bootstrapServers()))
                .readUntil(topic, done, DEADLINE, "the expected results");
    }
}
