package io.bilateral.ingest.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArticleJsonTest {

    @Test
    void shouldReadEveryField() throws JsonProcessingException {
        ArticleDraft draft = ArticleJson.parse("""
                {"id":"a1","title":"T","body":"B","url":"https://e.com/","source":"S","sourceCountry":"IRN",
                 "published":"2021-12-05","places":["usa"]}""");
        assertEquals(new ArticleDraft("a1", "T", "B", "https://e.com/", "S", "IRN", "2021-12-05"), draft);
    }

    @Test
    void shouldReadMissingAndNullFieldsAsAbsent() throws JsonProcessingException {
        ArticleDraft draft = ArticleJson.parse("{\"body\":\"B\",\"url\":null}");
        assertEquals(ArticleDraft.of(null, "B"), draft);
        assertNull(draft.url());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            '{"title":1,"body":"b"}'              | title         | title: expected a string, got number
            '{"body":["a","b"]}'                  | body          | body: expected a string, got array
            '{"body":"b","published":1638705060}' | published     | published: expected a string, got number
            '{"body":"b","sourceCountry":true}'   | sourceCountry | sourceCountry: expected a string, got boolean
            '{"body":"b","url":{"href":"x"}}'     | url           | url: expected a string, got object
            """)
    void shouldNameTheFieldOfTheWrongType(String json, String field, String message) {
        InvalidArticleException e = assertThrows(InvalidArticleException.class, () -> ArticleJson.parse(json));
        assertEquals(field, e.field());
        assertEquals(message, e.getMessage());
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', textBlock = """
            '[1,2]'     | expected a JSON object, got array
            '"text"'    | expected a JSON object, got string
            '42'        | expected a JSON object, got number
            ''          | expected a JSON object, got missing
            """)
    void shouldRefuseDocumentsThatAreNotObjects(String json, String message) {
        InvalidArticleException e = assertThrows(InvalidArticleException.class, () -> ArticleJson.parse(json));
        assertNull(e.field());
        assertEquals(message, e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            '{"body":"b"'                  | malformed JSON at line 1, column 12: Unexpected end-of-input
            '{"body":"a","body":"b"}'      | malformed JSON at line 1, column 19: Duplicate field 'body'
            '{"body":"b"} {"body":"c"}'    | malformed JSON at line 1, column 14: Trailing token (of type START_OBJECT) found after value
            '{body:"b"}'                   | malformed JSON at line 1, column 2: Unexpected character ('b' (code 98))
            """)
    void shouldDescribeMalformedJsonWithItsPosition(String json, String start) {
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> ArticleJson.parse(json));
        assertThat(ArticleJson.describe(e)).startsWith(start).doesNotContain("Source:", "bound as", "Feature");
    }
}
