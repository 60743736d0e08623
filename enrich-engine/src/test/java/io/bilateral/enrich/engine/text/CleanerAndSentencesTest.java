package io.bilateral.enrich.engine.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.bilateral.enrich.engine.kb.RuleTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Boilerplate rules (rules/boilerplate.tsv) and sentence splitting. */
class CleanerAndSentencesTest {

    private final TextCleaner cleaner = new TextCleaner(RuleTables.bundled());

    private String kept(String body) {
        String text = "T\n\n" + body;
        TextCleaner.Cleaned c = cleaner.clean(text, 3);
        StringBuilder b = new StringBuilder();
        for (int i = 3; i < text.length(); i++) {
            if (!c.isDropped(i)) {
                b.append(text.charAt(i));
            }
        }
        return b.toString().strip();
    }

    @Test
    void shouldDropTeaserLinesEndingInAnEllipsis() {
        assertThat(kept("Iran and Uzbekistan signed a deal.\nRussian President Vladimir Putin has confirmed the…\n"
                        + "A senior MP has called for..."))
                .isEqualTo("Iran and Uzbekistan signed a deal.");
    }

    @Test
    void shouldDropReadMoreFooters() {
        assertThat(kept("The two met.\n\nRead More:\n\nCounter-terrorism; priority for Iran-Tajikistan"))
                .isEqualTo("The two met.");
    }

    @Test
    void shouldDropLicenceSentencesGluedToAParagraph() {
        assertThat(kept("He said so. All Content by Mehr News Agency is licensed under a Creative Commons "
                        + "Attribution 4.0 International License."))
                .isEqualTo("He said so.");
    }

    @ParameterizedTest
    @CsvSource({
        "'TEHRAN – Top officials met.', TEHRAN",
        "'Dushanbe(IP) - The chief met.', Dushanbe",
        "'NEW YORK, March 3 - Shares rose.', NEW YORK"
    })
    void shouldKeepTheDatelinePlaceAsMetadata(String body, String place) {
        assertThat(cleaner.clean("T\n\n" + body, 3).place()).isEqualTo(place);
    }

    @Test
    void shouldDropADateLine() {
        TextCleaner.Cleaned c = cleaner.clean("T\n\nDec 05, 2021 12:11 UTC\nTop officials met.", 3);
        assertThat(c.date()).isEqualTo("Dec 05, 2021 12:11 UTC");
    }

    @ParameterizedTest
    @CsvSource({
        "'Maj. Gen. Bagheri met the U.S. envoy. They talked.', 2",
        "'He flew to the U.S.\nThen he left.', 2",
        "'Prices rose 5.93 pct. Mr. Smith said so.', 2",
        "'A wrapped newswire line\ncontinues here. Next one.', 2"
    })
    void shouldSplitSentencesSurvivingAbbreviations(String text, int expected) {
        Tokens t = Tokenizer.tokenize(text);
        int[] n = new int[1];
        Sentences.split(t, RuleTables.bundled().abbreviations, n);
        assertThat(n[0]).isEqualTo(expected);
    }

    @Test
    void shouldKeepDottedAbbreviationsAsOneToken() {
        Tokens t = Tokenizer.tokenize("the U.S. and Iran's");
        assertThat(t.text(1)).isEqualTo("U.S.");
        assertThat(t.text(4)).isEqualTo("'s");
    }
}
