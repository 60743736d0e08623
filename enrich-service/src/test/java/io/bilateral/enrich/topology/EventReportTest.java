package io.bilateral.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.bilateral.schemas.ArticleEvent;
import io.bilateral.schemas.EnrichedArticle;
import io.bilateral.schemas.EntityMention;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventReportTest {

    /** Thursday 5 March 2026. */
    private static final Instant THURSDAY = Instant.parse("2026-03-05T12:00:00Z");

    private static ArticleEvent event(String a, String b, String code, String sentence) {
        return ArticleEvent.newBuilder()
                .setPairId(a.compareTo(b) < 0 ? a + "-" + b : b + "-" + a)
                .setActor1Country(a)
                .setActor2Country(b)
                .setDirected(!code.startsWith("04") && !code.startsWith("05"))
                .setEventCode(code)
                .setRootCode(code.substring(0, 2))
                .setQuadClass(code.compareTo("10") >= 0 ? 3 : 1)
                .setGoldstein(1)
                .setSentence(sentence)
                .setActors(List.of())
                .setThemes(List.of())
                .build();
    }

    private static EnrichedArticle article(String title, ArticleEvent... events) {
        return EnrichedArticle.newBuilder()
                .setId("a1")
                .setTitle(title)
                .setPublished(THURSDAY)
                .setIngestedAt(THURSDAY)
                .setEnrichedAt(THURSDAY)
                .setCountries(List.of())
                .setEntities(List.of())
                .setThemes(List.of())
                .setTone(0)
                .setEvents(List.of(events))
                .build();
    }

    @Test
    void shouldFoldASideRemarkIntoTheMainActAsAFacet() {
        EnrichedArticle a = article(
                "Iran and Uzbekistan sign transit memorandum",
                event("IRN", "UZB", "010", "Araghchi said on Thursday that Uzbekistan was a brotherly country."),
                event("IRN", "UZB", "057", "Iran and Uzbekistan signed a transit memorandum in Tashkent."),
                event("UZB", "IRN", "120", "Uzbekistan rejected a request for lower tariffs."));

        List<EventReport> reports = EventReport.forPair(a, "IRN-UZB");

        assertThat(reports).singleElement().satisfies(r -> {
            assertThat(r.event().getEventCode()).isEqualTo("057");
            assertThat(r.facets()).containsExactly("010", "120");
            assertThat(r.day()).isEqualTo(LocalDate.of(2026, 3, 5));
            assertThat(r.participants()).containsExactly("IRN", "UZB");
        });
    }

    @Test
    void shouldNotTakeARecalledHappeningForTheReportsNews() {
        EnrichedArticle a = article(
                "Energy ministers hold talks in Tehran",
                event("IRN", "UZB", "040", "The Iranian and Uzbek energy ministers met in Tehran on Thursday."),
                event("IRN", "UZB", "057", "On Monday, Uzbekistan and Iran signed a transit memorandum."),
                event("IRN", "UZB", "057", "The meeting came three days after the two countries signed a deal."));

        assertThat(EventReport.forPair(a, "IRN-UZB")).singleElement().satisfies(r -> {
            assertThat(r.event().getEventCode()).isEqualTo("040");
            assertThat(r.facets()).isEmpty();
            assertThat(r.terms()).doesNotContain("memorandum");
        });
    }

    @Test
    void shouldGiveNoReportForAPairOnlyRecalledOutsideTheLead() {
        EnrichedArticle a = article(
                "Kazakhstan, Uzbekistan sign railway deal",
                event("KAZ", "UZB", "057", "Kazakhstan and Uzbekistan signed a railway deal on Thursday."),
                event(
                        "KAZ",
                        "KGZ",
                        "040",
                        "Earlier this week the leaders of Kazakhstan and Kyrgyzstan met in Astana."));

        assertThat(EventReport.forPair(a, "KAZ-KGZ")).isEmpty();
        assertThat(EventReport.forPair(a, "KAZ-UZB")).hasSize(1);
    }

    @Test
    void shouldKeepTheLeadEvenWhenItMentionsAnEarlierHappening() {
        EnrichedArticle a = article(
                "Beijing protests to Tokyo",
                event("CHN", "JPN", "140", "China protested to Japan on Thursday, days after the ministers met."));

        assertThat(EventReport.forPair(a, "CHN-JPN"))
                .singleElement()
                .satisfies(r -> assertThat(r.event().getEventCode()).isEqualTo("140"));
    }

    @Test
    void shouldReportAHappeningOfALaterDayOnItsOwn() {
        EnrichedArticle a = article(
                "Ministers meet on Tuesday",
                event("DEU", "POL", "040", "The German and Polish ministers met in Berlin on Tuesday."),
                event("DEU", "POL", "057", "On Thursday the two governments signed a bridges agreement in Warsaw."));

        List<EventReport> reports = EventReport.forPair(a, "DEU-POL");

        assertThat(reports)
                .extracting(EventReport::day)
                .containsExactly(LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 5));
    }

    @Test
    void shouldTakeAllStatesOfTheMainSentenceAsParticipants() {
        String summit = "Kazakhstan, Kyrgyzstan and Uzbekistan signed a water agreement in Astana.";
        EnrichedArticle a = article(
                "Water summit",
                event("KAZ", "KGZ", "057", summit),
                event("KAZ", "UZB", "057", summit),
                event("KGZ", "UZB", "057", summit));

        assertThat(EventReport.forPair(a, "KAZ-UZB"))
                .singleElement()
                .satisfies(r -> assertThat(r.participants()).containsExactly("KAZ", "KGZ", "UZB"));
    }

    @Test
    void shouldTakeTheNamedPeopleAndPlacesButNotTheCountriesNorWhatOnlyTheBackgroundNames() {
        EnrichedArticle a = EnrichedArticle.newBuilder(article(
                        "Energy ministers hold talks",
                        event("IRN", "UZB", "040", "The Iranian and Uzbek ministers met on Thursday."),
                        event("IRN", "UZB", "057", "Earlier this week Iran and Uzbekistan signed a deal in Tashkent.")))
                .setEntities(List.of(
                        new EntityMention("Mirzamahmudov", "PERSON", 0, 1, "UZB", null, null),
                        new EntityMention("Tehran", "LOCATION", 0, 1, "IRN", null, null),
                        new EntityMention("Tashkent", "LOCATION", 0, 1, "UZB", null, null),
                        new EntityMention("Uzbek", "NORP", 0, 1, "UZB", null, null)))
                .build();

        assertThat(EventReport.forPair(a, "IRN-UZB"))
                .singleElement()
                .satisfies(r -> assertThat(r.terms())
                        .contains("mirzamahmudov", "tehran", "minister")
                        .doesNotContain("uzbek", "tashkent", "deal"));
    }

    @Test
    void shouldNotReadAWeekdayWithoutThePublicationTimeOfTheSource() {
        EnrichedArticle a = EnrichedArticle.newBuilder(article(
                        "Security document signed",
                        event("IRN", "UZB", "057", "The document was signed on Monday in Tashkent.")))
                .setPublished(null)
                .build();

        assertThat(EventReport.forPair(a, "IRN-UZB"))
                .singleElement()
                .satisfies(r -> assertThat(r.day()).isEqualTo(LocalDate.of(2026, 3, 5)));
    }

    @ParameterizedTest
    @CsvSource({
        "met on Thursday, 2026-03-05",
        "met on Monday, 2026-03-02",
        "met on Friday, 2026-02-27",
        "Sunday Times said, 2026-03-01",
        "met yesterday,"
    })
    void shouldResolveANamedWeekdayToTheLatestSuchDayNotAfterPublication(String sentence, LocalDate day) {
        assertThat(EventReport.namedDay(sentence, LocalDate.of(2026, 3, 5))).isEqualTo(day);
    }

    @ParameterizedTest
    @CsvSource({"010, 0", "040, 2", "046, 3", "112, 3", "110, 2"})
    void shouldRankAStatementBelowAnActAndASubcodeAboveItsRoot(String code, int specificity) {
        assertThat(EventReport.specificity(code)).isEqualTo(specificity);
    }
}
