package io.bilateral.enrich.topology;

import static io.bilateral.enrich.topology.ScriptedEnricher.coded;
import static io.bilateral.enrich.topology.ScriptedEnricher.criticism;
import static io.bilateral.enrich.topology.ScriptedEnricher.meeting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.bilateral.config.Settings;
import io.bilateral.enrich.config.EnrichConfig;
import io.bilateral.enrich.dictionary.ActorUpdates;
import io.bilateral.enrich.engine.CodedEvent;
import io.bilateral.registry.InMemorySchemaRegistry;
import io.bilateral.schemas.EventSource;
import io.bilateral.schemas.PairSummary;
import io.bilateral.schemas.RawArticle;
import io.bilateral.schemas.RelationshipEvent;
import io.bilateral.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RelationsTopologyTest {

    private static final Instant T0 = Instant.parse("2021-12-01T08:00:00Z");
    private static final String SIGNING =
            "Iran and Uzbekistan signed a joint security cooperation document in Tashkent";

    private TopologyTestDriver driver;
    private TestInputTopic<String, RawArticle> raw;
    private TestOutputTopic<String, RelationshipEvent> events;
    private TestOutputTopic<String, PairSummary> pairs;
    private TestOutputTopic<byte[], byte[]> dlq;

    private void start(Map<String, List<CodedEvent>> script) {
        Topics topics = Topics.create(new InMemorySchemaRegistry());
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "relations-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        // the production error handling, so the DLQ path is tested as it runs
        props.putAll(new EnrichConfig(Settings.of(EnrichConfig.DEFAULTS)).streamsProperties());
        driver = new TopologyTestDriver(
                RelationsTopology.build(
                        topics,
                        new ScriptedEnricher(script),
                        ActorUpdates.NONE,
                        new EventClustering(Duration.ofDays(3), 0.2, Duration.ofDays(10)),
                        clock),
                props);
        raw = driver.createInputTopic(
                topics.rawArticles().name(),
                topics.rawArticles().keySerde().serializer(),
                topics.rawArticles().valueSerde().serializer());
        events = driver.createOutputTopic(
                topics.relationEvents().name(),
                topics.relationEvents().keySerde().deserializer(),
                topics.relationEvents().valueSerde().deserializer());
        pairs = driver.createOutputTopic(
                topics.relationPairs().name(),
                topics.relationPairs().keySerde().deserializer(),
                topics.relationPairs().valueSerde().deserializer());
        dlq = driver.createOutputTopic(
                topics.dlq().name(),
                topics.dlq().keySerde().deserializer(),
                topics.dlq().valueSerde().deserializer());
    }

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

    private void publish(String id, String outlet, Instant published) {
        raw.pipeInput(
                id,
                RawArticle.newBuilder()
                        .setId(id)
                        .setTitle("t " + id)
                        .setBody("b")
                        .setSource(outlet)
                        .setPublished(published)
                        .setIngestedAt(published)
                        .setOrigin("test")
                        .build(),
                published);
    }

    @Test
    void shouldMergeReportsOfOneHappeningFromThreeOutletsIntoOneEvent() {
        start(Map.of(
                "a1", List.of(meeting("IRN", "UZB", SIGNING, "Ali Shamkhani")),
                "a2",
                        List.of(meeting(
                                "IRN",
                                "UZB",
                                "Shamkhani met his Uzbek counterpart in Tashkent on security cooperation",
                                "Shamkhani")),
                "a3",
                        List.of(meeting(
                                "UZB",
                                "IRN",
                                "Top security officials of Iran and Uzbekistan signed a security cooperation document",
                                "Viktor Makhmudov"))));
        publish("a1", "Press TV", T0);
        publish("a2", "SNSC", T0.plus(Duration.ofHours(3)));
        publish("a3", "Tehran Times", T0.plus(Duration.ofHours(20)));

        Map<String, RelationshipEvent> latest = events.readKeyValuesToMap();
        assertThat(latest).hasSize(1);
        RelationshipEvent event = latest.values().iterator().next();
        assertThat(event.getPairId()).isEqualTo("IRN-UZB");
        assertThat(event.getNumArticles()).isEqualTo(3);
        assertThat(event.getNumSources()).isEqualTo(3);
        assertThat(event.getVersion()).isEqualTo(3);
        assertThat(event.getSources()).extracting(EventSource::getArticleId).containsExactly("a1", "a2", "a3");
        assertThat(event.getActors())
                .extracting(a -> a.getName())
                .containsExactly("Ali Shamkhani", "Shamkhani", "Viktor Makhmudov");

        Map<String, PairSummary> summaries = pairs.readKeyValuesToMap();
        assertThat(summaries).containsOnlyKeys("IRN-UZB");
        PairSummary summary = summaries.get("IRN-UZB");
        assertThat(summary.getEventCount()).isEqualTo(1);
        assertThat(summary.getArticleCount()).isEqualTo(3);
        assertThat(summary.getCountsByRoot()).containsExactly(Map.entry("04", 1));
        assertThat(summary.getLatestEvents()).hasSize(1);
    }

    @Test
    void shouldWriteAPairSummaryOncePerCommitHoweverManyOfItsEventsChange() {
        // one article, two happenings of one pair on two days (a signing, then a criticism): two events change in
        // one commit (T0 is a Wednesday)
        start(Map.of(
                "a1",
                List.of(
                        meeting("IRN", "UZB", SIGNING + " on Monday"),
                        criticism("UZB", "IRN", "On Wednesday Uzbekistan criticised Iran over the border closure"))));
        publish("a1", "Press TV", T0);

        assertThat(events.readValuesToList()).hasSize(2);
        List<PairSummary> written = pairs.readValuesToList();
        assertThat(written).singleElement().satisfies(summary -> {
            assertThat(summary.getEventCount()).isEqualTo(2);
            assertThat(summary.getCooperationCount()).isEqualTo(1);
            assertThat(summary.getConflictCount()).isEqualTo(1);
        });
    }

    @Test
    void shouldNotCountAnArticleTwiceWhenItIsDeliveredAgain() {
        start(Map.of("a1", List.of(meeting("IRN", "UZB", SIGNING))));
        publish("a1", "Press TV", T0);
        publish("a1", "Press TV", T0);

        List<RelationshipEvent> emitted = events.readValuesToList();
        assertThat(emitted).hasSize(1);
        assertThat(emitted.get(0).getNumArticles()).isEqualTo(1);
        assertThat(pairs.readKeyValuesToMap().get("IRN-UZB").getEventCount()).isEqualTo(1);
    }

    @Test
    void shouldMergeAnOutOfOrderReportAndKeepTheEarliestDay() {
        start(Map.of(
                "late", List.of(meeting("IRN", "UZB", SIGNING)),
                "early", List.of(meeting("IRN", "UZB", "Iran and Uzbekistan signed a security cooperation document"))));
        publish("late", "Outlet A", T0.plus(Duration.ofDays(2)));
        publish("early", "Outlet B", T0);

        Map<String, RelationshipEvent> latest = events.readKeyValuesToMap();
        assertThat(latest).hasSize(1);
        RelationshipEvent event = latest.values().iterator().next();
        assertThat(event.getNumArticles()).isEqualTo(2);
        assertThat(event.getDate()).isEqualTo(LocalDate.of(2021, 12, 1));
        assertThat(pairs.readKeyValuesToMap().get("IRN-UZB").getTimeline())
                .singleElement()
                .satisfies(day -> assertThat(day.getEvents()).isEqualTo(1));
    }

    @Test
    void shouldKeepHappeningsApartWhenTheyAreOutsideTheWindowOrUnrelated() {
        start(Map.of(
                "first", List.of(meeting("IRN", "UZB", SIGNING)),
                "weekLater", List.of(meeting("IRN", "UZB", SIGNING)),
                "unrelated",
                        List.of(meeting(
                                "IRN", "UZB", "Railway freight tariffs were discussed by transport ministers"))));
        publish("first", "A", T0);
        publish("weekLater", "A", T0.plus(Duration.ofDays(7)));
        publish("unrelated", "B", T0);

        assertThat(events.readKeyValuesToMap()).hasSize(3);
        PairSummary summary = pairs.readKeyValuesToMap().get("IRN-UZB");
        assertThat(summary.getEventCount()).isEqualTo(3);
        assertThat(summary.getArticleCount()).isEqualTo(3);
    }

    @Test
    void shouldGiveACriticismOfAThirdCountryItsOwnDirectedEventAndPair() {
        start(Map.of(
                "a1",
                List.of(
                        meeting("IRN", "TJK", "The Iranian chief of staff met the Tajik defence minister"),
                        criticism("IRN", "USA", "Iran blamed irresponsible US policies for the unrest"))));
        publish("a1", "Iran Press", T0);

        Map<String, RelationshipEvent> latest = events.readKeyValuesToMap();
        assertThat(latest.values())
                .extracting(RelationshipEvent::getPairId)
                .containsExactlyInAnyOrder("IRN-TJK", "IRN-USA");
        RelationshipEvent criticism = latest.values().stream()
                .filter(e -> e.getPairId().equals("IRN-USA"))
                .findFirst()
                .orElseThrow();
        assertThat(criticism.getDirected()).isTrue();
        assertThat(criticism.getActor1Country()).isEqualTo("IRN");
        Map<String, PairSummary> summaries = pairs.readKeyValuesToMap();
        assertThat(summaries.get("IRN-USA").getConflictCount()).isEqualTo(1);
        assertThat(summaries.get("IRN-TJK").getCooperationCount()).isEqualTo(1);
    }

    @Test
    void shouldFoldASideRemarkIntoTheReportsEventAsAFacet() {
        start(Map.of(
                "a1",
                List.of(
                        coded("IRN", "UZB", "057", "Iran and Uzbekistan signed a transit memorandum in Tashkent"),
                        coded("IRN", "UZB", "010", "Araghchi said Uzbekistan was a brotherly country", "Araghchi"))));
        publish("a1", "Kun.uz", T0);

        assertThat(events.readKeyValuesToMap().values()).singleElement().satisfies(e -> {
            assertThat(e.getEventCode()).isEqualTo("057");
            assertThat(e.getFacets()).containsExactly("010");
        });
        assertThat(pairs.readKeyValuesToMap().get("IRN-UZB").getEventCount()).isEqualTo(1);
    }

    @Test
    void shouldMergeOutletsThatCodeOneMeetingAsARejectionAndAsAMeetingWithTheCodeMostGive() {
        start(Map.of(
                "kyodo",
                        List.of(coded(
                                "JPN",
                                "CHN",
                                "040",
                                "Iwaya met Wang Yi in Beijing on the seafood ban",
                                "Takeshi Iwaya",
                                "Wang Yi")),
                "globalTimes",
                        List.of(coded(
                                "CHN",
                                "JPN",
                                "120",
                                "China rejected the Japanese demand to lift the seafood ban, Wang Yi told Iwaya in"
                                        + " Beijing",
                                "Wang Yi")),
                "xinhua",
                        List.of(coded(
                                "CHN",
                                "JPN",
                                "040",
                                "Wang Yi held talks with Takeshi Iwaya in Beijing on seafood imports",
                                "Wang Yi",
                                "Takeshi Iwaya"))));
        publish("kyodo", "Kyodo", T0);
        publish("globalTimes", "Global Times", T0.plus(Duration.ofHours(2)));
        publish("xinhua", "Xinhua", T0.plus(Duration.ofHours(3)));

        Map<String, RelationshipEvent> latest = events.readKeyValuesToMap();
        assertThat(latest).hasSize(1);
        RelationshipEvent event = latest.values().iterator().next();
        assertThat(event.getNumArticles()).isEqualTo(3);
        assertThat(event.getEventCode()).isEqualTo("040");
        assertThat(event.getQuadClass()).isEqualTo(1);
        assertThat(event.getFacets()).containsExactly("120");
        assertThat(event.getSources()).extracting(EventSource::getEventCode).containsExactly("040", "120", "040");
        PairSummary summary = pairs.readKeyValuesToMap().get("CHN-JPN");
        assertThat(summary.getEventCount()).isEqualTo(1);
        assertThat(summary.getCooperationCount()).isEqualTo(1);
        assertThat(summary.getConflictCount()).isZero();
    }

    @Test
    void shouldNotAttachAReportToTheEarlierHappeningItRecalls() {
        Instant monday = Instant.parse("2021-11-29T10:00:00Z");
        Instant thursday = Instant.parse("2021-12-02T10:00:00Z");
        start(Map.of(
                "monday",
                        List.of(coded(
                                "IRN", "UZB", "057", "Iran and Uzbekistan signed a transit memorandum in Tashkent")),
                "thursday",
                        List.of(
                                coded(
                                        "IRN",
                                        "UZB",
                                        "040",
                                        "The Iranian and Uzbek energy ministers held gas swap talks in Tehran on"
                                                + " Thursday"),
                                coded(
                                        "IRN",
                                        "UZB",
                                        "057",
                                        "On Monday, Iran and Uzbekistan signed a transit memorandum in Tashkent"))));
        publish("monday", "A", monday);
        publish("thursday", "B", thursday);

        Map<String, RelationshipEvent> latest = events.readKeyValuesToMap();
        assertThat(latest.values())
                .extracting(
                        RelationshipEvent::getEventCode,
                        e -> e.getSources().get(0).getArticleId(),
                        e -> e.getNumArticles())
                .containsExactlyInAnyOrder(tuple("057", "monday", 1), tuple("040", "thursday", 1));
    }

    @Test
    void shouldKeepATrilateralSummitApartFromABilateralMeetingOfTwoOfItsMembers() {
        String summit = "Tokayev, Japarov and Mirziyoyev signed a water agreement at their Astana summit";
        Instant monday = Instant.parse("2021-11-29T10:00:00Z");
        start(Map.of(
                "summit",
                        List.of(
                                coded("KAZ", "KGZ", "057", summit, "Tokayev", "Japarov", "Mirziyoyev"),
                                coded("KAZ", "UZB", "057", summit, "Tokayev", "Japarov", "Mirziyoyev"),
                                coded("KGZ", "UZB", "057", summit, "Tokayev", "Japarov", "Mirziyoyev")),
                "visit",
                        List.of(coded(
                                "KAZ",
                                "UZB",
                                "057",
                                "Tokayev and Mirziyoyev signed a railway agreement in Tashkent",
                                "Tokayev",
                                "Mirziyoyev"))));
        publish("summit", "A", monday);
        publish("visit", "B", monday.plus(Duration.ofDays(3)));

        Map<String, RelationshipEvent> latest = events.readKeyValuesToMap();
        assertThat(latest.values())
                .filteredOn(e -> e.getPairId().equals("KAZ-UZB"))
                .hasSize(2);
        assertThat(latest.values())
                .filteredOn(e -> e.getPairId().equals("KAZ-UZB") && e.getNumArticles() == 1)
                .extracting(RelationshipEvent::getParticipants)
                .containsExactlyInAnyOrder(List.of("KAZ", "KGZ", "UZB"), List.of("KAZ", "UZB"));
    }

    @Test
    void shouldStopMergingIntoAnEventNotReportedForLongerThanTheRetention() {
        start(Map.of(
                "first", List.of(meeting("IRN", "UZB", SIGNING)),
                "elsewhere", List.of(meeting("CHL", "PER", "Chile and Peru signed a fisheries accord")),
                "straggler", List.of(meeting("IRN", "UZB", SIGNING))));
        publish("first", "A", T0);
        publish("elsewhere", "B", T0.plus(Duration.ofDays(11))); // stream time passes the retention: evicted
        raw.pipeInput(
                "straggler",
                RawArticle.newBuilder()
                        .setId("straggler")
                        .setTitle("t")
                        .setBody("b")
                        .setSource("C")
                        .setPublished(T0)
                        .setIngestedAt(T0)
                        .setOrigin("test")
                        .build(),
                T0.plus(Duration.ofDays(11)));

        Map<String, RelationshipEvent> latest = events.readKeyValuesToMap();
        assertThat(latest.values())
                .filteredOn(e -> e.getPairId().equals("IRN-UZB"))
                .hasSize(2)
                .allSatisfy(e -> assertThat(e.getNumArticles()).isEqualTo(1));
    }

    @Test
    void shouldWriteNothingForAnArticleWithoutEvents() {
        start(Map.of("quiet", List.of()));
        publish("quiet", "A", T0);

        assertThat(events.isEmpty()).isTrue();
        assertThat(pairs.isEmpty()).isTrue();
    }

    @Test
    void shouldSendAnArticleThatFailsEnrichmentToTheDlqWithItsReasonAndGoOn() {
        start(Map.of("good", List.of(meeting("IRN", "UZB", SIGNING))));
        raw.pipeInput(
                "bad",
                RawArticle.newBuilder()
                        .setId("bad")
                        .setTitle("FAIL")
                        .setBody("b")
                        .setIngestedAt(T0)
                        .setOrigin("test")
                        .build(),
                T0);
        publish("good", "A", T0);

        List<TestRecord<byte[], byte[]>> dead = dlq.readRecordsToList();
        assertThat(dead).hasSize(1);
        assertThat(new String(dead.get(0).key(), StandardCharsets.UTF_8)).isEqualTo("bad");
        assertThat(header(dead.get(0), "__streams.errors.message")).contains("scripted failure for article bad");
        assertThat(header(dead.get(0), "__streams.errors.topic")).isEqualTo("news.articles.raw");
        assertThat(events.readKeyValuesToMap()).hasSize(1);
    }

    /** The DLQ record of a deserialization failure is written by the consumer path, which the IT covers on a broker. */
    @Test
    void shouldSkipARecordThatIsNotAvroAndGoOn() {
        start(Map.of("good", List.of(meeting("IRN", "UZB", SIGNING))));
        driver.createInputTopic("news.articles.raw", new StringSerializer(), new StringSerializer())
                .pipeInput("poison", "not avro", T0);
        publish("good", "A", T0);

        assertThat(events.readKeyValuesToMap()).hasSize(1);
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header " + name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
