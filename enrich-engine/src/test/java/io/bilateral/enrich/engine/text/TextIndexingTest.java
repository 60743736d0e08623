package io.bilateral.enrich.engine.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.bilateral.enrich.engine.kb.BoilerplateRule;
import io.bilateral.enrich.engine.kb.PhraseMatcher;
import io.bilateral.enrich.engine.kb.RuleTables;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The allocation-free lookups the hot path relies on: token hashes, word sets, boilerplate triggers. */
class TextIndexingTest {

    @Test
    void shouldGiveEveryTokenTheHashOfItsFoldedText() {
        Tokens t = Tokenizer.tokenize("Élysée ELYSEE elysée, U.S. 1,000 Iran's");
        for (int i = 0; i < t.size; i++) {
            assertThat(t.hash[i]).as(t.text(i)).isEqualTo(Tokens.foldHash(t.text, t.start[i], t.end[i]));
        }
        assertThat(t.hash[0]).isEqualTo(t.hash[1]).isEqualTo(t.hash[2]);
    }

    @Test
    void shouldFindWordsOfAWordSetByTokenIgnoringCaseAndAccents() {
        WordSet s = WordSet.of("minister", "president", "cafe");
        Tokens t = Tokenizer.tokenize("MINISTER President Café ministers presiden");
        assertThat(s.contains(t, 0)).isTrue();
        assertThat(s.contains(t, 1)).isTrue();
        assertThat(s.contains(t, 2)).isTrue();
        assertThat(s.contains(t, 3)).isFalse();
        assertThat(s.contains(t, 4)).isFalse();
        assertThat(s.size()).isEqualTo(3);
    }

    @Test
    void shouldMatchPhrasesStartingAtFunctionWordsButNotAtOtherLowerCaseWords() {
        PhraseMatcher m = new PhraseMatcher.Builder()
                .add("al-Qaeda", 1)
                .add("Washington state", 2)
                .add("Supreme Court", 3)
                .build();
        Tokens t = Tokenizer.tokenize("the al-Qaeda cell in Washington state and the supreme court");
        List<PhraseMatcher.Match> found = m.match(t);
        assertThat(found)
                .extracting(x -> t.text.subSequence(t.start[x.startToken()], t.end[x.endToken() - 1])
                        .toString())
                .containsExactly("al-Qaeda", "Washington state");
    }

    /** Lines each rule must drop: the trigger may never hide a line its regex matches. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "Read More:",
                "  Related News",
                "Share this",
                "Tweet",
                "By John Smith",
                "Reporting by Jane Doe, editing by Tom Lee",
                "Photo: AFP",
                "Source: IRNA",
                "He said so. All Content by Mehr News Agency is licensed under a Creative Commons licence.",
                "(c) 2021 Some Agency",
                "Copyright 2021 Some Agency",
                "This article was first published by X.",
                " Reuter"
            })
    void shouldTriggerEveryRuleOnTheLinesItsRegexMatches(String line) {
        boolean matchedByARegex = false;
        for (BoilerplateRule r : RuleTables.bundled().boilerplate) {
            if (r.pattern().matcher(line).find()) {
                matchedByARegex = true;
                int[] next = new int[r.triggers().length];
                Arrays.fill(next, -2);
                assertThat(r.triggered(line, 0, line.length()))
                        .as(r.kind() + " " + r.note())
                        .isTrue();
                assertThat(r.triggered(line, 0, line.length(), next))
                        .as(r.kind() + " " + r.note())
                        .isTrue();
            }
        }
        assertThat(matchedByARegex).as("the example line should be boilerplate").isTrue();
    }

    @Test
    void shouldNotTriggerOnOrdinaryNewsLines() {
        String line = "The two ministers signed the agreement in Tashkent on Wednesday.";
        for (BoilerplateRule r : RuleTables.bundled().boilerplate) {
            if (r.triggers().length > 0) {
                assertThat(r.triggered(line, 0, line.length()))
                        .as(r.kind() + " " + r.note())
                        .isFalse();
            }
        }
    }
}
