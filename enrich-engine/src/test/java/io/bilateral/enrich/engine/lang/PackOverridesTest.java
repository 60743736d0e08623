package io.bilateral.enrich.engine.lang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bilateral.enrich.engine.ArticleInput;
import io.bilateral.enrich.engine.CodedEvent;
import io.bilateral.enrich.engine.RuleBasedEnricher;
import io.bilateral.enrich.engine.kb.TableException;
import io.bilateral.enrich.engine.kb.TableSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An analyst's rules folder replaces a language's tables too: {@code lang/<code>.tsv} as {@code lang/<code>.tsv} and
 * {@code rules/cues/<code>.tsv} as {@code cues/<code>.tsv} (both tables of a language share a file name).
 */
class PackOverridesTest {

    /** Neither the alias nor the verb is in the bundled Russian tables. */
    private static final String TEXT = "Зеландия отчитала Австралию";

    @TempDir
    Path dir;

    private static String bundled(String name) throws IOException {
        try (InputStream in = PackOverridesTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<CodedEvent> events(RuleBasedEnricher engine) {
        return engine.annotate(new ArticleInput("t", TEXT, "", Instant.parse("2026-02-01T00:00:00Z"), null, null, "ru"))
                .events();
    }

    private void write(String file, String content) throws IOException {
        Path p = dir.resolve(file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
    }

    @Test
    void shouldReadALanguagesNamesAndCuesFromTheRulesFolder() throws IOException {
        write("lang/ru.tsv", bundled("lang/ru.tsv") + "COUNTRY\tNZL\tЗеланди*\n");
        write("cues/ru.tsv", bundled("rules/cues/ru.tsv") + "отчитал*\t111\t-2.0\tN\t7\n");

        assertThat(events(RuleBasedEnricher.create(TableSource.bundled()))).isEmpty();
        List<CodedEvent> events = events(RuleBasedEnricher.create(TableSource.withOverrides(dir)));

        assertThat(events)
                .extracting(CodedEvent::actor1, CodedEvent::actor2, CodedEvent::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("NZL", "AUS", "111"));
    }

    @Test
    void shouldKeepTheTwoTablesOfALanguageApart() throws IOException {
        write("lang/fa.tsv", "COUNTRY\tIRN\tایران\n");
        write("cues/fa.tsv", "دیدار\t040\t1.0\tY\t6\n");
        TableSource source = TableSource.withOverrides(dir);

        assertThat(source.override("lang/fa.tsv")).isEqualTo(dir.resolve("lang/fa.tsv"));
        assertThat(source.override("rules/cues/fa.tsv")).isEqualTo(dir.resolve("cues/fa.tsv"));
        assertThat(source.override("rules/cues/ru.tsv")).isNull();
        assertThat(source.override("rules/roles.tsv")).isNull();
    }

    @Test
    void shouldNameTheOverridingFileAndLineOfABadRow() throws IOException {
        write("lang/de.tsv", "COUNTRY\tDEU\tBundesrepublik\nCOUNTRY\tDE\tDeutschland\n");

        assertThatThrownBy(() -> LanguagePack.load(TableSource.withOverrides(dir), "de"))
                .isInstanceOf(TableException.class)
                .hasMessageContaining(dir.resolve("lang/de.tsv") + ":2:")
                .hasMessageContaining("'DE' is no alpha-3 country code");
    }
}
