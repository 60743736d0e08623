package io.bilateral.ingest.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArticlePageExtractorTest {

    private final ArticlePageExtractor extractor = new ArticlePageExtractor();

    private ArticlePage extract(String html) {
        return extractor.extract(html.getBytes(StandardCharsets.UTF_8), null, URI.create("http://example.com/a"));
    }

    @Test
    void shouldKeepOnlyTheStory() {
        ArticlePage page = extract("""
                <html><head><title>Pact signed</title><script>var secret = "token";</script></head><body>
                <header>Site header</header><nav><a href="/">Home</a></nav>
                <article><h1>Pact signed</h1><p>Iran and Uzbekistan signed a pact.</p>
                  <script>document.write("injected")</script>
                  <div class="share-bar">Share on X</div>
                  <p>Officials met in <b>Tashkent</b>.</p>
                  <section class="related-stories"><h2>Related</h2><p>Other story …</p></section>
                </article>
                <aside>Most read</aside><div id="newsletter">Subscribe!</div><footer>© Site</footer>
                </body></html>""");
        assertEquals("Pact signed", page.title());
        assertEquals("Pact signed\n\nIran and Uzbekistan signed a pact.\n\nOfficials met in Tashkent.", page.text());
        assertThat(page.text()).doesNotContain("injected", "secret", "Share", "Related", "Subscribe", "Home");
    }

    @Test
    void shouldPickTheLongestArticleOverTeasers() {
        ArticlePage page = extract("<body><article><p>Teaser.</p></article>"
                + "<article><p>The real story is much longer than a teaser.</p></article></body>");
        assertEquals("The real story is much longer than a teaser.", page.text());
    }

    /** Where the date comes from: one line each. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            meta article:published_time | <meta property="article:published_time" content="2021-12-05T15:41:00+03:30"> | 2021-12-05T12:11:00Z
            JSON-LD                     | <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2021-12-05T12:11:00Z"}</script> | 2021-12-05T12:11:00Z
            JSON-LD graph               | <script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"datePublished":"2021-12-05"}]}</script> | 2021-12-05T00:00:00Z
            time datetime               | <article><time datetime="2021-12-05T12:11:00Z">5 Dec</time><p>x</p></article> | 2021-12-05T12:11:00Z
            bad meta, good JSON-LD      | <meta property="article:published_time" content="last week"><script type="application/ld+json">{"datePublished":"2021-12-05T12:11:00Z"}</script> | 2021-12-05T12:11:00Z
            """)
    void shouldReadThePublicationDate(String source, String html, String instant) {
        assertEquals(
                Optional.of(Instant.parse(instant)),
                extract("<html><head>" + html + "</head><body><p>t</p></body></html>")
                        .published());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            none                | <p>no date</p>
            invalid meta        | <meta property="article:published_time" content="soon">
            broken JSON-LD      | <script type="application/ld+json">{"datePublished":</script>
            invalid time        | <time datetime="tomorrow">x</time>
            """)
    void shouldHaveNoDateWithoutAValidOne(String name, String html) {
        assertEquals(
                Optional.empty(),
                extract("<html><head>" + html + "</head><body><p>t</p></body></html>")
                        .published());
    }
}
