package io.bilateral.ingest.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ArticleValidatorTest {

    private static final ArticleDraft GOOD =
            ArticleDraft.of("Iran and Uzbekistan sign a deal", "The document was signed.");

    private final ArticleValidator validator = new ArticleValidator(ArticleLimits.DEFAULTS);

    @Test
    void shouldCleanEveryFieldBeforeCheckingItSoTheIdIgnoresControlCharacters() {
        ArticleDraft dirty = new ArticleDraft(
                null,
                "\uFEFFIran\u0000 and\u202E Turkey",
                "Talks\u001B[0m in Ankara\u0085.",
                null,
                "Wire\u0007",
                "IRN\u0000",
                "2024-05-01\u0000");
        Article article = validator.validate(dirty, "http");

        assertEquals("Iran and Turkey", article.title());
        assertEquals("Talks[0m in Ankara.", article.body());
        assertEquals("Wire", article.source());
        assertEquals("IRN", article.sourceCountry());
        assertEquals(
                validator
                        .validate(ArticleDraft.of("Iran and Turkey", "Talks[0m in Ankara."), "http")
                        .id(),
                article.id());
        assertEquals(
                Map.of("title", 3L, "body", 2L, "source", 1L, "sourceCountry", 1L, "published", 1L),
                validator.hygiene().removed());
    }

    @Test
    void shouldKeepTheZeroWidthNonJoinerOfPersianText() {
        Article article = validator.validate(ArticleDraft.of("می\u200Cخواهم", "ایران و ترکیه\u200C"), "http");
        assertEquals("می\u200Cخواهم", article.title());
        assertEquals(Map.of(), validator.hygiene().removed());
    }

    static Stream<Arguments> badDrafts() {
        return Stream.of(
                bad("body null", new ArticleDraft(null, "t", null, null, null, null, null), "body: must not be empty"),
                bad("body empty", ArticleDraft.of("t", ""), "body: must not be empty"),
                bad("body only whitespace", ArticleDraft.of("t", " \n\t "), "body: must not be empty"),
                bad(
                        "body too long",
                        ArticleDraft.of("t", "x".repeat(200_001)),
                        "body: 200001 characters exceeds the limit of 200000"),
                bad(
                        "body too long after trim",
                        ArticleDraft.of("t", " " + "x".repeat(250_013) + " "),
                        "body: 250013 characters exceeds the limit of 200000"),
                bad(
                        "title too long",
                        ArticleDraft.of("t".repeat(1_001), "b"),
                        "title: 1001 characters exceeds the limit of 1000"),
                bad(
                        "title counts code points",
                        ArticleDraft.of("\uD83D\uDE00".repeat(1_001), "b"),
                        "title: 1001 characters exceeds the limit of 1000"),
                bad(
                        "id with space",
                        GOOD.withId("a b"),
                        "id: 'a b' may only contain letters, digits, '.', '_', ':' and '-'"),
                bad(
                        "id with slash",
                        GOOD.withId("a/b"),
                        "id: 'a/b' may only contain letters, digits, '.', '_', ':' and '-'"),
                bad("id too long", GOOD.withId("a".repeat(129)), "id: 129 characters exceeds the limit of 128"),
                bad(
                        "url ftp",
                        GOOD.withUrl("ftp://example.com/a"),
                        "url: 'ftp://example.com/a' must be an absolute http or https URL"),
                bad("url relative", GOOD.withUrl("/news/1"), "url: '/news/1' must be an absolute http or https URL"),
                bad(
                        "url too long",
                        GOOD.withUrl("https://example.com/" + "a".repeat(2_030)),
                        "url: 2050 characters exceeds the limit of 2048"),
                bad(
                        "source too long",
                        GOOD.withSource("s".repeat(201)),
                        "source: 201 characters exceeds the limit of 200"),
                bad(
                        "country alpha-2",
                        GOOD.withSourceCountry("IR"),
                        "sourceCountry: 'IR' is not an ISO 3166-1 alpha-3 country code (e.g. IRN)"),
                bad(
                        "country unknown",
                        GOOD.withSourceCountry("XYZ"),
                        "sourceCountry: 'XYZ' is not an ISO 3166-1 alpha-3 country code (e.g. IRN)"),
                bad(
                        "country name",
                        GOOD.withSourceCountry("Iran"),
                        "sourceCountry: 'Iran' is not an ISO 3166-1 alpha-3 country code (e.g. IRN)"),
                bad(
                        "published words",
                        GOOD.withPublished("yesterday"),
                        "published: 'yesterday' is not an ISO-8601 instant, offset date-time or date (e.g. 2021-12-05T12:11:00Z, 2021-12-05T15:41:00+03:30, 2021-12-05)"),
                bad(
                        "published no offset",
                        GOOD.withPublished("2021-12-05T12:11:00"),
                        "published: '2021-12-05T12:11:00' is not an ISO-8601 instant, offset date-time or date (e.g. 2021-12-05T12:11:00Z, 2021-12-05T15:41:00+03:30, 2021-12-05)"),
                bad(
                        "published impossible date",
                        GOOD.withPublished("2021-02-30"),
                        "published: '2021-02-30' is not an ISO-8601 instant, offset date-time or date (e.g. 2021-12-05T12:11:00Z, 2021-12-05T15:41:00+03:30, 2021-12-05)"),
                bad(
                        "published rfc 1123",
                        GOOD.withPublished("Sun, 05 Dec 2021 12:11:00 GMT"),
                        "published: 'Sun, 05 Dec 2021 12:11:00 GMT' is not an ISO-8601 instant, offset date-time or date (e.g. 2021-12-05T12:11:00Z, 2021-12-05T15:41:00+03:30, 2021-12-05)"));
    }

    private static Arguments bad(String name, ArticleDraft draft, String message) {
        return Arguments.of(name, draft, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badDrafts")
    void shouldRefuseWithTheFieldAndTheProblem(String name, ArticleDraft draft, String message) {
        InvalidArticleException e =
                assertThrows(InvalidArticleException.class, () -> validator.validate(draft, "test"));
        assertEquals(message, e.getMessage());
        assertEquals(message.substring(0, message.indexOf(':')), e.field());
    }

    @Test
    void shouldApplyConfiguredLimits() {
        ArticleValidator strict = new ArticleValidator(new ArticleLimits(5, 10));
        assertEquals(
                "title: 6 characters exceeds the limit of 5",
                assertThrows(InvalidArticleException.class, () -> strict.validate(ArticleDraft.of("123456", "b"), "t"))
                        .getMessage());
        assertEquals(
                "body: 11 characters exceeds the limit of 10",
                assertThrows(
                                InvalidArticleException.class,
                                () -> strict.validate(ArticleDraft.of("t", "12345678901"), "t"))
                        .getMessage());
        assertEquals(
                "1234567890",
                strict.validate(ArticleDraft.of("12345", "1234567890"), "t").body());
    }

    @Test
    void shouldNormaliseAValidArticle() {
        ArticleDraft draft = new ArticleDraft(
                null,
                "  Title  ",
                "\n Body text \n",
                "HTTPS://Example.com/a?utm_source=rss",
                " Tehran Times ",
                "irn",
                "2021-12-05T15:41:00+03:30");
        Article article = validator.validate(draft, "file:a.jsonl");
        assertEquals(
                new Article(
                        ArticleId.forUrl("https://example.com/a"),
                        "Title",
                        "Body text",
                        "https://example.com/a",
                        "Tehran Times",
                        "IRN",
                        Instant.parse("2021-12-05T12:11:00Z"),
                        "file:a.jsonl"),
                article);
    }

    @Test
    void shouldTreatBlankOptionalFieldsAsAbsent() {
        ArticleDraft draft = new ArticleDraft(" ", null, "Body", "", " ", "", " ");
        Article article = validator.validate(draft, "http");
        assertEquals(ArticleId.forText("", "Body"), article.id());
        assertEquals("", article.title());
        assertNull(article.url());
        assertNull(article.source());
        assertNull(article.sourceCountry());
        assertNull(article.published());
    }

    @Test
    void shouldKeepAnIdTheCallerChose() {
        assertEquals(
                "reuters:000-17",
                validator
                        .validate(GOOD.withId("reuters:000-17").withUrl("https://e.com/"), "t")
                        .id());
    }

    @Test
    void shouldDeriveTheIdFromTheUrlBeforeTheText() {
        assertEquals(
                ArticleId.forUrl("https://e.com/x"),
                validator.validate(GOOD.withUrl("https://e.com/x"), "t").id());
        assertEquals(
                ArticleId.forText(GOOD.title(), GOOD.body()),
                validator.validate(GOOD, "t").id());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            2021-12-05T12:11:00Z        | 2021-12-05T12:11:00Z
            2021-12-05T12:11:00.250Z    | 2021-12-05T12:11:00.250Z
            2021-12-05T15:41:00+03:30   | 2021-12-05T12:11:00Z
            2021-12-05T07:11:00-05:00   | 2021-12-05T12:11:00Z
            2021-12-05                  | 2021-12-05T00:00:00Z
            ' 2021-12-05 '              | 2021-12-05T00:00:00Z
            """)
    void shouldParsePublishedInIsoForms(String published, String instant) {
        assertEquals(
                Instant.parse(instant),
                validator.validate(GOOD.withPublished(published), "t").published());
    }
}
