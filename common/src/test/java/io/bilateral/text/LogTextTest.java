package io.bilateral.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogTextTest {

    @Test
    void shouldEscapeNewlinesSoAValueCannotStartAForgedLogLine() {
        String forged = "id-1\n2099-01-01 00:00:00 ERROR io.bilateral.FAKE - owned\r\n";
        String safe = LogText.safe(forged);
        assertEquals("id-1\\n2099-01-01 00:00:00 ERROR io.bilateral.FAKE - owned\\r\\n", safe);
        assertTrue(safe.chars().allMatch(c -> c >= 0x20));
    }

    @Test
    void shouldEscapeTerminalAndBidiControlsButKeepOtherText() {
        assertEquals("\\u001B[31mred \\u202Eevil \\u0085 تهران", LogText.safe("\u001B[31mred \u202Eevil \u0085 تهران"));
        assertEquals("a\\u0000b\\tc\\u007F", LogText.escape("a\u0000b\tc\u007F"));
    }

    @Test
    void shouldLeaveCleanTextAndJsonEscapesAsTheyAre() {
        String json = "{\"title\":\"a\\nb \\\"q\\\"\"}";
        assertSame(json, LogText.escape(json));
    }

    @Test
    void shouldCutOverlongValuesSayingHowMuchWasCut() {
        String safe = LogText.safe("x".repeat(1_000_000));
        assertEquals("x".repeat(LogText.MAX_CHARS) + "…(999800 more chars)", safe);
    }

    @Test
    void shouldNotSplitASurrogatePairWhenCutting() {
        String text = "x".repeat(LogText.MAX_CHARS - 1) + "😀" + "y";
        assertEquals("x".repeat(LogText.MAX_CHARS - 1) + "…(3 more chars)", LogText.safe(text));
        assertEquals("null", LogText.safe(null));
    }
}
