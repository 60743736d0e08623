package io.bilateral.enrich.engine.kb;

import io.bilateral.enrich.engine.text.Tokenizer;
import io.bilateral.enrich.engine.text.Tokens;
import io.bilateral.enrich.engine.text.WordSet;
import java.util.Arrays;

/**
 * The case rule of a {@link PhraseMatcher} alias: which rule a phrase gets from its own spelling, and whether the
 * matched tokens of a text keep it ("US" matches "US", not "us"; "Supreme Court" not "supreme court").
 */
final class CaseRules {

    private CaseRules() {}

    /** The rule a phrase's spelling implies: an acronym, capitalised words, or only the first word capitalised. */
    static int caseRule(String phrase) {
        boolean lower = false;
        int letters = 0;
        for (int i = 0; i < phrase.length(); i++) {
            char c = phrase.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                lower |= Character.isLowerCase(c);
            }
        }
        if (!lower && letters <= 6) {
            return PhraseMatcher.CASE_ACRONYM;
        }
        Tokens t = Tokenizer.tokenize(phrase);
        for (int i = 1; i < t.size; i++) {
            if (t.kind[i] == Tokens.WORD && Character.isLowerCase(t.first(i)) && !isFunctionWord(t, i)) {
                return PhraseMatcher.CASE_FIRST;
            }
        }
        return PhraseMatcher.CASE_TITLE;
    }

    static boolean isFunctionWord(Tokens t, int i) {
        int len = t.end[i] - t.start[i];
        if (len > 4) {
            return false;
        }
        for (String w : FUNCTION_WORDS) {
            if (t.is(i, w)) {
                return true;
            }
        }
        return false;
    }

    private static final String[] FUNCTION_WORDS = {
        "of", "the", "and", "for", "de", "d", "da", "al", "el", "la", "le", "von", "van", "bin", "del", "du", "des",
        "on", "in", "'s", "y", "of"
    };
    static final WordSet FUNCTION_WORD_SET = WordSet.of(FUNCTION_WORDS);

    /** The longest function word: a longer lower-case word is none, and needs no lookup. */
    static final int FUNCTION_WORD_MAX =
            Arrays.stream(FUNCTION_WORDS).mapToInt(String::length).max().orElse(0);

    static int[] acceptCase(Tokens t, int from, int to, int[] payloads) {
        int accepted = 0;
        int[] out = null;
        for (int k = 0; k < payloads.length; k++) {
            if (caseOk(t, from, to, payloads[k] & 3)) {
                if (out == null) {
                    out = new int[payloads.length];
                }
                out[accepted++] = payloads[k];
            }
        }
        return out == null ? null : accepted == out.length ? out : Arrays.copyOf(out, accepted);
    }

    private static boolean caseOk(Tokens t, int from, int to, int rule) {
        switch (rule) {
            case PhraseMatcher.CASE_ACRONYM:
                for (int i = from; i < to; i++) {
                    for (int p = t.start[i]; p < t.end[i]; p++) {
                        if (Character.isLowerCase(t.text.charAt(p))) {
                            return false;
                        }
                    }
                }
                return true;
            case PhraseMatcher.CASE_ANY:
                return true;
            case PhraseMatcher.CASE_FIRST:
                return t.kind[from] != Tokens.WORD || Character.isUpperCase(t.first(from));
            default:
                for (int i = from; i < to; i++) {
                    if (t.kind[i] == Tokens.WORD
                            && !Character.isUpperCase(t.first(i))
                            && !isFunctionWord(t, i)
                            && !(i > from && Character.isDigit(t.first(i)))) {
                        if (i == from && isFunctionWord(t, i)) {
                            continue;
                        }
                        return false;
                    }
                }
                return true;
        }
    }
}
