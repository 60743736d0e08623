package io.bilateral.enrich.engine.text;

import java.util.Set;

/**
 * Sentence boundaries over tokens. A full stop ends a sentence unless it follows an abbreviation ("Maj.", "Gen.")
 * or an initial, or the next word is lower case; "U.S." is one token and never splits. Line breaks split when
 * the line ends a sentence or a blank line follows (wrapped newswire lines do not split).
 */
public final class Sentences {

    private Sentences() {}

    /** Sentence index of every token; dropped tokens get -1. Returns the number of sentences in {@code out[0]}. */
    public static int[] split(Tokens t, Set<String> abbreviations, int[] count) {
        int[] sent = new int[t.size];
        int s = 0;
        boolean open = false;
        for (int i = 0; i < t.size; i++) {
            if (t.dropped[i]) {
                sent[i] = -1;
                if (open) {
                    s++;
                    open = false;
                }
                continue;
            }
            if (open && i > 0 && boundaryBefore(t, i, abbreviations)) {
                s++;
            }
            sent[i] = s;
            open = true;
        }
        count[0] = open ? s + 1 : s;
        return sent;
    }

    private static boolean boundaryBefore(Tokens t, int i, Set<String> abbreviations) {
        int p = i - 1;
        CharSequence text = t.text;
        if (t.newlineBefore(i)) {
            int nl = 0;
            for (int k = t.end[p]; k < t.start[i]; k++) {
                if (text.charAt(k) == '\n') {
                    nl++;
                }
            }
            if (nl >= 2 || isTerminal(t, p) || text.charAt(t.start[p]) == ':') {
                return true;
            }
            // a bullet or an indented short line
            char c = text.charAt(t.start[i]);
            if (c == '•' || c == '*' || c == '-') {
                return true;
            }
        }
        // skip closing quotes after the terminal mark
        int q = p;
        while (q > 0 && isQuote(text.charAt(t.start[q])) && t.end[q] - t.start[q] == 1) {
            q--;
        }
        if (!isTerminal(t, q)) {
            return false;
        }
        if (t.kind[i] == Tokens.WORD && Character.isLowerCase(t.first(i))) {
            return false;
        }
        char m = text.charAt(t.start[q]);
        if (m == '.' && q > 0 && t.end[q - 1] == t.start[q]) {
            int len = t.end[q - 1] - t.start[q - 1];
            if (len == 1 && Character.isUpperCase(t.first(q - 1))) {
                return false; // an initial: "George W. Bush"
            }
            if (len <= 5 && abbreviations.contains(t.lower(q - 1))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '”' || c == '\'' || c == '’' || c == ')';
    }

    private static boolean isTerminal(Tokens t, int i) {
        if (t.kind[i] != Tokens.PUNCT) {
            // "U.S." at the end of a sentence is one token ending in a full stop
            return t.kind[i] == Tokens.WORD
                    && t.text.charAt(t.end[i] - 1) == '.'
                    && i + 1 < t.size
                    && t.newlineBefore(i + 1);
        }
        char c = t.text.charAt(t.start[i]);
        return c == '.'
                || c == '!'
                || c == '?'
                || c == '…'
                || c == '。'
                || c == '！'
                || c == '？'
                || c == '؟'
                || (c == '.' && t.end[i] - t.start[i] == 3);
    }
}
