package io.bilateral.ingest.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.bilateral.ingest.article.ArticleDraft;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HtmlFormatTest {

    private final HtmlFormat format = new HtmlFormat();

    private ArticleDraft parse(String html) {
        List<FileItem> items = format.parse("page.html", html);
        assertThat(items).hasSize(1);
        assertEquals("page.html", items.get(0).location());
        return ((FileItem.Draft) items.get(0)).draft();
    }

    @Test
    void shouldKeepTheArticleTextAndDropEverythingAroundIt() {
        ArticleDraft draft = parse("""
                <!doctype html>
                <html><head>
                  <title>Iran, Uzbekistan sign security pact | Example News</title>
                  <style>p { color: red }</style>
                  <script>var tracking = "SCRIPT TEXT";</script>
                </head><body>
                  <header><a href="/">Example News</a> HEADER TEXT</header>
                  <nav><ul><li>Home</li><li>NAV TEXT</li></ul></nav>
                  <main>
                    <article>
                      <h1>Iran, Uzbekistan sign security pact</h1>
                      <p>Top security officials of Iran &amp; Uzbekistan
                         have signed a&nbsp;joint document.</p>
                      <p>The document was signed in Tashkent.<br>It sets up a commission.</p>
                      <script>document.write("INLINE SCRIPT")</script>
                      <aside>ASIDE TEXT</aside>
                      <noscript>NOSCRIPT TEXT</noscript>
                    </article>
                  </main>
                  <footer>FOOTER TEXT &copy; 2021</footer>
                </body></html>
                """);
        assertEquals("Iran, Uzbekistan sign security pact | Example News", draft.title());
        assertEquals(
                "Iran, Uzbekistan sign security pact\n\n"
                        + "Top security officials of Iran & Uzbekistan have signed a joint document.\n\n"
                        + "The document was signed in Tashkent.\nIt sets up a commission.",
                draft.body());
    }

    @Test
    void shouldDropTheBoxesAroundAStoryLikeALinkedPage() {
        ArticleDraft draft = parse("""
                <html><body><article>
                  <p>Officials of Norland and Veskia signed a water treaty.</p>
                  <figure><img src="x.jpg"><figcaption>CAPTION TEXT</figcaption></figure>
                  <div class="related-stories">RELATED TEXT</div>
                  <div id="share">SHARE TEXT</div>
                </article></body></html>
                """);
        assertEquals("Officials of Norland and Veskia signed a water treaty.", draft.body());
    }

    @Test
    void shouldPreferOpenGraphMetadata() {
        ArticleDraft draft = parse("""
                <html><head>
                  <title>Pact signed | Example News</title>
                  <meta property="og:title" content="Iran, Uzbekistan sign security pact">
                  <meta property="og:site_name" content="Example News">
                  <meta property="og:url" content="https://example.com/og">
                  <link rel="canonical" href="https://example.com/news/pact">
                  <meta property="article:published_time" content="2021-12-01T09:30:00+03:30">
                </head><body><p>Body.</p></body></html>
                """);
        assertEquals(
                new ArticleDraft(
                        null,
                        "Iran, Uzbekistan sign security pact",
                        "Body.",
                        "https://example.com/news/pact",
                        "Example News",
                        null,
                        "2021-12-01T09:30:00+03:30"),
                draft);
    }

    @Test
    void shouldTakeTheLongestArticleWhenAPageHasTeasers() {
        ArticleDraft draft = parse("""
                <html><body>
                  <article><p>Teaser one.</p></article>
                  <article><p>The real story, which is much longer than any teaser on the page.</p></article>
                  <article><p>Teaser two.</p></article>
                </body></html>
                """);
        assertEquals("The real story, which is much longer than any teaser on the page.", draft.body());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            title element      | '<html><head><title> A  title </title></head><body><p>b</p></body></html>' | A title
            first h1           | '<html><body><h1>Heading</h1><p>b</p></body></html>'                        | Heading
            entity in title    | '<title>Tom &amp; Jerry &#8211; &quot;live&quot;</title><p>b</p>'         | Tom & Jerry – "live"
            """)
    void shouldFindTheTitle(String name, String html, String title) {
        assertEquals(title, parse(html).title());
    }

    @Test
    void shouldLeaveAnEmptyBodyForTheValidatorToRefuse() {
        ArticleDraft draft = parse("<html><head><title>Only a title</title><script>x()</script></head><body>"
                + "<nav>menu</nav></body></html>");
        assertEquals("", draft.body());
        assertNull(draft.url());
    }

    @Test
    void shouldNotMistakeMarkupForText() {
        ArticleDraft draft = parse("<p>5 &lt; 6 and <b>bold</b> <i>words</i> stay <span>inline</span>.</p>"
                + "<div hidden>HIDDEN</div><div aria-hidden=\"true\">ARIA</div>");
        assertEquals("5 < 6 and bold words stay inline.", draft.body());
    }
}
