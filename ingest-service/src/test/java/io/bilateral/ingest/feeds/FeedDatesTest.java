package io.bilateral.ingest.feeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bilateral.ingest.article.InvalidArticleException;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeedDatesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Sun, 05 Dec 2021 12:11:00 GMT    | 2021-12-05T12:11:00Z
            Sun, 05 Dec 2021 15:41:00 +0330  | 2021-12-05T12:11:00Z
            5 Dec 2021 07:11:00 EST          | 2021-12-05T12:11:00Z
            Sun, 05 Dec 21 12:11 UT          | 2021-12-05T12:11:00Z
            Sun, 05 December 2021 12:11:00 Z | 2021-12-05T12:11:00Z
            2021-12-05T15:41:00+03:30        | 2021-12-05T12:11:00Z
            2021-12-05T12:11:00Z             | 2021-12-05T12:11:00Z
            2021-12-05                       | 2021-12-05T00:00:00Z
            """)
    void shouldReadFeedDates(String text, String instant) {
        assertEquals(Instant.parse(instant), FeedDates.parse(text));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "yesterday",
        "'Sun, 32 Dec 2021 12:11:00 GMT'",
        "2021-13-45",
        "'Sun, 05 Foo 2021 12:11:00 GMT'",
        "'05 Dec 2021 25:61:00 GMT'",
        "1638706260"
    })
    void shouldRefuseInvalidDatesNamingThem(String text) {
        InvalidArticleException e = assertThrows(InvalidArticleException.class, () -> FeedDates.parse(text));
        assertEquals(
                "published: '" + text + "' is neither an RFC 822 date (e.g. Sun, 05 Dec 2021 12:11:00 GMT) "
                        + "nor an ISO-8601 date-time",
                e.getMessage());
        assertEquals("published", e.field());
    }
}
