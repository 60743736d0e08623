package io.bilateral.ingest.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeedParserTest {

    static final String RSS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
              <channel><title>Wire</title>
                <item><title>Second</title><link>https://example.com/2</link><guid>g2</guid>
                  <pubDate>Mon, 06 Dec 2021 09:00:00 GMT</pubDate>
                  <description><![CDATA[<p>Summary two</p><script>alert(1)</script>]]></description>
                  <content:encoded><![CDATA[<p>Full two</p>]]></content:encoded></item>
                <item><title>First &amp; foremost</title><link>https://example.com/1</link>
                  <pubDate>Sun, 05 Dec 2021 12:11:00 +0330</pubDate><description>Body one</description></item>
              </channel>
            </rss>""";

    static final String ATOM = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Atom wire</title>
              <entry><id>urn:1</id><title>Atom one</title>
                <link rel="self" href="https://example.com/self"/><link href="https://example.com/a1"/>
                <updated>2021-12-05T10:00:00Z</updated><published>2021-12-05T09:00:00Z</published>
                <summary>Short</summary><content type="html">&lt;p&gt;Long&lt;/p&gt;</content></entry>
            </feed>""";

    private final FeedParser parser = new FeedParser();

    @Test
    void shouldReadRssItems() throws Exception {
        List<FeedEntry> entries = parser.parse(RSS.getBytes(StandardCharsets.UTF_8));
        assertEquals(
                List.of(
                        new FeedEntry(
                                "g2",
                                "Second",
                                "https://example.com/2",
                                "<p>Full two</p>",
                                "Mon, 06 Dec 2021 09:00:00 GMT"),
                        new FeedEntry(
                                "https://example.com/1",
                                "First & foremost",
                                "https://example.com/1",
                                "Body one",
                                "Sun, 05 Dec 2021 12:11:00 +0330")),
                entries);
    }

    @Test
    void shouldReadAtomEntries() throws Exception {
        assertEquals(
                List.of(new FeedEntry(
                        "urn:1", "Atom one", "https://example.com/a1", "<p>Long</p>", "2021-12-05T09:00:00Z")),
                parser.parse(ATOM.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shouldHonourTheDeclaredEncoding() throws Exception {
        String latin = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel><item><title>caf\u00e9</title>"
                + "</item></channel></rss>";
        assertEquals(
                "caf\u00e9",
                parser.parse(latin.getBytes(StandardCharsets.ISO_8859_1)).get(0).title());
    }

    /** Hostile and broken documents: one line each. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            external entity (XXE)  | <?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss><channel><item><title>&x;</title></item></channel></rss> | feed refused: it declares a DTD
            billion laughs         | <?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><rss><channel><item><title>&c;</title></item></channel></rss> | feed refused: it declares a DTD
            external DTD           | <?xml version="1.0"?><!DOCTYPE rss SYSTEM "http://127.0.0.1:1/evil.dtd"><rss/> | feed refused: it declares a DTD
            parameter entities     | <?xml version="1.0"?><!DOCTYPE r [<!ENTITY % p SYSTEM "http://10.0.0.1/x"> %p;]><rss/> | feed refused: it declares a DTD
            not XML                | {"items": []} | malformed feed XML at line 1, column 1
            HTML page              | <html><body>hi</body></html> | not an RSS or Atom feed: the root element is <html>
            empty                  | '' | malformed feed XML
            truncated              | <rss><channel><item><title>cut | malformed feed XML
            """)
    void shouldRefuseHostileOrBrokenFeeds(String name, String xml, String messageStart) {
        InvalidFeedException e =
                assertThrows(InvalidFeedException.class, () -> parser.parse(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(e.getMessage()).startsWith(messageStart);
    }

    @Test
    void shouldReadTheFirstItemsAndReportTheRestOnceWhenThereAreTooMany() throws Exception {
        String xml = "<rss><channel>" + "<item><title>t</title></item>".repeat(FeedParser.MAX_ENTRIES + 5)
                + "</channel></rss>";
        List<FeedEntry> entries = parser.parse(xml.getBytes(StandardCharsets.UTF_8));
        assertEquals(FeedParser.MAX_ENTRIES + 1, entries.size());
        assertEquals(
                "too_many_items", entries.get(FeedParser.MAX_ENTRIES).problem().reason());
    }

    @Test
    void shouldRejectAnItemWithAnOversizedElementAndReadTheOthers() throws Exception {
        String xml = "<rss><channel><item><guid>a</guid><title>A</title></item>"
                + "<item><guid>big</guid><description>" + "x".repeat(FeedParser.MAX_TEXT_CHARS + 10) + "</description>"
                + "<title>B</title></item><item><guid>c</guid><title>C</title></item></channel></rss>";
        List<FeedEntry> entries = parser.parse(xml.getBytes(StandardCharsets.UTF_8));

        assertEquals(3, entries.size());
        assertEquals("A", entries.get(0).title());
        assertEquals(
                new FeedEntry.Problem("too_large", "an element of the item holds more than 1000000 characters"),
                entries.get(1).problem());
        assertEquals("big", entries.get(1).key());
        assertEquals("C", entries.get(2).title());
        assertEquals(null, entries.get(2).problem());
    }

    /** A document broken inside one item: read again item by item, only that item is lost. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            undeclared entity | <title>&nbsp;B</title>
            stray ampersand   | <title>B & C</title>
            unclosed tag      | <title>B</titel>
            DTD in an item    | <!DOCTYPE x [<!ENTITY e "e">]><title>&e;</title>
            """)
    void shouldRejectOnlyTheBrokenItemOfABrokenDocument(String name, String broken) throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss xmlns:content=\"http://purl.org/rss/1.0/modules/"
                + "content/\"><channel><title>W</title><item><guid>a</guid><title>A</title>"
                + "<content:encoded>Text of A</content:encoded></item><item><guid>b</guid>" + broken + "</item>"
                + "<item><guid>c</guid><title>C</title><link>https://e.com/c</link></item></channel></rss>";
        List<FeedEntry> entries = parser.parse(xml.getBytes(StandardCharsets.UTF_8));

        assertEquals(3, entries.size(), String.valueOf(entries));
        assertEquals(new FeedEntry("a", "A", null, "Text of A", null), entries.get(0));
        assertEquals("malformed", entries.get(1).problem().reason());
        assertThat(entries.get(1).problem().message()).startsWith("malformed XML in item 2");
        assertEquals(new FeedEntry("c", "C", "https://e.com/c", null, null), entries.get(2));
    }
}
