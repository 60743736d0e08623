package io.bilateral.enrich.engine.text;

import java.util.Arrays;
import java.util.Collection;

/**
 * An immutable set of words looked up by token without allocating: keys and tokens are compared case- and
 * accent-folded (see {@link Fold}), through the hash every token already carries.
 *
 * <p>Each slot is one {@code long}: the key's fold hash and where its characters start in one shared pool. A probe
 * that misses reads one slot; a hit reads the slot and the pool, so a lookup costs one or two cache misses.
 */
public final class WordSet {

    /** Per slot: fold hash in the high 32 bits, (pool offset + 1) in the low 32 bits; 0 for an empty slot. */
    private final long[] slots;
    /** The folded keys one after another; {@link #starts} gives where each ends. */
    private final char[] pool;
    /** Start of key k in the pool is starts[k], its end starts[k + 1]; slots hold k + 1. */
    private final int[] starts;

    private final int mask;
    private final int shift;

    private WordSet(Collection<String> words) {
        int cap = Integer.highestOneBit(Math.max(8, words.size() * 3)) << 1;
        long[] table = new long[cap];
        mask = cap - 1;
        shift = Tokens.slotShift(cap);
        StringBuilder chars = new StringBuilder();
        int[] ends = new int[words.size() + 1];
        int n = 0;
        for (String w : words) {
            String k = Fold.fold(w);
            int full = Tokens.foldHash(w, 0, w.length());
            int h = Tokens.slot(full, shift);
            boolean dup = false;
            while (table[h] != 0) {
                int id = (int) table[h] - 1;
                if ((int) (table[h] >>> 32) == full
                        && chars.substring(ends[id], ends[id + 1]).equals(k)) {
                    dup = true;
                    break;
                }
                h = (h + 1) & mask;
            }
            if (!dup) {
                ends[n] = chars.length();
                chars.append(k);
                ends[n + 1] = chars.length();
                table[h] = (long) full << 32 | (n + 1);
                n++;
            }
        }
        slots = table;
        pool = chars.toString().toCharArray();
        starts = Arrays.copyOf(ends, n + 1);
    }

    public static WordSet of(Collection<String> words) {
        return new WordSet(words);
    }

    public static WordSet of(String... words) {
        return new WordSet(Arrays.asList(words));
    }

    public int size() {
        return starts.length - 1;
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
        int h = Tokens.slot(hash, shift);
        while (true) {
            long slot = slots[h];
            if (slot == 0) {
                return false;
            }
            if ((int) (slot >>> 32) == hash && same((int) slot - 1, s, from, len)) {
                return true;
            }
            h = (h + 1) & mask;
        }
    }

    private boolean same(int key, CharSequence s, int from, int len) {
        int at = starts[key];
        if (starts[key + 1] - at != len) {
            return false;
        }
        for (int p = 0; p < len; p++) {
            if (pool[at + p] != Fold.fold(s.charAt(from + p))) {
                return false;
            }
        }
        return true;
    }
}
