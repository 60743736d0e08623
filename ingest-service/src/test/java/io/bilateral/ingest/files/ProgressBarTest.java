package io.bilateral.ingest.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProgressBarTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static IngestReport emptyReport() {
        return new IngestReport(0, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource(delimiter = '|', textBlock = """
            0  | 25 | 0  | 0 | 0 | '[          ] 0/25 files, 0 published, 0 rejected'
            12 | 25 | 40 | 3 | 0 | '[####      ] 12/25 files, 40 published, 3 rejected'
            25 | 25 | 90 | 3 | 2 | '[##########] 25/25 files, 90 published, 3 rejected, 2 duplicates'
            1  | 1  | 1  | 0 | 1 | '[##########] 1/1 file, 1 published, 0 rejected, 1 duplicate'
            0  | 0  | 0  | 0 | 0 | '[##########] 0/0 files, 0 published, 0 rejected'
            """)
    void shouldRenderTheBarAndCounters(int done, int total, int published, int rejected, int duplicates, String line) {
        ProgressBar bar = new ProgressBar(out, false, 10);
        assertEquals(line, bar.render(new IngestProgress(done, total, published, rejected, duplicates)));
    }

    @Test
    void shouldRedrawInPlaceOnATerminal() {
        ProgressBar bar = new ProgressBar(out, true, 4);
        bar.onProgress(new IngestProgress(0, 2, 0, 0, 0));
        bar.onProgress(new IngestProgress(1, 2, 10, 0, 1));
        bar.onProgress(new IngestProgress(2, 2, 20, 0, 0));
        bar.onFinish(emptyReport());
        assertEquals(
                "\r[    ] 0/2 files, 0 published, 0 rejected"
                        + "\r[##  ] 1/2 files, 10 published, 0 rejected, 1 duplicate"
                        // the shorter line is padded to wipe the end of the longer one
                        + "\r[####] 2/2 files, 20 published, 0 rejected" + " ".repeat(13)
                        + System.lineSeparator(),
                output());
    }

    @Test
    void shouldPrintPlainLinesOnlyWhenTheBarGrowsElsewhere() {
        ProgressBar bar = new ProgressBar(out, false, 2);
        for (int done = 0; done <= 4; done++) {
            bar.onProgress(new IngestProgress(done, 4, done, 0, 0));
        }
        bar.onFinish(emptyReport());
        String n = System.lineSeparator();
        assertEquals(
                "[  ] 0/4 files, 0 published, 0 rejected" + n
                        + "[# ] 2/4 files, 2 published, 0 rejected" + n
                        + "[##] 4/4 files, 4 published, 0 rejected" + n,
                output());
    }

    @Test
    void shouldRefuseAnEmptyBar() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ProgressBar(out, false, 0));
        assertEquals("width must be at least 1, got 0", e.getMessage());
    }
}
