package io.bilateral.enrich.engine.text;

import java.text.Normalizer;

/** Case and accent folding of single characters through a table, so that matching allocates nothing. */
public final class Fold {
    private static final char[] TABLE = new char[0x2100];

    static {
        for (int c = 0; c < TABLE.length; c++) {
            char ch = (char) c;
            char f = Character.toLowerCase(ch);
            if (c >= 0xC0 && c < 0x250) {
                String d = Normalizer.normalize(String.valueOf(ch), Normalizer.Form.NFD);
                if (!d.isEmpty() && d.charAt(0) < 0x80) {
                    f = Character.toLowerCase(d.charAt(0));
                }
            }
            TABLE[c] = f;
        }
        // Arabic and Persian spellings of one letter fold together (ی/ي/ى, ک/ك, أ/إ/آ/ا), so that one alias
        // matches both scripts' texts
        TABLE['\u06CC'] = '\u064A';
        TABLE['\u0649'] = '\u064A';
        TABLE['\u06A9'] = '\u0643';
        TABLE['\u0622'] = '\u0627';
        TABLE['\u0623'] = '\u0627';
        TABLE['\u0625'] = '\u0627';
        TABLE['\u2019'] = '\'';
        TABLE['\u2018'] = '\'';
        TABLE['\u2010'] = '-';
        TABLE['\u2011'] = '-';
    }

    private Fold() {}

    public static char fold(char c) {
        return c < TABLE.length ? TABLE[c] : Character.toLowerCase(c);
    }

    public static String fold(CharSequence s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            b.append(fold(s.charAt(i)));
        }
        return b.toString();
    }
}
