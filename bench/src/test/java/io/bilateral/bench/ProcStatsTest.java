package io.bilateral.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ProcStatsTest {

    private static final String STATUS = String.join(
            "\n",
            "Name:\tjava",
            "VmPeak:\t 5000000 kB",
            "VmHWM:\t  612344 kB",
            "VmRSS:\t  598000 kB",
            "Threads:\t42",
            "");

    @Test
    void shouldReadKilobyteLinesOfStatus() {
        assertThat(ProcStats.statusKb(STATUS, "VmHWM")).isEqualTo(612_344);
        assertThat(ProcStats.statusKb(STATUS, "VmRSS")).isEqualTo(598_000);
    }

    @Test
    void shouldNameTheMissingLine() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> ProcStats.statusKb(STATUS, "VmSwap"));
        assertThat(e).hasMessageContaining("VmSwap");
    }

    @Test
    void shouldAddUserAndSystemTicksCountingFieldsFromTheLastParenthesis() {
        // a command name with spaces and a ')' must not shift the fields
        String stat = "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 100 0 0 0 1234 567 0 0 20 0 30 0 100 0";

        assertThat(ProcStats.cpuTicks(stat)).isEqualTo(1234 + 567);
    }

    @Test
    void shouldReadThisProcess() throws Exception {
        if (!ProcStats.available()) {
            return;
        }
        ProcStats self = ProcStats.read(ProcessHandle.current().pid());
        assertThat(self.peakRssBytes()).isGreaterThanOrEqualTo(self.rssBytes()).isPositive();
        assertThat(self.cpuSeconds()).isPositive();
    }
}
