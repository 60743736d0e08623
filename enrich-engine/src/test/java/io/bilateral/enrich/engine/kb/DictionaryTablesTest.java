package io.bilateral.enrich.engine.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the dictionary's tables merge rows that describe the same actor. The names here are made up. */
class DictionaryTablesTest {

    @TempDir
    Path dir;

    /** Replaces bundled table {@code name} ("kb/actors.tsv"): the rules folder holds its copy by file name. */
    private void table(String name, String... rows) throws IOException {
        Path file = dir.resolve(Path.of(name).getFileName());
        Files.writeString(file, String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
    }

    private KnowledgeBase load() {
        return KnowledgeBase.load(TableSource.withOverrides(dir));
    }

    @Test
    void shouldAddAHandWrittenRowsNamesToTheGeneratedEntryOfTheSameId() throws IOException {
        table("kb/actors.tsv", "country:UZB\tCOUNTRY\tUZB\t-\tUzbekistan\tUzbekia");

        DictionaryEntry uzbekistan = load().byId("country:UZB");

        assertThat(uzbekistan.aliases()).contains("Uzbekia", "Republic of Uzbekistan");
        assertThat(uzbekistan.country()).isEqualTo("UZB");
    }

    @Test
    void shouldJoinAnOfficeHolderToThePersonOfTheSameFullName() throws IOException {
        table("kb/actors.tsv", "person:zorbel-quintaro\tPERSON\tUZB\t-\tZorbel Quintaro\t-");
        table(
                "kb/officials-since-2015.tsv",
                "person:z-quintaro\tZorbel Quintaro\tQuintaro\tUZB\tforeign minister\t2019-01-01\t-\ttest\t-");

        KnowledgeBase kb = load();

        assertThat(kb.byId("person:z-quintaro")).isNull();
        DictionaryEntry person = kb.byId("person:zorbel-quintaro");
        assertThat(person.role()).isEqualTo("foreign minister");
        assertThat(person.aliases()).contains("Quintaro");
        assertThat(kb.officials().terms("person:zorbel-quintaro")).hasSize(1);
    }

    @Test
    void shouldTakeTheCountryAwayFromAnActorThatAGroupTableNamesNonState() throws IOException {
        table("kb/actors.tsv", "org:northland-front\tORGANIZATION\tIRN\t-\tNorthland Front\t-");
        table("kb/groups-own.tsv", "org:northland-front\tNorthland Liberal Front\tNLF\tarmed group\ttest");

        DictionaryEntry group = load().byId("org:northland-front");

        assertThat(group.name()).isEqualTo("Northland Front");
        assertThat(group.aliases()).contains("Northland Liberal Front", "NLF");
        assertThat(group.country()).isNull();
        assertThat(KnowledgeBase.nonState(group)).isTrue();
    }

    @Test
    void shouldGiveADemonymItsPluralOnlyWhenItTakesOne() {
        KnowledgeBase kb = KnowledgeBase.load(TableSource.bundled());

        assertThat(kb.byId("norp:IRN").aliases()).contains("Iranians");
        assertThat(kb.byId("norp:CHE").aliases()).noneMatch(a -> a.startsWith("Swiss") && a.length() > 5);
    }
}
