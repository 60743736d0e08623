package io.bilateral.enrich.http;

import static io.bilateral.enrich.http.Events.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.bilateral.schemas.RelationshipEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class PairFiguresTest {

    private static final List<RelationshipEvent> EVENTS = List.of(
            event("a", "IRN-UZB", "057", 2, 8, "2021-12-01"),
            event("b", "IRN-UZB", "111", 3, -2, "2021-12-03"),
            event("c", "IRN-UZB", "040", 1, 1, "2021-12-02"),
            event("d", "IRN-TJK", "190", 4, -10, "2021-12-05"),
            event("e", "IRN-KGZ", "040", 1, 1, "2021-12-04"));

    @Test
    void shouldSumEachPairsEventsByQuadClassAndBalance() {
        List<PairFigures> figures = PairFigures.of(EVENTS, EventFilter.ALL);

        assertThat(figures).extracting(PairFigures::pairId).containsExactly("IRN-UZB", "IRN-KGZ", "IRN-TJK");
        assertThat(figures.get(0))
                .isEqualTo(new PairFigures(
                        "IRN-UZB", "IRN", "UZB", 3, 3, 2, 1, 1, 1, 1, 0, 2.33, 0.33, "2021-12-01", "2021-12-03"));
        assertThat(figures.get(2).balance()).isEqualTo(-1.0);
    }

    @Test
    void shouldCountOnlyTheFilteredEventsAndDropPairsBelowTheMinimum() {
        assertThat(PairFigures.of(EVENTS, EventFilter.parse("quad=1")))
                .extracting(PairFigures::pairId, PairFigures::events)
                .containsExactly(tuple("IRN-KGZ", 1), tuple("IRN-UZB", 1));
        assertThat(PairFigures.of(EVENTS, EventFilter.parse("to=2021-12-02&minEvents=2")))
                .singleElement()
                .satisfies(f -> assertThat(f.lastDate()).isEqualTo("2021-12-02"));
        assertThat(PairFigures.of(EVENTS, EventFilter.parse("from=2022-01-01"))).isEmpty();
    }

    @Test
    void shouldWriteOneCsvRowPerPairUnderTheHeader() {
        Csv csv = new Csv(PairFigures.CSV_HEADER);
        PairFigures.of(EVENTS, EventFilter.parse("root=19")).forEach(f -> csv.row(f.csvRow()));

        assertThat(csv.toString())
                .isEqualTo("\"pairId\",\"countryA\",\"countryB\",\"events\",\"articles\",\"cooperation\",\"conflict\","
                        + "\"verbalCooperation\",\"materialCooperation\",\"verbalConflict\",\"materialConflict\","
                        + "\"goldsteinAverage\",\"balance\",\"firstDate\",\"lastDate\"\r\n"
                        + "\"IRN-TJK\",\"IRN\",\"TJK\",1,1,0,1,0,0,0,1,-10.0,-1.0,\"2021-12-05\",\"2021-12-05\"\r\n");
    }
}
