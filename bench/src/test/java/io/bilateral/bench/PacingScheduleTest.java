package io.bilateral.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PacingScheduleTest {

    @Test
    void shouldDueMessagesAtEvenIntervalsFromTheStart() {
        PacingSchedule schedule = new PacingSchedule(200, 1_000);

        assertThat(schedule.dueNanos(0)).isEqualTo(1_000);
        assertThat(schedule.dueNanos(1)).isEqualTo(1_000 + 5_000_000);
        assertThat(schedule.dueNanos(200)).isEqualTo(1_000 + 1_000_000_000);
    }

    @Test
    void shouldNotDriftWhenTheIntervalIsNotAWholeNumberOfNanoseconds() {
        PacingSchedule schedule = new PacingSchedule(3, 0); // 333,333,333.3 ns apart

        assertThat(schedule.dueNanos(3)).isEqualTo(1_000_000_000);
        assertThat(schedule.dueNanos(3_000_000)).isEqualTo(1_000_000_000_000_000L);
    }

    @Test
    void shouldKeepTheScheduleWhateverTheSenderDid() {
        // the due time of a message depends on its index only: a late sender does not push later messages back
        PacingSchedule schedule = new PacingSchedule(1000, 0);
        long dueBefore = schedule.dueNanos(500);
        schedule.dueNanos(499);
        assertThat(schedule.dueNanos(500)).isEqualTo(dueBefore).isEqualTo(500_000_000);
    }

    @Test
    void shouldOfferRateTimesDurationMessages() {
        assertThat(PacingSchedule.messagesIn(200, Duration.ofSeconds(10))).isEqualTo(2000);
        assertThat(PacingSchedule.messagesIn(50, Duration.ofMillis(2500))).isEqualTo(125);
        assertThat(PacingSchedule.messagesIn(1, Duration.ofMillis(100))).isEqualTo(1);
    }

    @Test
    void shouldRejectARateThatIsNotPositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PacingSchedule(0, 0));
        assertThat(e).hasMessageContaining("rate").hasMessageContaining("0.0");
        assertThrows(IllegalArgumentException.class, () -> new PacingSchedule(Double.NaN, 0));
    }
}
