package io.bilateral.enrich.http;

import static io.bilateral.enrich.http.Events.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.bilateral.schemas.EventSource;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "plain | \"plain\"",
                "say \"no\" | \"say \"\"no\"\"\"",
                "a, b | \"a, b\"",
                "=HYPERLINK(\"x\") | \"'=HYPERLINK(\"\"x\"\")\"",
                "+1 | \"'+1\"",
                "-2 | \"'-2\"",
                "@SUM(A1) | \"'@SUM(A1)\""
            })
    void shouldQuoteTextAndDisarmFormulas(String text, String quoted) {
        assertThat(Csv.quote(text)).isEqualTo(quoted);
    }

    @Test
    void shouldWriteNumbersAsTheyAreAndNullsAsEmptyFields() {
        assertThat(new Csv(List.of("a", "b", "c", "d"))
                        .row(Arrays.asList(-2.5, null, true, "x"))
                        .toString())
                .isEqualTo("\"a\",\"b\",\"c\",\"d\"\r\n-2.5,,true,\"x\"\r\n");
    }

    @Test
    void shouldListAnEventsOutletsAndLinksInOneRow() {
        String csv = EventsCsv.of(List.of(event(
                "e1",
                "IRN-UZB",
                "057",
                2,
                8,
                "2021-12-01",
                "Line one,\nline \"two\"",
                List.of(
                        new EventSource("a1", "https://a.example/1", "Outlet A", null, null),
                        new EventSource("a2", null, "Outlet A", null, null),
                        new EventSource("a3", "https://b.example/3", null, null, null)))));

        assertThat(csv.split("\r\n")).hasSize(2);
        assertThat(csv)
                .contains(
                        "\"e1\",\"2021-12-01\",\"057\",\"05\",2,8.0,\"IRN\",\"UZB\",true,3,3,0.0,"
                                + "\"Line one,\nline \"\"two\"\"\",\"Outlet A\",\"https://a.example/1 | https://b.example/3\",1");
    }
}
