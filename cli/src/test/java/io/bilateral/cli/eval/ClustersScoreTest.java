package io.bilateral.cli.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.bilateral.cli.eval.ClustersScore.Cluster;
import io.bilateral.cli.eval.ClustersScore.Item;
import io.bilateral.cli.eval.ClustersScore.Result;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClustersScoreTest {

    private static final List<Item> GOLD = List.of(
            new Item("a", "IRN-UZB", "h1"),
            new Item("b", "IRN-UZB", "h1"),
            new Item("c", "IRN-UZB", "h2"),
            new Item("d", "CHN-JPN", "h3"));

    @Test
    void shouldScorePerfectClustersAsOne() {
        Result r = ClustersScore.score(
                GOLD,
                List.of(
                        new Cluster("e1", "IRN-UZB", List.of("a", "b")),
                        new Cluster("e2", "IRN-UZB", List.of("c")),
                        new Cluster("e3", "CHN-JPN", List.of("d"))));

        assertThat(r.f1()).isEqualTo(1.0);
        assertThat(r.splits()).isEmpty();
        assertThat(r.merges()).isEmpty();
    }

    @Test
    void shouldCountASplitAndAMissingEventAgainstRecall() {
        Result r = ClustersScore.score(
                GOLD, List.of(new Cluster("e1", "IRN-UZB", List.of("a")), new Cluster("e2", "IRN-UZB", List.of("c"))));

        assertThat(r.precision()).isEqualTo(1.0);
        assertThat(r.recall()).isEqualTo((0.5 + 0.5 + 1 + 1) / 4);
        assertThat(r.itemsWithEvent()).isEqualTo(2);
        assertThat(r.splits()).containsOnlyKeys("h1 IRN-UZB");
    }

    @Test
    void shouldCountAnEventOfTwoHappeningsAndARecalledOneAsMerges() {
        Result r = ClustersScore.score(
                GOLD,
                List.of(
                        new Cluster("e1", "IRN-UZB", List.of("a", "b", "c")),
                        new Cluster("e3", "CHN-JPN", List.of("d")),
                        new Cluster("e4", "CHN-JPN", List.of("a"))));

        assertThat(r.precision()).isEqualTo((2 / 3.0 * 2 + 1 / 3.0 + 1) / 4);
        assertThat(r.recall()).isEqualTo(1.0);
        assertThat(r.merges()).containsOnlyKeys("e1");
        assertThat(r.merges().get("e1")).containsExactly("h1", "h2");
        assertThat(r.merges()).doesNotContainKey("e4"); // one report only: an extra event, not a merge
    }
}
