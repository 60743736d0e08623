package io.bilateral.enrich.engine.kb;

import io.bilateral.enrich.engine.text.Fold;
import io.bilateral.enrich.engine.text.Tokenizer;
import io.bilateral.enrich.engine.text.Tokens;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A trie over folded tokens (a dictionary automaton for leftmost-longest matching): built once from all aliases,
 * immutable, thread-safe, and allocation-free while matching except for the reported matches.
 */
public final class PhraseMatcher {

    /** Case rule of one alias. */
    public static final int CASE_TITLE = 0; // capitalised words ("Supreme National Security Council")

    public static final int CASE_FIRST = 1; // first word capitalised ("Washington state")
    public static final int CASE_ACRONYM = 2; // exact upper case ("US", "UN", "SCO")
    public static final int CASE_ANY = 3; // any case (cue words, themes)

    // vocabulary: open addressing over folded token strings
    /** folded key of vocabulary id k: keyChars[keyStart[k] .. keyStart[k + 1]) (one array: no pointer chasing) */
    private final char[] keyChars;

    private final int[] keyStart;
    /** per slot: full hash << 32 | (id + 1), 0 when empty: a probe reads one array, the key only on a hash hit. */
    private final long[] vocabSlots;

    private final int vocabMask;
    private final int vocabShift;
    // transitions: open addressing over (node, token) → child
    private final long[] transKeys;
    private final int[] transVals;
    private final int transMask;
    /** per node: packed (payload << 2 | caseRule), or null when no alias ends there. */
    private final int[][] payloads;
    /** whether some alias matches in any case (else matches start only at capitalised or function words). */
    private final boolean anyCase;

    private PhraseMatcher(
            char[] keyChars, int[] keyStart, long[] vocabSlots, long[] transKeys, int[] transVals, int[][] payloads) {
        this.keyChars = keyChars;
        this.keyStart = keyStart;
        this.vocabSlots = vocabSlots;
        this.vocabMask = vocabSlots.length - 1;
        this.vocabShift = Tokens.slotShift(vocabSlots.length);
        this.transKeys = transKeys;
        this.transVals = transVals;
        this.transMask = transKeys.length - 1;
        this.payloads = payloads;
        boolean any = false;
        for (int[] p : payloads) {
            for (int k = 0; p != null && k < p.length; k++) {
                any |= (p[k] & 3) == CASE_ANY;
            }
        }
        this.anyCase = any;
    }

    /** One match: tokens [startToken, endToken) and the payloads (with case rules) that matched. */
    public record Match(int startToken, int endToken, int[] payloads) {}

    /** Collects phrases before building. */
    public static final class Builder {
        private final Map<String, Integer> vocab = new HashMap<>();
        private final List<Map<Integer, Integer>> children = new ArrayList<>();
        private final List<List<Integer>> ends = new ArrayList<>();

        public Builder() {
            newNode();
        }

        private int newNode() {
            children.add(null);
            ends.add(null);
            return children.size() - 1;
        }

        /** Adds a phrase; payload is an int the caller maps back (e.g. an entry index). */
        public Builder add(String phrase, int payload) {
            return add(phrase, payload, CaseRules.caseRule(phrase));
        }

        /** Adds a phrase with an explicit case rule (one of the CASE_ constants). */
        public Builder add(String phrase, int payload, int rule) {
            Tokens t = Tokenizer.tokenize(phrase);
            if (t.size == 0) {
                return this;
            }
            int node = 0;
            for (int i = 0; i < t.size; i++) {
                String key = Fold.fold(t.text(i));
                int id = vocab.computeIfAbsent(key, k -> vocab.size());
                Map<Integer, Integer> ch = children.get(node);
                if (ch == null) {
                    ch = new HashMap<>();
                    children.set(node, ch);
                }
                Integer next = ch.get(id);
                if (next == null) {
                    next = newNode();
                    ch.put(id, next);
                }
                node = next;
            }
            List<Integer> e = ends.get(node);
            if (e == null) {
                e = new ArrayList<>(1);
                ends.set(node, e);
            }
            int packed = payload << 2 | rule;
            if (!e.contains(packed)) {
                e.add(packed);
            }
            return this;
        }

        public PhraseMatcher build() {
            int vcap = Integer.highestOneBit(Math.max(16, vocab.size() * 3)) << 1;
            long[] vs = new long[vcap];
            String[] byId = new String[vocab.size()];
            for (Map.Entry<String, Integer> en : vocab.entrySet()) {
                String k = en.getKey();
                byId[en.getValue()] = k;
                int full = Tokens.foldHash(k, 0, k.length());
                int h = Tokens.slot(full, Tokens.slotShift(vcap));
                while (vs[h] != 0) {
                    h = (h + 1) & (vcap - 1);
                }
                vs[h] = (long) full << 32 | (en.getValue() + 1);
            }
            int[] ks = new int[byId.length + 1];
            StringBuilder pool = new StringBuilder();
            for (int k = 0; k < byId.length; k++) {
                ks[k] = pool.length();
                pool.append(byId[k]);
            }
            ks[byId.length] = pool.length();
            char[] kc = pool.toString().toCharArray();
            int edges = 0;
            for (Map<Integer, Integer> m : children) {
                edges += m == null ? 0 : m.size();
            }
            int tcap = Integer.highestOneBit(Math.max(16, edges * 3)) << 1;
            long[] tk = new long[tcap];
            Arrays.fill(tk, -1L);
            int[] tv = new int[tcap];
            for (int node = 0; node < children.size(); node++) {
                Map<Integer, Integer> m = children.get(node);
                if (m == null) {
                    continue;
                }
                for (Map.Entry<Integer, Integer> en : m.entrySet()) {
                    long key = ((long) node << 32) | en.getKey();
                    int h = mix(key) & (tcap - 1);
                    while (tk[h] != -1L) {
                        h = (h + 1) & (tcap - 1);
                    }
                    tk[h] = key;
                    tv[h] = en.getValue();
                }
            }
            int[][] pl = new int[ends.size()][];
            for (int i = 0; i < ends.size(); i++) {
                List<Integer> e = ends.get(i);
                if (e != null) {
                    pl[i] = e.stream().mapToInt(Integer::intValue).toArray();
                }
            }
            return new PhraseMatcher(kc, ks, vs, tk, tv, pl);
        }
    }

    private static int mix(long k) {
        k *= 0x9E3779B97F4A7C15L;
        return (int) (k ^ (k >>> 29));
    }

    /** Vocabulary id of token i, or -1. */
    public int tokenId(Tokens t, int i) {
        int full = t.hash[i];
        int h = Tokens.slot(full, vocabShift);
        while (true) {
            long slot = vocabSlots[h];
            if (slot == 0) {
                return -1;
            }
            if ((int) (slot >>> 32) == full && sameFolded((int) slot - 1, t, i)) {
                return (int) slot - 1;
            }
            h = (h + 1) & vocabMask;
        }
    }

    private boolean sameFolded(int id, Tokens t, int i) {
        int s = t.start[i];
        int from = keyStart[id];
        int len = keyStart[id + 1] - from;
        if (len != t.end[i] - s) {
            return false;
        }
        CharSequence text = t.text;
        for (int p = 0; p < len; p++) {
            if (keyChars[from + p] != Fold.fold(text.charAt(s + p))) {
                return false;
            }
        }
        return true;
    }

    private int child(int node, int tok) {
        long key = ((long) node << 32) | tok;
        int h = mix(key) & transMask;
        while (true) {
            long k = transKeys[h];
            if (k == key) {
                return transVals[h];
            }
            if (k == -1L) {
                return -1;
            }
            h = (h + 1) & transMask;
        }
    }

    /**
     * Leftmost-longest matches over tokens that are not dropped, honouring each alias' case rule. A match never
     * spans a dropped token.
     */
    public List<Match> match(Tokens t) {
        return match(t, 0, t.size);
    }

    /**
     * {@link #match(Tokens)} over tokens {@code from} (inclusive) to {@code to} (exclusive) only: a caller that needs
     * matches in a few sentences looks up no other token.
     */
    public List<Match> match(Tokens t, int from, int to) {
        List<Match> out = new ArrayList<>();
        int[] ids = new int[to - from]; // vocabulary ids by token - from, looked up on first use
        Arrays.fill(ids, UNKNOWN);
        int i = from;
        while (i < to) {
            // without any-case aliases no match starts at a lower-case word other than a function word ("al", "de")
            if (!anyCase
                    && t.kind[i] == Tokens.WORD
                    && !Character.isUpperCase(t.first(i))
                    && (t.end[i] - t.start[i] > CaseRules.FUNCTION_WORD_MAX
                            || !CaseRules.FUNCTION_WORD_SET.contains(t, i))) {
                i++;
                continue;
            }
            if (id(t, ids, from, i) < 0) {
                i++;
                continue;
            }
            int node = 0;
            int bestEnd = -1;
            int[] best = null;
            for (int j = i; j < to && id(t, ids, from, j) >= 0; j++) {
                node = child(node, ids[j - from]);
                if (node < 0) {
                    break;
                }
                int[] p = payloads[node];
                if (p != null) {
                    int[] ok = CaseRules.acceptCase(t, i, j + 1, p);
                    if (ok != null) {
                        bestEnd = j + 1;
                        best = ok;
                    }
                }
            }
            if (best != null) {
                out.add(new Match(i, bestEnd, best));
                i = bestEnd;
            } else {
                i++;
            }
        }
        return out;
    }

    private static final int UNKNOWN = -2;

    private int id(Tokens t, int[] ids, int from, int k) {
        int id = ids[k - from];
        if (id == UNKNOWN) {
            id = t.dropped[k] ? -1 : tokenId(t, k);
            ids[k - from] = id;
        }
        return id;
    }
}
