package io.bilateral.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextHygieneTest {

    @ParameterizedTest(name = "U+{0} is removed")
    @CsvSource({
        "0000", "0001", "0007", "0008", "000B", "000C", "001B", "001F", "007F", "0080", "0085", "009B", "009F", "FEFF",
        "202A", "202B", "202C", "202D", "202E", "2066", "2067", "2068", "2069", "D800", "DC00"
    })
    void shouldRemoveTheCharacter(String hex) {
        String unwanted = String.valueOf((char) Integer.parseInt(hex, 16));
        assertEquals("ab", TextHygiene.strip("a" + unwanted + "b"));
        assertFalse(TextHygiene.isClean(unwanted));
    }

    @ParameterizedTest(name = "U+{0} is kept")
    @CsvSource({"0009", "000A", "000D", "0020", "00A0", "200C", "200D", "200E", "200F", "2028", "0627", "FFFD"})
    void shouldKeepTheCharacter(String hex) {
        String kept = "a" + (char) Integer.parseInt(hex, 16) + "b";
        assertSame(kept, TextHygiene.strip(kept));
        assertTrue(TextHygiene.isClean(kept));
    }

    @Test
    void shouldKeepPersianWithZeroWidthNonJoinerAndSurrogatePairs() {
        String persian = "می\u200Cخواهم 😀 𝔸";
        assertSame(persian, TextHygiene.strip(persian));
    }

    @Test
    void shouldRemoveAnUnpairedSurrogateNextToAPairAndATerminalColourSequence() {
        assertEquals("😀x", TextHygiene.strip("\uD83D\uDE00\uD83Dx"));
        assertEquals("[31mred[0m", TextHygiene.strip("\u001B[31mred\u001B[0m"));
        assertEquals("x", TextHygiene.strip("\uDE00x\uD83D"));
    }

    @Test
    void shouldCountRemovedCharactersByField() {
        TextHygiene hygiene = new TextHygiene();
        assertEquals("title", hygiene.clean("title", "\uFEFFti\u0000tle"));
        assertEquals("body", hygiene.clean("body", "body"));
        assertEquals("b", hygiene.clean("body", "\u202Eb"));
        assertEquals(null, hygiene.clean("url", null));
        assertEquals(Map.of("title", 2L, "body", 1L), hygiene.removed());
    }
}
