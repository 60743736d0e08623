package io.bilateral.enrich.engine.names.perceptron;

import io.bilateral.enrich.engine.text.Fold;
import io.bilateral.enrich.engine.text.Tokens;

/**
 * Feature extraction for the name tagger, as 32-bit hashes of (template, value) so that nothing is allocated per
 * token. Static features depend on the tokens and the dictionary marks only and are computed once per token; tag
 * features depend on the tags already chosen to the left.
 *
 * <p>Dictionary marks ({@code dict}) are per token: 0 outside any dictionary match, else {@code 2 * type + 1} on
 * the first token of a match and {@code 2 * type + 2} inside it, with type one of {@link #DICT_TYPES}.
 *
 * <p>Bump {@link #VERSION} whenever a feature changes: cached models are keyed by it.
 */
public final class NerFeatures {

    /** Part of the cache key of trained models. */
    public static final int VERSION = 4;

    /** Dictionary types as marked in {@code dict}: COUNTRY, LOCATION, NORP, ORGANIZATION, PERSON. */
    public static final int DICT_TYPES = 5;

    /** Enough room for every static feature of one token. */
    public static final int MAX_STATIC = 48;

    /** Enough room for every tag feature of one token. */
    public static final int MAX_TAG = 6;

    private static final int BOS = 0x5EED_0001;
    private static final int EOS = 0x5EED_0002;

    private NerFeatures() {}

    /**
     * Writes the static features of token {@code i} of the sequence {@code [from, to)} into {@code out} from
     * {@code pos}; returns the new position. {@code headline} tells that the sequence is written in capitals.
     */
    public static int staticFeatures(
            Tokens t, int from, int to, byte[] dict, boolean headline, int i, int[] out, int pos) {
        int p = pos;
        out[p++] = f(1, 1); // bias
        int w = t.hash[i];
        out[p++] = f(2, w);
        out[p++] = f(3, word(t, from, to, i - 1));
        out[p++] = f(4, word(t, from, to, i + 1));
        out[p++] = f(5, word(t, from, to, i - 2));
        out[p++] = f(6, word(t, from, to, i + 2));
        out[p++] = f(7, w * 31 + word(t, from, to, i - 1));
        out[p++] = f(8, w * 31 + word(t, from, to, i + 1));
        int shape = shape(t, i);
        int shPrev = i - 1 >= from ? shape(t, i - 1) : BOS;
        int shNext = i + 1 < to ? shape(t, i + 1) : EOS;
        out[p++] = f(9, shape);
        out[p++] = f(10, shPrev);
        out[p++] = f(11, shNext);
        out[p++] = f(12, (shPrev * 31 + shape) * 31 + shNext);
        out[p++] = f(13, longShape(t, i));
        int s = t.start[i];
        int e = t.end[i];
        int len = e - s;
        for (int k = 1; k <= 4 && k <= len; k++) {
            out[p++] = f(20 + k, Tokens.foldHash(t.text, s, s + k));
            out[p++] = f(30 + k, Tokens.foldHash(t.text, e - k, e));
        }
        int d = dict[i];
        int dPrev = i - 1 >= from ? dict[i - 1] : -1;
        int dNext = i + 1 < to ? dict[i + 1] : -1;
        out[p++] = f(40, d);
        out[p++] = f(41, dPrev);
        out[p++] = f(42, dNext);
        out[p++] = f(43, d * 64 + shape);
        out[p++] = f(44, (dPrev * 16 + d) * 16 + dNext);
        if (d != 0) {
            out[p++] = f(45, d * 31 + w);
        }
        boolean first = i == from;
        boolean cap = t.isCapitalized(i);
        out[p++] = f(50, (first ? 2 : 0) + (cap ? 1 : 0));
        out[p++] = f(51, (headline ? 4 : 0) + (first ? 2 : 0) + (cap ? 1 : 0));
        if (headline) {
            out[p++] = f(52, w);
        }
        if (i + 1 < to && t.isCapitalized(i + 1) && cap) {
            out[p++] = f(53, 1);
        }
        if (i - 1 >= from && t.isCapitalized(i - 1) && cap) {
            out[p++] = f(54, 1);
        }
        int pos2 = Math.min(i - from, 3);
        out[p++] = f(55, pos2 * 64 + shape);
        return p;
    }

    /** Tag features: previous tag, previous two tags, previous tag with the word. Returns the new position. */
    public static int tagFeatures(Tokens t, int i, int prev1, int prev2, int dict, int[] out, int pos) {
        int p = pos;
        out[p++] = f(60, prev1);
        out[p++] = f(61, prev2 * 32 + prev1);
        out[p++] = f(62, prev1 * 31 + t.hash[i]);
        out[p++] = f(63, prev1 * 64 + dict);
        return p;
    }

    /**
     * Can a name start at token i? Only a token with an upper-case letter can ("Zorvak", "eBay", "U.S."); after an
     * O tag every other token is O without scoring it, which skips most of the work on running text (both in
     * training and at run time, so the model never learns to rely on it).
     */
    public static boolean canStart(Tokens t, int i) {
        for (int p = t.start[i]; p < t.end[i]; p++) {
            if (Character.isUpperCase(t.text.charAt(p))) {
                return true;
            }
        }
        return false;
    }

    /** True when no word of the sequence has a lower-case letter (a headline or a table row in capitals). */
    public static boolean headline(Tokens t, int from, int to) {
        int words = 0;
        for (int i = from; i < to; i++) {
            if (t.kind[i] == Tokens.WORD) {
                if (!t.isAllCaps(i)) {
                    return false;
                }
                words++;
            }
        }
        return words >= 2;
    }

    private static int word(Tokens t, int from, int to, int i) {
        return i < from ? BOS : i >= to ? EOS : t.hash[i];
    }

    /** Character classes with repeats collapsed: "McDonald" → "XxXx", "1996" → "d", "U.S." → "X.X.". */
    static int shape(Tokens t, int i) {
        int h = 17;
        char last = 0;
        for (int p = t.start[i]; p < t.end[i]; p++) {
            char c = cls(t.text.charAt(p));
            if (c != last) {
                h = h * 31 + c;
                last = c;
            }
        }
        return h;
    }

    /** Character classes of the first six characters and the length class. */
    private static int longShape(Tokens t, int i) {
        int h = 19;
        int end = Math.min(t.end[i], t.start[i] + 6);
        for (int p = t.start[i]; p < end; p++) {
            h = h * 31 + cls(t.text.charAt(p));
        }
        int len = t.end[i] - t.start[i];
        return h * 31 + Math.min(len, 8);
    }

    private static char cls(char c) {
        if (Character.isUpperCase(c)) {
            return 'X';
        }
        if (Character.isLowerCase(c)) {
            return 'x';
        }
        if (Character.isDigit(c)) {
            return 'd';
        }
        return Fold.fold(c);
    }

    /** Mixes a template number and a value into a non-zero feature id. */
    static int f(int template, int value) {
        int h = value * 0x9E3779B1 + template * 0x85EBCA6B;
        h ^= h >>> 16;
        h *= 0x7FEB352D;
        h ^= h >>> 15;
        h *= 0x846CA68B;
        h ^= h >>> 16;
        return h == 0 ? 1 : h;
    }
}
