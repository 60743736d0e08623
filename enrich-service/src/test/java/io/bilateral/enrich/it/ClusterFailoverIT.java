package io.bilateral.enrich.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.bilateral.config.Settings;
import io.bilateral.schemas.PairSummary;
import io.bilateral.schemas.RawArticle;
import io.bilateral.schemas.RelationshipEvent;
import io.bilateral.testsupport.TestStack;
import io.bilateral.testsupport.TestStackExtension;
import io.bilateral.topics.TopicNames;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three brokers (replication 3, min.insync.replicas 2), six partitions, three enrich-service instances. Mid-stream the
 * leader of a {@code relations.pairs} partition stops and one instance crashes; the final pair summaries and events
 * still count every report exactly once.
 */
@ExtendWith(TestStackExtension.class)
class ClusterFailoverIT {

    private static final Duration DEADLINE = Duration.ofSeconds(180);
    private static final int ARTICLES = TwoInstancesIT.ARTICLES;

    @Test
    void shouldCountEveryReportOnceWhenAPartitionLeaderAndAnInstanceFailMidStream(TestStack shared, @TempDir Path dir)
            throws Exception {
        try (TestStack cluster = TestStack.startCluster(3)) {
            String appId = "cluster-failover-" + UUID.randomUUID();
            Map<String, String> sixPartitionsThreeReplicas = Map.of(
                    "topics.partitions", "6",
                    "topics.replication.factor", "3",
                    "topics.min.insync.replicas", "2",
                    "kafka.replication.factor", "3",
                    "kafka.session.timeout.ms", "6000",
                    "kafka.heartbeat.interval.ms", "1000");
            List<Settings> settings = new ArrayList<>();
            for (String name : List.of("a", "b", "c")) {
                settings.add(EnrichInstance.settings(
                        cluster.bootstrapServers(),
                        shared.registryUrl(),
                        appId,
                        dir.resolve(name),
                        sixPartitionsThreeReplicas));
            }
            EnrichInstance.provisionTopics(settings.get(0));

            List<EnrichInstance> running = new ArrayList<>();
            try {
                running.addAll(startTogether(settings));
                for (EnrichInstance instance : running) {
                    assertThat(instance.awaitRunning(DEADLINE))
                            .as("instance running")
                            .isTrue();
                }
                EnrichInstance survivor = running.get(0);
                List<RawArticle> articles = TwoInstancesIT.articles();
                Map<String, Integer> expected = TwoInstancesIT.expectedReports(articles);

                TwoInstancesIT.publish(cluster, survivor, articles.subList(0, ARTICLES / 2));
                TwoInstancesIT.readUntil(
                        cluster,
                        survivor.topics.relationPairs(),
                        t -> t.values().stream()
                                        .mapToInt(PairSummary::getArticleCount)
                                        .sum()
                                >= ARTICLES / 4);

                int leader = leaderOf(cluster, TopicNames.RELATION_PAIRS);
                cluster.stopBroker(leader);
                EnrichInstance crashed = running.remove(2);
                crashed.crash();
                TwoInstancesIT.publish(cluster, survivor, articles.subList(ARTICLES / 2, ARTICLES));

                Map<String, PairSummary> pairs = TwoInstancesIT.readUntil(
                        cluster,
                        survivor.topics.relationPairs(),
                        t -> expected.entrySet().stream()
                                .allMatch(e -> t.containsKey(e.getKey())
                                        && t.get(e.getKey()).getArticleCount() >= e.getValue()));
                pairs.forEach((pairId, summary) -> assertThat(summary.getArticleCount())
                        .as("reports of %s counted once", pairId)
                        .isEqualTo(expected.get(pairId)));
                Map<String, RelationshipEvent> events = TwoInstancesIT.readUntil(
                        cluster,
                        survivor.topics.relationEvents(),
                        t -> TwoInstancesIT.articlesPerPair(t).equals(expected));
                assertThat(TwoInstancesIT.articlesPerPair(events)).isEqualTo(expected);
                System.out.printf(
                        "three brokers, three instances: broker %d and one instance stopped mid-stream; %d articles,"
                                + " %d pairs, %d events%n",
                        leader, ARTICLES, pairs.size(), events.size());
            } finally {
                running.forEach(EnrichInstance::close);
            }
        }
    }

    /**
     * Starts one instance per settings at the same moment, as a deployment does: they register the same new subjects
     * (the internal topics of a new application id) at once, the race Apicurio on H2 answers 409 or 500 to.
     */
    private static List<EnrichInstance> startTogether(List<Settings> settings) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(settings.size());
        try {
            List<Future<EnrichInstance>> starting = new ArrayList<>();
            for (Settings s : settings) {
                starting.add(pool.submit(() -> EnrichInstance.start(s)));
            }
            // wait for every start before judging, so an instance that started is closed when another failed
            List<EnrichInstance> started = new ArrayList<>();
            Exception failure = null;
            for (Future<EnrichInstance> instance : starting) {
                try {
                    started.add(instance.get(DEADLINE.toSeconds(), TimeUnit.SECONDS));
                } catch (ExecutionException | TimeoutException e) {
                    failure = failure == null ? e : failure;
                }
            }
            if (failure != null) {
                started.forEach(EnrichInstance::close);
                throw failure;
            }
            return started;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The broker leading partition 0 of {@code topic}. */
    private static int leaderOf(TestStack cluster, String topic) throws Exception {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
            return admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get()
                    .get(topic)
                    .partitions()
                    .get(0)
                    .leader()
                    .id();
        }
    }
}
