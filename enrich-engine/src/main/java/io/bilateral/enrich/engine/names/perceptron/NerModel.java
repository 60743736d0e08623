package io.bilateral.enrich.engine.names.perceptron;

import io.bilateral.enrich.engine.text.Tokens;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A trained name tagger: one weight per (feature, tag) over IOB2 tags of PER, LOC, ORG, MISC, decoded greedily left
 * to right (an I- tag only after a B- or I- of its type). Immutable and thread-safe; {@link #tag} allocates only
 * small per-call buffers.
 */
public final class NerModel {

    /** Entity types in tag order: tag {@code 1 + 2k} is B-type k, {@code 2 + 2k} is I-type k, 0 is O. */
    public static final String[] TYPES = {"PER", "LOC", "ORG", "MISC"};

    /** Number of tags. */
    public static final int TAGS = 1 + 2 * TYPES.length;

    private static final int MAGIC = 0x4E45524D; // "NERM"

    /** Row width in {@link #table}: the key, then the weight of every tag as float bits. */
    private static final int ROW = 1 + TAGS;

    // open addressing, key 0 = empty; key and weights side by side so that a lookup touches one cache line
    private final int[] table;
    private final int mask;
    private final int size;

    NerModel(int[] table, int slots, int size) {
        this.table = table;
        this.mask = slots - 1;
        this.size = size;
    }

    /** Number of features with a weight. */
    public int features() {
        return size;
    }

    /** The tag name ("O", "B-PER", ...). */
    public static String tagName(int tag) {
        return tag == 0 ? "O" : ((tag & 1) == 1 ? "B-" : "I-") + TYPES[(tag - 1) / 2];
    }

    /** Tag index of a tag name; IOB1 and IOB2 names both map to the same index, unknown names to O. */
    public static int tagIndex(String name) {
        if (name.length() < 3) {
            return 0;
        }
        String type = name.substring(2);
        for (int k = 0; k < TYPES.length; k++) {
            if (TYPES[k].equals(type)) {
                return name.charAt(0) == 'B' ? 1 + 2 * k : 2 + 2 * k;
            }
        }
        return 0;
    }

    /** May {@code tag} follow {@code prev}? I-X only continues B-X or I-X. */
    static boolean allowed(int prev, int tag) {
        return tag == 0 || (tag & 1) == 1 || (prev != 0 && (prev - 1) / 2 == (tag - 1) / 2);
    }

    /**
     * Tags the tokens {@code [from, to)} into {@code tags} (tag indices) given the dictionary marks of
     * {@link NerFeatures}.
     */
    public void tag(Tokens t, int from, int to, byte[] dict, int[] tags) {
        int[] feats = new int[NerFeatures.MAX_STATIC + NerFeatures.MAX_TAG];
        float[] scores = new float[TAGS];
        boolean headline = NerFeatures.headline(t, from, to);
        int prev1 = 0;
        int prev2 = 0;
        for (int i = from; i < to; i++) {
            if (prev1 == 0 && !NerFeatures.canStart(t, i)) {
                tags[i] = 0;
                prev2 = prev1;
                continue;
            }
            int n = NerFeatures.staticFeatures(t, from, to, dict, headline, i, feats, 0);
            n = NerFeatures.tagFeatures(t, i, prev1, prev2, dict[i], feats, n);
            int best = best(feats, n, prev1, scores);
            tags[i] = best;
            prev2 = prev1;
            prev1 = best;
        }
    }

    int best(int[] feats, int n, int prev, float[] scores) {
        Arrays.fill(scores, 0f);
        int[] tb = table;
        for (int k = 0; k < n; k++) {
            int key = feats[k];
            int i = mix(key) & mask;
            while (true) {
                int base = i * ROW;
                int kk = tb[base];
                if (kk == key) {
                    for (int y = 0; y < TAGS; y++) {
                        scores[y] += Float.intBitsToFloat(tb[base + 1 + y]);
                    }
                    break;
                }
                if (kk == 0) {
                    break;
                }
                i = (i + 1) & mask;
            }
        }
        int best = 0;
        for (int y = 1; y < TAGS; y++) {
            if (scores[y] > scores[best] && allowed(prev, y)) {
                best = y;
            }
        }
        return best;
    }

    static int mix(int key) {
        return key ^ (key >>> 13);
    }

    /** Writes the model (format version, feature version, features and their weights). */
    public void write(OutputStream os) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(os, 1 << 16));
        out.writeInt(MAGIC);
        out.writeInt(NerFeatures.VERSION);
        out.writeInt(TAGS);
        out.writeInt(size);
        for (int i = 0; i <= mask; i++) {
            if (table[i * ROW] != 0) {
                out.writeInt(table[i * ROW]);
                for (int y = 0; y < TAGS; y++) {
                    out.writeInt(table[i * ROW + 1 + y]);
                }
            }
        }
        out.flush();
    }

    /** Reads a model written by {@link #write}; fails on another format or feature version. */
    public static NerModel read(InputStream is) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(is, 1 << 16));
        if (in.readInt() != MAGIC) {
            throw new IOException("not a name tagger model (bad magic number)");
        }
        int version = in.readInt();
        int tags = in.readInt();
        if (version != NerFeatures.VERSION || tags != TAGS) {
            throw new IOException("name tagger model has feature version " + version + " and " + tags
                    + " tags; this build needs version " + NerFeatures.VERSION + " and " + TAGS + " tags");
        }
        int n = in.readInt();
        Builder b = new Builder(n);
        float[] row = new float[TAGS];
        for (int i = 0; i < n; i++) {
            int key = in.readInt();
            for (int y = 0; y < TAGS; y++) {
                row[y] = in.readFloat();
            }
            b.put(key, row);
        }
        return b.build();
    }

    /** Collects (feature, weights) rows into a compact table. */
    static final class Builder {
        private final int[] table;
        private final int slots;
        private int size;

        Builder(int expected) {
            slots = Integer.highestOneBit(Math.max(16, expected + expected / 2)) << 1; // load under 2/3
            table = new int[slots * ROW];
        }

        void put(int key, float[] row) {
            int i = mix(key) & (slots - 1);
            while (table[i * ROW] != 0 && table[i * ROW] != key) {
                i = (i + 1) & (slots - 1);
            }
            if (table[i * ROW] == 0) {
                size++;
            }
            table[i * ROW] = key;
            for (int y = 0; y < TAGS; y++) {
                table[i * ROW + 1 + y] = Float.floatToRawIntBits(row[y]);
            }
        }

        NerModel build() {
            return new NerModel(table, slots, size);
        }
    }
}
