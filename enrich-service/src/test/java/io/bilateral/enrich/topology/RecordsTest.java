package io.bilateral.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.bilateral.schemas.EventDigest;
import io.bilateral.schemas.PairSummary;
import io.bilateral.schemas.TimelineDay;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordsTest {

    private static final Instant NOW = Instant.parse("2021-12-02T00:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2021, 12, 1);

    private static PairSummary summary() {
        return PairSummary.newBuilder(PairSummaries.empty("IRN-UZB", NOW))
                .setEventCount(1)
                .setCountsByRoot(Map.of("04", 1))
                .setLatestEvents(List.of(new EventDigest("e1", "040", "IRN", "UZB", 1.0, DAY, 1, "They met.")))
                .setTimeline(List.of(new TimelineDay(DAY, 1, 1.0)))
                .build();
    }

    @Test
    void shouldCopyEveryFieldWhenCopied() {
        PairSummary original = summary();

        assertThat(Records.shallowCopy(original, PairSummary::new)).isEqualTo(original);
    }

    @Test
    void shouldShareFieldValuesInsteadOfCopyingThem() {
        PairSummary original = summary();

        PairSummary copy = Records.shallowCopy(original, PairSummary::new);

        assertThat(copy.getLatestEvents()).isSameAs(original.getLatestEvents());
        assertThat(copy.getUpdatedAt()).isSameAs(original.getUpdatedAt());
    }

    @Test
    void shouldLeaveTheOriginalAloneWhenTheCopysFieldIsSet() {
        PairSummary original = summary();

        PairSummary copy = Records.shallowCopy(original, PairSummary::new);
        copy.setEventCount(2);
        copy.setTimeline(List.of());

        assertThat(original).isEqualTo(summary());
        assertThat(copy.getEventCount()).isEqualTo(2);
    }
}
