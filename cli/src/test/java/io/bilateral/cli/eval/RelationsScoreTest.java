package io.bilateral.cli.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bilateral.cli.eval.RelationsScore.ArticleScore;
import io.bilateral.cli.eval.RelationsScore.Figures;
import io.bilateral.cli.eval.RelationsScore.GoldArticle;
import io.bilateral.enrich.engine.CodedEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class RelationsScoreTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static GoldArticle gold(String json) throws Exception {
        return RelationsScore.parseGold(JSON.readTree(json));
    }

    private static CodedEvent event(String a1, String a2, boolean directed, String code) {
        return new CodedEvent(a1, a2, directed, code, code.substring(0, 2), 1, 1.0, "s", List.of(), List.of());
    }

    @Test
    void shouldCountPairsRightWrongAndMissed() throws Exception {
        GoldArticle g = gold("{\"id\":\"a\",\"pairs\":[[\"FRA\",\"DEU\"],[\"ARM\",\"AZE\"]],\"events\":["
                + "{\"actor1\":\"FRA\",\"actor2\":\"DEU\",\"category\":\"04\",\"mutual\":true},"
                + "{\"actor1\":\"AZE\",\"actor2\":\"ARM\",\"category\":\"19\",\"mutual\":false}]}");

        ArticleScore s =
                RelationsScore.score(g, List.of(event("DEU", "FRA", false, "040"), event("CHE", "FRA", true, "010")));

        assertThat(s.truePairs()).containsExactly("DEU-FRA");
        assertThat(s.falsePairs()).containsExactly("CHE-FRA");
        assertThat(s.missedPairs()).containsExactly("ARM-AZE");
        assertThat(s.directionAgrees()).containsExactly("DEU-FRA");
        assertThat(s.rootAgrees()).containsExactly("DEU-FRA");
    }

    @Test
    void shouldDisagreeOnDirectionWhenADirectedActIsReversed() throws Exception {
        GoldArticle g = gold("{\"id\":\"b\",\"pairs\":[[\"IRN\",\"USA\"]],\"events\":["
                + "{\"actor1\":\"IRN\",\"actor2\":\"USA\",\"category\":\"11\",\"mutual\":false}]}");

        ArticleScore s = RelationsScore.score(g, List.of(event("USA", "IRN", true, "112")));

        assertThat(s.truePairs()).containsExactly("IRN-USA");
        assertThat(s.directionAgrees()).isEmpty();
        assertThat(s.rootAgrees()).containsExactly("IRN-USA");
    }

    @Test
    void shouldCountEveryPredictionInAnArticleWithoutGoldPairsAsFalse() throws Exception {
        GoldArticle g = gold("{\"id\":\"c\",\"pairs\":[],\"events\":[]}");

        ArticleScore s = RelationsScore.score(g, List.of(event("CHN", "JPN", true, "111")));
        Figures f = new Figures(0, 0, 0, 0, 0, 0).plus(s);

        assertThat(f.fp()).isEqualTo(1);
        assertThat(f.precision()).isZero();
        assertThat(f.f1()).isZero();
    }

    @Test
    void shouldMicroAverageOverArticles() {
        Figures f = new Figures(2, 3, 1, 2, 3, 2);

        assertThat(f.precision()).isEqualTo(0.75);
        assertThat(f.recall()).isEqualTo(0.6);
        assertThat(f.f1()).isCloseTo(2 * 0.75 * 0.6 / 1.35, offset(1e-9));
        assertThat(f.rootAgreement()).isCloseTo(2 / 3.0, offset(1e-9));
    }

    @Test
    void shouldPoolSeveralGoldFilesAfterScoringEachOnItsOwn(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        // two English items of our own, one per file: each file is scored alone, then both together
        java.nio.file.Path a = dir.resolve("a.jsonl");
        java.nio.file.Path b = dir.resolve("b.jsonl");
        java.nio.file.Files.writeString(
                a,
                "{\"id\":\"a1\",\"title\":\"Peru and Chile sign a fisheries accord\",\"body\":\"The two"
                        + " foreign ministers signed it in Lima.\",\"pairs\":[[\"CHL\",\"PER\"]],\"events\":[]}\n");
        java.nio.file.Files.writeString(
                b,
                "{\"id\":\"b1\",\"title\":\"Floods hit Peru and Chile\",\"body\":\"Rivers rose in both"
                        + " countries.\",\"pairs\":[],\"events\":[]}\n");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();

        int rc = RelationsScore.run(
                new String[] {"--relations", a.toString(), b.toString()},
                new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8));

        String out = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(rc).isZero();
        assertThat(out).contains("relations " + a + ": 1 articles (1 with pairs)");
        assertThat(out).contains("relations " + b + ": 1 articles (0 with pairs)");
        assertThat(out).contains("relations pooled over 2 files: 2 articles");
    }
}
