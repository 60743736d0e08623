package io.bilateral.ingest.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bilateral.ingest.article.ArticleDraft;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonlFormatTest {

    private final JsonlFormat format = new JsonlFormat();

    @Test
    void shouldReadOneArticleALineAndReportBadLinesWithoutStopping() {
        String text = String.join(
                "\n",
                "{\"title\":\"One\",\"body\":\"First\"}",
                "",
                "{\"title\":\"Two\",\"body\":",
                "[1,2]",
                "{\"title\":2,\"body\":\"x\"}",
                "{\"id\":\"a-3\",\"title\":\"Three\",\"body\":\"Third\",\"sourceCountry\":\"IRN\"}",
                "   ",
                "{\"title\":\"Four\",\"body\":\"Fourth\"}");

        List<FileItem> items = format.parse("in/a.jsonl", text);

        assertThat(items.get(1)).isInstanceOf(FileItem.Unreadable.class);
        assertThat(((FileItem.Unreadable) items.get(1)).reason())
                .startsWith("malformed JSON at line 1, column 23: Unexpected end-of-input");
        assertEquals(
                List.of(
                        new FileItem.Draft("in/a.jsonl:1", ArticleDraft.of("One", "First")),
                        new FileItem.Unreadable("in/a.jsonl:3", ((FileItem.Unreadable) items.get(1)).reason()),
                        new FileItem.Unreadable("in/a.jsonl:4", "expected a JSON object, got array"),
                        new FileItem.Unreadable("in/a.jsonl:5", "title: expected a string, got number"),
                        new FileItem.Draft(
                                "in/a.jsonl:6", new ArticleDraft("a-3", "Three", "Third", null, null, "IRN", null)),
                        new FileItem.Draft("in/a.jsonl:8", ArticleDraft.of("Four", "Fourth"))),
                items);
    }

    @Test
    void shouldCountLinesAcrossWindowsLineEnds() {
        List<FileItem> items = format.parse("b.jsonl", "{\"body\":\"a\"}\r\n\r\nnot json\r\n");
        assertThat(items).extracting(FileItem::location).containsExactly("b.jsonl:1", "b.jsonl:3");
        assertThat(((FileItem.Unreadable) items.get(1)).reason()).startsWith("malformed JSON at line 1, column ");
    }

    @Test
    void shouldReadNothingFromAnEmptyFile() {
        assertThat(format.parse("c.jsonl", "")).isEmpty();
    }
}
