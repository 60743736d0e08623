package io.bilateral.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bilateral.schemas.RawArticle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusTest {

    private static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");

    private static Corpus twoArticles() {
        return new Corpus(
                List.of(
                        new Corpus.Base(
                                "a",
                                "Iran and Uzbekistan sign",
                                "Iran and Uzbekistan signed a deal.",
                                "Outlet A",
                                Instant.parse("2024-05-01T00:00:00Z")),
                        new Corpus.Base(
                                "b", "Chile and Peru meet", "Chile and Peru met.", null, Corpus.DEFAULT_PUBLISHED)),
                "test");
    }

    @Test
    void shouldGiveEveryCopyANewIdAndASlightlyDifferentText() {
        Corpus corpus = twoArticles();
        Set<String> ids = new HashSet<>();
        Set<String> bodies = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            RawArticle copy = corpus.copy(i, NOW);
            ids.add(copy.getId());
            bodies.add(copy.getBody());
        }

        assertThat(ids).hasSize(10);
        assertThat(bodies).hasSize(10);
        RawArticle third = corpus.copy(2, NOW);
        assertThat(third.getBody()).startsWith("Iran and Uzbekistan signed a deal.");
        assertThat(third.getTitle()).isEqualTo("Iran and Uzbekistan sign");
        assertThat(third.getSource()).isEqualTo("Outlet A");
        assertThat(third.getIngestedAt()).isEqualTo(NOW);
    }

    @Test
    void shouldGiveEveryCopyTheLanguageTheIngestServiceWouldHaveDetected() {
        Corpus corpus = new Corpus(
                List.of(
                        new Corpus.Base(
                                "en",
                                "Iran and Uzbekistan sign a security agreement",
                                "The foreign ministers of Iran and Uzbekistan signed a security agreement in Tashkent.",
                                null,
                                Corpus.DEFAULT_PUBLISHED),
                        new Corpus.Base(
                                "ru",
                                "Иран и Узбекистан подписали соглашение",
                                "Министры иностранных дел Ирана и Узбекистана подписали соглашение в Ташкенте.",
                                null,
                                Corpus.DEFAULT_PUBLISHED)),
                "test");

        assertThat(corpus.copy(0, NOW).getLanguage()).isEqualTo("en");
        assertThat(corpus.copy(1, NOW).getLanguage()).isEqualTo("ru");
        assertThat(corpus.copy(3, NOW).getLanguage()).isEqualTo("ru");
    }

    @Test
    void shouldMoveEachPassOverTheCorpusBeyondTheClusteringWindow() {
        Corpus corpus = twoArticles();

        assertThat(corpus.copy(0, NOW).getPublished()).isEqualTo(Instant.parse("2024-05-01T00:00:00Z"));
        assertThat(corpus.copy(2, NOW).getPublished()).isEqualTo(Instant.parse("2024-05-29T00:00:00Z"));
        assertThat(corpus.copy(5, NOW).getPublished())
                .isEqualTo(Corpus.DEFAULT_PUBLISHED.plus(Corpus.ROUND_SHIFT.multipliedBy(2)));
    }

    @Test
    void shouldReadJsonLinesWithReutersDatesAndSkipBodilessArticles() {
        String jsonl = String.join(
                "\n",
                "{\"id\": \"1\", \"date\": \"26-FEB-1987 15:01:01.79\", \"title\": \"BAHIA COCOA REVIEW\", \"body\": \"Showers continued.\", \"places\": [\"brazil\"]}",
                "",
                "{\"id\": \"2\", \"title\": \"ONLY A TITLE\", \"body\": \"\"}",
                "{\"title\": \"t\", \"body\": \"b\", \"published\": \"2024-05-01T10:00:00Z\", \"source\": \"Wire\"}");

        List<Corpus.Base> articles = Corpus.parseJsonl("r.jsonl", jsonl);

        assertThat(articles)
                .containsExactly(
                        new Corpus.Base(
                                "1",
                                "BAHIA COCOA REVIEW",
                                "Showers continued.",
                                null,
                                Instant.parse("1987-02-26T15:01:01.790Z")),
                        new Corpus.Base("line4", "t", "b", "Wire", Instant.parse("2024-05-01T10:00:00Z")));
    }

    @Test
    void shouldNameTheLineOfMalformedJson() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Corpus.parseJsonl("r.jsonl", "{\"id\": \"1\", \"body\": \"x\"}\n{oops"));
        assertThat(e).hasMessageContaining("r.jsonl:2");
    }

    @Test
    void shouldReadTxtFilesAsTheIngestServiceDoes(@TempDir Path dir) throws Exception {
        Files.writeString(
                dir.resolve("001_x.txt"), "Dec 05, 2021 12:11 UTC\n  • Iran and Kyrgyzstan meet\n\nOfficials met.\n");
        Files.writeString(dir.resolve("README.md"), "not an article");

        Corpus corpus = Corpus.load(List.of(dir));

        assertThat(corpus.size()).isEqualTo(1);
        RawArticle copy = corpus.copy(0, NOW);
        assertThat(copy.getTitle()).isEqualTo("Iran and Kyrgyzstan meet");
        assertThat(copy.getBody()).startsWith("Officials met.");
        assertThat(copy.getPublished()).isEqualTo(Instant.parse("2021-12-05T12:11:00Z"));
        assertThat(copy.getId()).isEqualTo("bench-0-001_x");
    }

    @Test
    void shouldRefuseAnEmptyCorpusAndAMissingFile(@TempDir Path dir) {
        assertThat(assertThrows(IllegalArgumentException.class, () -> Corpus.load(List.of(dir))))
                .hasMessageContaining("holds no articles");
        assertThat(assertThrows(IllegalArgumentException.class, () -> Corpus.load(List.of(dir.resolve("x.jsonl")))))
                .hasMessageContaining("does not exist");
    }
}
