package io.bilateral.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.bilateral.schemas.PairSummary;
import io.bilateral.schemas.RelationshipEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PairSummariesTest {

    private static final Instant NOW = Instant.parse("2021-12-02T00:00:00Z");

    private static RelationshipEvent event(
            String id, String root, int quad, double goldstein, int articles, int version) {
        return RelationshipEvent.newBuilder()
                .setEventId(id)
                .setPairId("IRN-UZB")
                .setActor1Country("IRN")
                .setActor2Country("UZB")
                .setDirected(false)
                .setEventCode(root + "0")
                .setRootCode(root)
                .setQuadClass(quad)
                .setGoldstein(goldstein)
                .setDate(LocalDate.of(2021, 12, 1))
                .setActors(List.of())
                .setThemes(List.of())
                .setTone(0)
                .setSentence("s " + id)
                .setSources(List.of())
                .setNumArticles(articles)
                .setNumSources(articles)
                .setFirstSeen(NOW)
                .setLastUpdated(NOW)
                .setVersion(version)
                .build();
    }

    @Test
    void shouldCountAnUpdatedEventOnceWhenTheOldVersionIsSubtracted() {
        RelationshipEvent v1 = event("e1", "04", 1, 1.0, 1, 1);
        RelationshipEvent v2 = event("e1", "04", 1, 1.0, 3, 2);

        PairSummary s = PairSummaries.add(PairSummaries.empty("IRN-UZB", NOW), v1, NOW);
        s = PairSummaries.add(PairSummaries.subtract(s, v1, NOW), v2, NOW);

        assertThat(s.getEventCount()).isEqualTo(1);
        assertThat(s.getArticleCount()).isEqualTo(3);
        assertThat(s.getCountsByRoot()).containsExactly(Map.entry("04", 1));
        assertThat(s.getGoldsteinSum()).isEqualTo(1.0);
        assertThat(s.getLatestEvents())
                .singleElement()
                .satisfies(d -> assertThat(d.getNumArticles()).isEqualTo(3));
        assertThat(s.getTimeline())
                .singleElement()
                .satisfies(d -> assertThat(d.getEvents()).isEqualTo(1));
    }

    @Test
    void shouldBalanceCooperationAgainstConflict() {
        PairSummary s = PairSummaries.empty("IRN-UZB", NOW);
        s = PairSummaries.add(s, event("e1", "05", 1, 3.5, 1, 1), NOW);
        s = PairSummaries.add(s, event("e2", "06", 2, 6.0, 1, 1), NOW);
        s = PairSummaries.add(s, event("e3", "11", 3, -2.0, 1, 1), NOW);

        assertThat(s.getCooperationCount()).isEqualTo(2);
        assertThat(s.getConflictCount()).isEqualTo(1);
        assertThat(s.getBalance()).isEqualTo(1.0 / 3);
        assertThat(s.getCountryA()).isEqualTo("IRN");
        assertThat(s.getCountryB()).isEqualTo("UZB");
    }

    @Test
    void shouldReturnToEmptyWhenEveryEventIsSubtracted() {
        RelationshipEvent e = event("e1", "11", 3, -2.0, 2, 1);
        PairSummary s = PairSummaries.subtract(PairSummaries.add(PairSummaries.empty("IRN-UZB", NOW), e, NOW), e, NOW);

        assertThat(s.getEventCount()).isZero();
        assertThat(s.getCountsByRoot()).isEmpty();
        assertThat(s.getLatestEvents()).isEmpty();
        assertThat(s.getTimeline()).isEmpty();
        assertThat(s.getBalance()).isZero();
    }

    @Test
    void shouldStartAPairOnItsFirstUpdateAndReplaceThePreviousVersionOnLaterOnes() {
        RelationshipEvent v1 = event("e1", "04", 1, 1.0, 1, 1);
        RelationshipEvent v2 = event("e1", "04", 1, 1.0, 2, 2);

        PairSummary s = PairSummaries.update("IRN-UZB", new EventUpdate(null, v1), null, NOW);
        s = PairSummaries.update("IRN-UZB", new EventUpdate(v1, v2), s, NOW);

        assertThat(s.getPairId()).isEqualTo("IRN-UZB");
        assertThat(s.getEventCount()).isEqualTo(1);
        assertThat(s.getArticleCount()).isEqualTo(2);
    }

    @Test
    void shouldClipLongSentencesInTheLatestEventsSoASummaryStaysBounded() {
        String longSentence = "x".repeat(278) + "\uD83D\uDE00" + "y".repeat(5000);
        RelationshipEvent e = RelationshipEvent.newBuilder(event("e1", "04", 1, 1.0, 1, 1))
                .setSentence(longSentence)
                .build();

        String digest = PairSummaries.add(PairSummaries.empty("IRN-UZB", NOW), e, NOW)
                .getLatestEvents()
                .get(0)
                .getSentence();

        assertThat(digest)
                .hasSizeLessThanOrEqualTo(PairSummaries.SENTENCE_CHARS)
                .endsWith("…");
        assertThat(Character.isHighSurrogate(digest.charAt(digest.length() - 2)))
                .isFalse();
        assertThat(PairSummaries.clip("short")).isEqualTo("short");
    }
}
