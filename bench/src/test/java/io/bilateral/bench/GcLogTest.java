package io.bilateral.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GcLogTest {

    private static final long MIB = 1024 * 1024;

    @Test
    void shouldTakeThePeaksOfEveryCollection() {
        String log = String.join(
                "\n",
                "[0.004s][info][gc] Using G1",
                "[1.201s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 24M->6M(256M) 3.104ms",
                "[2.900s][info][gc] GC(1) Pause Young (Concurrent Start) (G1 Humongous Allocation) 158M->26M(484M) 9.2ms",
                "[2.950s][info][gc] GC(2) Concurrent Mark Cycle 12.001ms",
                "[3.100s][info][gc] GC(3) Pause Full (System.gc()) 1G->512K(1G) 40.0ms",
                "");

        GcLog gc = GcLog.parse(log);

        assertThat(gc.collections()).isEqualTo(3);
        assertThat(gc.peakUsedBytes()).isEqualTo(1024 * MIB);
        assertThat(gc.peakLiveBytes()).isEqualTo(26 * MIB);
        assertThat(gc.peakCommittedBytes()).isEqualTo(1024 * MIB);
    }

    @Test
    void shouldBeZeroWithoutCollections() {
        assertThat(GcLog.parse("[0.004s][info][gc] Using G1\n")).isEqualTo(new GcLog(0, 0, 0, 0));
    }
}
