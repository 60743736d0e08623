package io.bilateral.enrich.engine.text;

import java.util.Arrays;
import java.util.Locale;

/**
 * Tokens of one text as parallel arrays (no object per token). Offsets refer to the original text.
 */
public final class Tokens {
    public static final byte WORD = 1;
    public static final byte NUMBER = 2;
    public static final byte PUNCT = 3;

    public final CharSequence text;
    public int size;
    public int[] start;
    public int[] end;
    public byte[] kind;
    /** true when the token lies in boilerplate removed by the cleaner. */
    public boolean[] dropped;
    /** {@link #foldHash} of every token, computed once so that each dictionary lookup hashes nothing. */
    public int[] hash;

    Tokens(CharSequence text, int capacity) {
        this.text = text;
        start = new int[capacity];
        end = new int[capacity];
        kind = new byte[capacity];
        dropped = new boolean[capacity];
        hash = new int[capacity];
    }

    void add(int s, int e, byte k) {
        add(s, e, k, foldHash(text, s, e));
    }

    /** Adds a token whose {@link #foldHash} the caller computed. */
    void add(int s, int e, byte k, int foldHash) {
        if (size == start.length) {
            int n = size * 2 + 16;
            start = Arrays.copyOf(start, n);
            end = Arrays.copyOf(end, n);
            kind = Arrays.copyOf(kind, n);
            dropped = Arrays.copyOf(dropped, n);
            hash = Arrays.copyOf(hash, n);
        }
        hash[size] = foldHash;
        start[size] = s;
        end[size] = e;
        kind[size] = k;
        size++;
    }

    /** Hash of the case- and accent-folded characters [from, to) (see {@link Fold}). */
    public static int foldHash(CharSequence s, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + Fold.fold(s.charAt(i));
        }
        return h ^ (h >>> 16);
    }

    /**
     * The slot of a {@link #foldHash} in an open-addressing table of {@code 1 << (32 - shift)} slots. Similar short
     * words have nearby hashes that linear probing would cluster; Fibonacci hashing spreads them (the top bits of the
     * product are the mixed ones).
     */
    public static int slot(int foldHash, int shift) {
        return (foldHash * 0x9E3779B9) >>> shift;
    }

    /** The {@link #slot} shift for a table of {@code capacity} slots, a power of two. */
    public static int slotShift(int capacity) {
        return Integer.numberOfLeadingZeros(capacity) + 1;
    }

    public String text(int i) {
        return text.subSequence(start[i], end[i]).toString();
    }

    public char first(int i) {
        return text.charAt(start[i]);
    }

    public boolean isCapitalized(int i) {
        return kind[i] == WORD && Character.isUpperCase(text.charAt(start[i]));
    }

    /** True when every letter of the token is upper case (and it has at least one). */
    public boolean isAllCaps(int i) {
        boolean letter = false;
        for (int p = start[i]; p < end[i]; p++) {
            char c = text.charAt(p);
            if (Character.isLowerCase(c)) {
                return false;
            }
            letter |= Character.isLetter(c);
        }
        return letter;
    }

    /** Case-insensitive comparison with a lower-case ASCII word, without allocating. */
    public boolean is(int i, String lower) {
        int len = end[i] - start[i];
        if (len != lower.length()) {
            return false;
        }
        for (int k = 0; k < len; k++) {
            if (Character.toLowerCase(text.charAt(start[i] + k)) != lower.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Lower-case form (allocates; use for rare paths). */
    public String lower(int i) {
        return text(i).toLowerCase(Locale.ROOT);
    }

    /** True when the gap before token i contains a line break. */
    public boolean newlineBefore(int i) {
        int from = i == 0 ? 0 : end[i - 1];
        for (int p = from; p < start[i]; p++) {
            if (text.charAt(p) == '\n') {
                return true;
            }
        }
        return false;
    }
}
