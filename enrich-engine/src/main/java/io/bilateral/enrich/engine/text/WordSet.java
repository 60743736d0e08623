package io.bilateral.enrich.engine.text;

import java.util.Arrays;
import java.util.Collection;

/**
 * An immutable set of words looked up by token without allocating: keys and tokens are compared case- and
 * accent-folded (see {@link Fold}), through the hash every token already carries.
 */
public final class WordSet {

    private final char[][] keys;
    /** The fold hash of each key: a probe compares it before it reads the key's characters from elsewhere. */
    private final int[] hashes;

    private final int mask;
    private final int shift;
    private final int size;

    private WordSet(Collection<String> words) {
        int cap = Integer.highestOneBit(Math.max(8, words.size() * 3)) << 1;
        keys = new char[cap][];
        hashes = new int[cap];
        mask = cap - 1;
        shift = Tokens.slotShift(cap);
        int n = 0;
        for (String w : words) {
            char[] k = Fold.fold(w).toCharArray();
            int full = Tokens.foldHash(w, 0, w.length());
            int h = slot(full);
            boolean dup = false;
            while (keys[h] != null) {
                if (Arrays.equals(keys[h], k)) {
                    dup = true;
                    break;
                }
                h = (h + 1) & mask;
            }
            if (!dup) {
                keys[h] = k;
                hashes[h] = full;
                n++;
            }
        }
        size = n;
    }

    public static WordSet of(Collection<String> words) {
        return new WordSet(words);
    }

    public static WordSet of(String... words) {
        return new WordSet(Arrays.asList(words));
    }

    public int size() {
        return size;
    }

    /** Whether token {@code i} (folded) is in the set. */
    public boolean contains(Tokens t, int i) {
        return find(t.text, t.start[i], t.end[i], t.hash[i]);
    }

    /** Whether token {@code i} without its last {@code cut} characters (folded) is in the set. */
    public boolean containsStem(Tokens t, int i, int cut) {
        int to = t.end[i] - cut;
        return to > t.start[i] && find(t.text, t.start[i], to, Tokens.foldHash(t.text, t.start[i], to));
    }

    /** Whether the folded word is in the set (allocates nothing; for tests and rare paths). */
    public boolean contains(CharSequence word) {
        return find(word, 0, word.length(), Tokens.foldHash(word, 0, word.length()));
    }

    private boolean find(CharSequence s, int from, int to, int hash) {
        int len = to - from;
        int h = slot(hash);
        while (true) {
            char[] k = keys[h];
            if (k == null) {
                return false;
            }
            if (hashes[h] == hash && k.length == len) {
                boolean eq = true;
                for (int p = 0; p < len; p++) {
                    if (k[p] != Fold.fold(s.charAt(from + p))) {
                        eq = false;
                        break;
                    }
                }
                if (eq) {
                    return true;
                }
            }
            h = (h + 1) & mask;
        }
    }

    private int slot(int hash) {
        return Tokens.slot(hash, shift);
    }
}
