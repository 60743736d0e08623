package io.bilateral.ingest.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArticleIdTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            HTTPS://WWW.Example.COM/News/Story?id=7                      | https://www.example.com/News/Story?id=7
            https://example.com/a?utm_source=x&id=7&utm_medium=y         | https://example.com/a?id=7
            https://example.com/a?fbclid=abc                             | https://example.com/a
            https://example.com/a?GCLID=abc&page=2                       | https://example.com/a?page=2
            https://example.com/a?id=7&msclkid=1&mc_eid=2&igshid=3       | https://example.com/a?id=7
            https://example.com/a#comments                               | https://example.com/a
            https://example.com/a?id=7#top                               | https://example.com/a?id=7
            https://example.com                                          | https://example.com/
            http://example.com:80/a                                      | http://example.com/a
            https://example.com:443/a                                    | https://example.com/a
            https://example.com:8443/a                                   | https://example.com:8443/a
            https://example.com/a?b=2&a=1                                | https://example.com/a?b=2&a=1
            https://example.com/a?&&id=7&                                | https://example.com/a?id=7
            '  https://example.com/a  '                                  | https://example.com/a
            https://example.com/Path%20With%20Space                      | https://example.com/Path%20With%20Space
            """)
    void shouldCanonicaliseUrls(String url, String canonical) {
        assertEquals(canonical, ArticleId.canonicalUrl(url));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ftp://example.com/a         | 'ftp://example.com/a' must be an absolute http or https URL
            /news/story                 | '/news/story' must be an absolute http or https URL
            mailto:desk@example.com     | 'mailto:desk@example.com' must be an absolute http or https URL
            http:///path                | 'http:///path' has no host
            https://exa mple.com/       | 'https://exa mple.com/' is not a valid URL (Illegal character in authority at index 8)
            """)
    void shouldRefuseUrlsThatAreNotHttp(String url, String problem) {
        InvalidArticleException e = assertThrows(InvalidArticleException.class, () -> ArticleId.canonicalUrl(url));
        assertEquals("url", e.field());
        assertEquals("url: " + problem, e.getMessage());
    }

    @Test
    void shouldGiveTheSameIdToTheSameArticleBehindDifferentTrackingLinks() {
        String id = ArticleId.forUrl("https://example.com/news/1");
        assertEquals(id, ArticleId.forUrl("HTTPS://EXAMPLE.com/news/1?utm_campaign=rss#more"));
        assertThat(ArticleId.forUrl("https://example.com/news/2")).isNotEqualTo(id);
        assertThat(ArticleId.forUrl("https://example.com/News/1"))
                .as("paths are case-sensitive")
                .isNotEqualTo(id);
    }

    @Test
    void shouldGiveTheSameIdToTheSameTextWhateverItsSpacingAndCase() {
        String id = ArticleId.forText("Iran and Uzbekistan sign", "The  document was\n\nsigned.");
        assertEquals(id, ArticleId.forText("  IRAN and uzbekistan   sign", "The document was signed.  "));
        assertThat(ArticleId.forText("Iran and Uzbekistan sign", "The document was signed today."))
                .isNotEqualTo(id);
    }

    @Test
    void shouldMakeSixteenHexDigitIds() {
        assertThat(ArticleId.forText("t", "b")).hasSize(16).matches("[0-9a-f]{16}");
        assertThat(ArticleId.forUrl("https://example.com/")).hasSize(16).matches("[0-9a-f]{16}");
    }

    @Test
    void shouldNotConfuseAUrlWithATextThatSpellsIt() {
        // Ids of the two kinds are hashed with different prefixes, so a text can never take a url's id.
        assertThat(ArticleId.forText("", "https://example.com/"))
                .isNotEqualTo(ArticleId.forUrl("https://example.com/"));
    }

    @Test
    void shouldNormaliseTextForHashing() {
        assertEquals("title body text", ArticleId.normalisedText(" Title\t", "BODY\n\n  text "));
        assertEquals(
                "fine ligatures", ArticleId.normalisedText(null, "\uFB01ne ligatures"), "NFKC folds the fi ligature");
    }
}
