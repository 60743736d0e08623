package io.bilateral.enrich.engine.text;

/**
 * Splits text into words, numbers and punctuation with offsets. Keeps dotted abbreviations ("U.S.", "D.C.") and
 * numbers with separators ("1,000", "5.93") whole; splits possessives ("Iran" "'s") and hyphens ("Tehran" "-"
 * "Tashkent"). Allocation-free apart from the token arrays.
 */
public final class Tokenizer {

    private static final boolean[] ALNUM = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            ALNUM[c] = Character.isLetterOrDigit(c);
        }
    }

    private Tokenizer() {}

    public static Tokens tokenize(CharSequence text) {
        int n = text.length();
        Tokens t = new Tokens(text, Math.max(16, n / 5));
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            // the zero-width non-joiner separates parts of one Persian word: a space, so that "می‌کند" and "می کند"
            // are the same two tokens
            if (Character.isWhitespace(c) || c == '\u00a0' || c == '\u200c') {
                i++;
                continue;
            }
            if (c >= 0x2E80 && Character.isIdeographic(c)) {
                // Chinese has no spaces: one token per character, phrases are sequences of them
                t.add(i, i + 1, Tokens.WORD);
                i++;
                continue;
            }
            if (Character.isLetter(c)) {
                int s = i;
                // dotted abbreviation of single letters: "U.S.", "D.C.", "U.S.S.R."
                int p = i;
                int letters = 0;
                while (p + 1 < n && Character.isLetter(text.charAt(p)) && text.charAt(p + 1) == '.') {
                    p += 2;
                    letters++;
                }
                if (letters >= 2) {
                    t.add(s, p, Tokens.WORD);
                    i = p;
                    continue;
                }
                // the folded hash is computed on the way, so the token's characters are read once
                int h = 0;
                while (i < n) {
                    char d = text.charAt(i);
                    if (d < 128
                            ? ALNUM[d]
                            : (Character.isLetterOrDigit(d) || Character.getType(d) == Character.NON_SPACING_MARK)
                                    && !(d >= 0x2E80 && Character.isIdeographic(d))) {
                        h = 31 * h + Fold.fold(d);
                        i++;
                    } else {
                        break;
                    }
                }
                t.add(s, i, Tokens.WORD, h ^ (h >>> 16));
                continue;
            }
            if (Character.isDigit(c)) {
                int s = i;
                while (i < n) {
                    char d = text.charAt(i);
                    if (Character.isLetterOrDigit(d)) {
                        i++;
                    } else if ((d == ',' || d == '.' || d == ':' || d == '/')
                            && i + 1 < n
                            && Character.isDigit(text.charAt(i + 1))) {
                        i += 2;
                    } else {
                        break;
                    }
                }
                t.add(s, i, Tokens.NUMBER);
                continue;
            }
            if ((c == '\'' || c == '\u2019')
                    && i + 1 < n
                    && (text.charAt(i + 1) == 's' || text.charAt(i + 1) == 'S')
                    && (i + 2 >= n || !Character.isLetterOrDigit(text.charAt(i + 2)))) {
                t.add(i, i + 2, Tokens.WORD);
                i += 2;
                continue;
            }
            if (c == '.' && i + 2 < n && text.charAt(i + 1) == '.' && text.charAt(i + 2) == '.') {
                t.add(i, i + 3, Tokens.PUNCT);
                i += 3;
                continue;
            }
            t.add(i, i + 1, Tokens.PUNCT);
            i++;
        }
        return t;
    }
}
