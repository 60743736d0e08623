package io.bilateral.enrich.engine.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bilateral.enrich.engine.Annotation;
import io.bilateral.enrich.engine.ArticleInput;
import io.bilateral.enrich.engine.CodedEvent;
import io.bilateral.enrich.engine.RuleBasedEnricher;
import io.bilateral.enrich.engine.lang.LanguagePack;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one table loader: every bundled table loads, a bad row names its file, line and column, a folder overrides. */
class TablesTest {

    /** Every table the engine reads; a new table file must be added here and to a loader. */
    private static final Set<String> TABLES = Set.of(
            "kb/actors.tsv",
            "kb/armed-groups.tsv",
            "kb/english-words.txt",
            "kb/geo-countries.tsv",
            "kb/geo-places.tsv",
            "kb/groups-own.tsv",
            "kb/international-orgs.tsv",
            "kb/names-cldr.tsv",
            "kb/officials-since-2015.tsv",
            "kb/officials.tsv",
            "kb/organizations.tsv",
            "kb/person-names.tsv",
            "rules/abbreviations.txt",
            "rules/ambiguity.tsv",
            "rules/boilerplate.tsv",
            "rules/cameo-codes.tsv",
            "rules/cameo-cues.tsv",
            "rules/currencies.tsv",
            "rules/discards.tsv",
            "rules/event-cues.tsv",
            "rules/exchange-codes.tsv",
            "rules/goldstein.tsv",
            "rules/legal-forms.tsv",
            "rules/name-words.tsv",
            "rules/roles.tsv",
            "rules/territories.tsv",
            "rules/themes.tsv",
            "rules/topic-context.tsv",
            "lang/ar.tsv",
            "lang/de.tsv",
            "lang/es.tsv",
            "lang/fa.tsv",
            "lang/fr.tsv",
            "lang/ru.tsv",
            "lang/zh.tsv",
            "rules/cues/ar.tsv",
            "rules/cues/de.tsv",
            "rules/cues/es.tsv",
            "rules/cues/fa.tsv",
            "rules/cues/fr.tsv",
            "rules/cues/ru.tsv",
            "rules/cues/zh.tsv");

    @TempDir
    Path dir;

    @Test
    void shouldLoadEveryBundledTable() {
        TableSource bundled = TableSource.bundled();
        assertThat(RuleTables.load(bundled).cues).isNotEmpty();
        assertThat(KnowledgeBase.load(bundled).size()).isGreaterThan(1000);
        assertThat(NameLexicon.load(bundled).givenNames.size()).isGreaterThan(1000);
        for (String language : LanguagePack.SUPPORTED) {
            assertThat(LanguagePack.of(language).lexicon().cues()).as(language).isNotEmpty();
        }
    }

    @Test
    void shouldKnowEveryBundledTableFile() throws IOException, URISyntaxException {
        Set<String> files = new TreeSet<>();
        for (String folder : List.of("kb", "rules", "lang")) {
            Path p = Path.of(
                    TablesTest.class.getClassLoader().getResource(folder).toURI());
            try (Stream<Path> s = Files.walk(p)) {
                s.filter(Files::isRegularFile)
                        .map(f -> folder + "/" + p.relativize(f).toString().replace('\\', '/'))
                        .filter(f -> !f.contains("/LICENSE"))
                        .forEach(files::add);
            }
        }
        assertThat(files).isEqualTo(new TreeSet<>(TABLES));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "roles.tsv | minister  PERSON | roles.tsv:2: column 2: expected 2 tab-separated columns, found 1 (spaces instead of a tab?)",
                "roles.tsv | minister\tPERSN | roles.tsv:2: column 2: unknown value 'PERSN', expected one of [PERSON, GROUP, BUSINESS, SELF]",
                "roles.tsv | Minister\tPERSON | roles.tsv:2: column 1: 'Minister' must be written in lower case",
                "event-cues.tsv | hail\t999\t3.4\tN\t5 | event-cues.tsv:2: column 2: '999' is no CAMEO event code (rules/cameo-codes.tsv lists them)",
                "event-cues.tsv | hail\t051\t12.5\tN\t5 | event-cues.tsv:2: column 3: Goldstein 12.5 is outside -10..10",
                "event-cues.tsv | hail\t051\tmuch\tN\t5 | event-cues.tsv:2: column 3: Goldstein 'much' is no number",
                "event-cues.tsv | hail\t051\t3.4\tyes\t5 | event-cues.tsv:2: column 4: 'yes' is neither Y nor N",
                "boilerplate.tsv | LINE\t^(Share\tshare buttons\t- | boilerplate.tsv:2: column 2: bad regular expression: Unclosed group near index 7",
                "topic-context.tsv | PREPOSITION\tin | topic-context.tsv:2: column 1: unknown value 'PREPOSITION', expected one of [PREP, NOUN_WITH, POSSESSED, VENUE, NAMED_AFTER]",
                "exchange-codes.tsv | L\tUK | exchange-codes.tsv:2: column 2: 'UK' is no alpha-3 country code (three capital letters, e.g. IRN)",
                "actors.tsv | org:x\tCLUB\t-\t-\tX\t- | actors.tsv:2: column 2: unknown value 'CLUB', expected one of [COUNTRY, NORP, LOCATION, ORGANIZATION, INSTITUTION, PERSON]",
                "officials-since-2015.tsv | person:x\tX\t-\tUSA\tforeign minister\t2021-13-01\t-\ts\t- | officials-since-2015.tsv:2: column 6: '2021-13-01' is no ISO date (YYYY-MM-DD) or '-'",
                "officials-since-2015.tsv | person:x\tX\t-\tUS\tforeign minister\t2021-02-01\t-\ts\t- | officials-since-2015.tsv:2: column 4: 'US' is no alpha-3 country code (three capital letters, e.g. IRN)",
                "officials-since-2015.tsv | person:x\tX\t-\tUSA\tforeign minister\t2021-02-01\t2020-01-01\ts\t- | officials-since-2015.tsv:2: column 7: term ends (2020-01-01) before it starts (2021-02-01)",
                "officials.tsv | org:x\tX\t-\tUSA\tGOV\t-\t-\ts\t- | officials.tsv:2: column 1: 'org:x' is no person id (person:...)",
                "groups-own.tsv | org:x\tX\t-\tmilitia\ts | groups-own.tsv:2: column 4: unknown value 'militia', expected one of [armed group, international organization]",
                "armed-groups.tsv | org:x\tX\t-\tarmed group | armed-groups.tsv:2: column 5: expected 5 tab-separated columns, found 4",
                "ambiguity.tsv | Chad\tNOT_A_PERSON\t- | ambiguity.tsv:2: column 2: unknown value 'NOT_A_PERSON', expected one of [NOT_PERSON, NOT_BEFORE, ALT_CONTEXT]"
            })
    void shouldRejectABadRowWithItsFileLineAndColumn(String file, String row, String message) throws IOException {
        Files.writeString(
                dir.resolve(file), "# a comment line\n" + row.replace("\\t", "\t") + "\n", StandardCharsets.UTF_8);
        TableSource source = TableSource.withOverrides(dir);
        assertThatThrownBy(() -> RuleBasedEnricher.create(source))
                .isInstanceOf(TableException.class)
                .hasMessage(dir.resolve(file) + message.substring(file.length()));
    }

    /** The README's "add a verb" recipe, its line as written there. */
    @Test
    void shouldCodeAVerbAddedInTheRulesFolder() throws IOException {
        String sentence = "Iran upbraided Uzbekistan over the border closure.";
        assertThat(events(RuleBasedEnricher.create(TableSource.bundled()), sentence))
                .isEmpty();
        Files.writeString(
                dir.resolve("event-cues.tsv"), bundled("rules/event-cues.tsv") + "upbraid*\t111\t-2.0\tN\t9\n");
        List<CodedEvent> events = events(RuleBasedEnricher.create(TableSource.withOverrides(dir)), sentence);
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo("111");
            assertThat(e.actor1()).isEqualTo("IRN");
            assertThat(e.actor2()).isEqualTo("UZB");
        });
    }

    /** The README's "add an actor" recipe, its row as written there. */
    @Test
    void shouldAttributeAnActorAddedInTheRulesFolderToItsCountry() throws IOException {
        String body = "The Ministry of Foreign Affairs of Iran condemned Azerbaijan on Monday.";
        assertThat(RuleBasedEnricher.create(TableSource.bundled())
                        .annotate(new ArticleInput("t", "", body, null, null, null))
                        .entities())
                .noneMatch(e -> "inst:irn-mfa".equals(e.actorId()));
        Files.writeString(
                dir.resolve("actors.tsv"),
                bundled("kb/actors.tsv")
                        + "inst:irn-mfa\tINSTITUTION\tIRN\t-\tMinistry of Foreign Affairs of Iran\tIranian Foreign Ministry\n");
        Annotation a = RuleBasedEnricher.create(TableSource.withOverrides(dir))
                .annotate(new ArticleInput("t", "", body, null, null, null));
        assertThat(a.entities())
                .filteredOn(e -> "inst:irn-mfa".equals(e.actorId()))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.text()).isEqualTo("Ministry of Foreign Affairs of Iran");
                    assertThat(e.country()).isEqualTo("IRN");
                });
    }

    /** The README's "add a role" recipe: a consul becomes a person who acts for the state named before it. */
    @Test
    void shouldMakeAnActorOfARoleAddedInTheRulesFolder() throws IOException {
        String sentence = "The Iranian consul met the Uzbek consul in Samarkand on Monday.";
        assertThat(events(RuleBasedEnricher.create(TableSource.bundled()), sentence))
                .isEmpty();
        Files.writeString(dir.resolve("roles.tsv"), bundled("rules/roles.tsv") + "consul\tPERSON\n");
        assertThat(events(RuleBasedEnricher.create(TableSource.withOverrides(dir)), sentence))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.code()).isEqualTo("040");
                    assertThat(e.pairId()).isEqualTo("IRN-UZB");
                });
    }

    @Test
    void shouldReadTheRulesFolderFromTheSetting() {
        String before = System.getProperty(TableSource.SETTING);
        System.setProperty(TableSource.SETTING, dir.toString());
        try {
            assertThat(TableSource.fromSettings().toString()).endsWith(dir.toString());
            System.setProperty(TableSource.SETTING, dir.resolve("missing").toString());
            assertThatThrownBy(TableSource::fromSettings).hasMessageContaining("is not a folder");
        } finally {
            if (before == null) {
                System.clearProperty(TableSource.SETTING);
            } else {
                System.setProperty(TableSource.SETTING, before);
            }
        }
    }

    private static List<CodedEvent> events(RuleBasedEnricher engine, String body) {
        return engine.annotate(new ArticleInput("t", "", body, null, null, null))
                .events();
    }

    private static String bundled(String name) throws IOException {
        try (InputStream in = TablesTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
