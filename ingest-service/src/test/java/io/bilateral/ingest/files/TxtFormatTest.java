package io.bilateral.ingest.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.bilateral.ingest.article.ArticleDraft;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TxtFormatTest {

    private final TxtFormat format = new TxtFormat();

    private ArticleDraft parseSample(String name) throws UnreadableFileException {
        Path file = Samples.file(name);
        List<FileItem> items = format.parse(file.toString(), TextFiles.readUtf8(file, 1_000_000));
        assertThat(items).hasSize(1);
        return ((FileItem.Draft) items.get(0)).draft();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            000_600784257c125a02.txt | Iran and Uzbekistan have reached an agreement to set up a joint security committee, calling for closer relations in all other areas besides security and intelligence cooperation. | The document was signed on Wednesday | British government has announced it will comply with its obligations under domestic and international…
            001_13beb62d9077d9a8.txt | Iran, Uzbekistan Emphasize the Fight against the Spread of Terrorism, Extremism                                                                                                   | In a meeting with his Uzbek counterpart | will use all its potential for Iran's permanent membership in the organization.
            002_209c1dd2b27bd5af.txt | ''                                                                                                                                                                                 | TEHRAN – Top security officials of Iran and Uzbekistan | ''
            003_4776d62a20950e61.txt | Dushanbe(IP) - The Chief of Staff of the Armed Forces of Iran and the Minister of Defense of Tajikistan stressed the need to fight terrorism, establish border security, as well as holding joint exercises, and developing military equipment between the two countries. | Iran PressCommentary: | Counter-terrorism; priority for Iran-Tajikistan cooperation: Top Cmdr
            004_c0d5be32047a8333.txt | Iranian, Kyrgyz officials discuss security cooperation                                                                                                                             | Top security officials from Iran and Kyrgyzstan weighed plans | expressed hope that a new chapter would open in bilateral cooperation in various fields, including
            """)
    void shouldReadTheSeedsWithTheirTitles(String file, String title, String bodyStart, String bodyEnd)
            throws UnreadableFileException {
        ArticleDraft draft = parseSample(file);
        assertEquals(title, draft.title());
        assertThat(draft.body()).startsWith(bodyStart).doesNotStartWith(" ").doesNotEndWith("\n");
        assertThat(draft.body()).contains(bodyEnd.isEmpty() ? bodyStart : bodyEnd);
    }

    @Test
    void shouldTakeALeadingDatelineAsThePublicationTime() throws UnreadableFileException {
        ArticleDraft draft = parseSample("004_c0d5be32047a8333.txt");
        assertEquals("2021-12-05T12:11:00Z", draft.published());
        assertThat(draft.body()).doesNotContain("Dec 05, 2021").doesNotContain("•");
    }

    @Test
    void shouldKeepParagraphBreaksInTheBody() throws UnreadableFileException {
        ArticleDraft draft = parseSample("001_13beb62d9077d9a8.txt");
        assertThat(draft.body())
                .contains("counter these threats.\n\nAli Shamkhani")
                .doesNotContain("Emphasize the Fight against");
        assertNull(draft.published());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            title then body              | 'Title\\nBody line 1\\nBody line 2'        | Title     | 'Body line 1\\nBody line 2' | ''
            blank line after title       | 'Title\\n\\nBody'                          | Title     | Body                         | ''
            windows line ends            | 'Title\\r\\n\\r\\nBody 1\\r\\nBody 2'      | Title     | 'Body 1\\nBody 2'            | ''
            old mac line ends            | 'Title\\rBody'                             | Title     | Body                         | ''
            leading blank lines          | '\\n\\n  \\nTitle\\nBody'                  | Title     | Body                         | ''
            one line only                | 'Just one paragraph.'                      | ''        | Just one paragraph.          | ''
            one line and blank lines     | '\\nJust one paragraph.\\n\\n'             | ''        | Just one paragraph.          | ''
            bulleted title               | '  • Headline\\nBody'                      | Headline  | Body                         | ''
            dateline then title          | 'Dec 05, 2021 12:11 UTC\\nTitle\\nBody'    | Title     | Body                         | 2021-12-05T12:11:00Z
            long month dateline          | 'December 5, 2021\\nTitle\\nBody'          | Title     | Body                         | 2021-12-05T00:00:00Z
            day first dateline           | '5 Dec 2021\\n\\nTitle\\nBody'             | Title     | Body                         | 2021-12-05T00:00:00Z
            iso dateline                 | '2021-12-05T15:41:00+03:30\\nTitle\\nBody' | Title     | Body                         | 2021-12-05T12:11:00Z
            headline starting with date  | 'Dec 05, 2021: talks resume\\nBody'        | 'Dec 05, 2021: talks resume' | Body      | ''
            empty file                   | ''                                         | ''        | ''                           | ''
            """)
    void shouldSplitTitleAndBody(String name, String text, String title, String body, String published) {
        List<FileItem> items = format.parse("a.txt", unescape(text));
        ArticleDraft draft = ((FileItem.Draft) items.get(0)).draft();
        assertEquals(title, draft.title());
        assertEquals(unescape(body), draft.body());
        assertEquals(published.isEmpty() ? null : published, draft.published());
        assertEquals("a.txt", items.get(0).location());
    }

    private static String unescape(String text) {
        return text.replace("\\n", "\n").replace("\\r", "\r");
    }
}
