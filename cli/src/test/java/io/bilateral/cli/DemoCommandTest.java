package io.bilateral.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.bilateral.schemas.ArticleEvent;
import io.bilateral.schemas.EnrichedArticle;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoCommandTest {

    private static ArticleEvent event(String pair, int quadClass) {
        String[] c = pair.split("-");
        return ArticleEvent.newBuilder()
                .setPairId(pair)
                .setActor1Country(c[0])
                .setActor2Country(c[1])
                .setDirected(false)
                .setEventCode("040")
                .setRootCode("04")
                .setQuadClass(quadClass)
                .setGoldstein(1)
                .setSentence("s")
                .setActors(List.of())
                .setThemes(List.of())
                .build();
    }

    private static EnrichedArticle article(String id, ArticleEvent... events) {
        return EnrichedArticle.newBuilder()
                .setId(id)
                .setTitle("t")
                .setIngestedAt(Instant.EPOCH)
                .setEnrichedAt(Instant.EPOCH)
                .setCountries(List.of())
                .setEntities(List.of())
                .setThemes(List.of())
                .setTone(0)
                .setEvents(List.of(events))
                .build();
    }

    @Test
    void shouldExpectOneReportPerArticleAndPairWhateverTheCodes() {
        Map<String, Integer> expected = DemoCommand.expectedArticleCounts(List.of(
                article("a", event("IRN-UZB", 1), event("IRN-UZB", 2), event("IRN-USA", 3)),
                article("b", event("IRN-UZB", 1)),
                article("c")));

        assertThat(expected).containsExactlyInAnyOrderEntriesOf(Map.of("IRN-UZB", 2, "IRN-USA", 1));
    }
}
