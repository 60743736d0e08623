package io.bilateral.enrich.engine.kb;

import io.bilateral.enrich.engine.text.Tokens;
import java.util.ArrayList;
import java.util.List;

/**
 * Cues whose words stand apart: "suspend* ... aid" matches "suspended part of its aid", "strike ... kill*" matches "a
 * drone strike at the airport killed". A split cue is a head and a tail with at most {@link #GAP} words between them
 * and no clause boundary; where it matches it replaces the cues inside it ("aid" alone would be a gift, not its
 * suspension), so the table says the phrase once instead of every filler a reporter puts between its words.
 */
final class SplitCues {

    /** The marker between a split cue's head and tail in a pattern. */
    static final String GAP_MARK = " ... ";

    /** The most words between head and tail: a quantity and a place ("on a farm near the town of Zakho"). */
    static final int GAP = 8;

    /** Heads and tails of every split cue; payload = cue index << 1 | 0 for a head, 1 for a tail. */
    private final PhraseMatcher parts;

    private final boolean empty;

    /** From the cue table: every pattern with {@link #GAP_MARK} at {@code cues[i]} becomes split cue i. */
    SplitCues(List<RuleTables.EventCue> cues) {
        PhraseMatcher.Builder b = new PhraseMatcher.Builder();
        boolean any = false;
        for (int i = 0; i < cues.size(); i++) {
            String p = cues.get(i).pattern();
            int gap = p.indexOf(GAP_MARK);
            if (gap > 0) {
                RuleTables.addExpanded(b, p.substring(0, gap), i << 1);
                RuleTables.addExpanded(b, p.substring(gap + GAP_MARK.length()), i << 1 | 1);
                any = true;
            }
        }
        parts = b.build();
        empty = !any;
    }

    static boolean isSplit(String pattern) {
        return pattern.indexOf(GAP_MARK) > 0;
    }

    /**
     * The cues of [{@code from}, {@code to}) in text order: {@code cues} (the contiguous ones), with every split cue
     * that matches in place of the cues it covers. A match's payload is the split cue's index, as the matcher packs it.
     */
    List<PhraseMatcher.Match> join(Tokens t, List<PhraseMatcher.Match> cues, int from, int to) {
        if (empty) {
            return cues;
        }
        List<PhraseMatcher.Match> found = parts.match(t, from, to);
        List<PhraseMatcher.Match> joined = null;
        int lastEnd = from;
        for (int h = 0; h < found.size(); h++) {
            PhraseMatcher.Match head = found.get(h);
            if (head.startToken() < lastEnd) {
                continue;
            }
            PhraseMatcher.Match split = tailOf(t, found, h);
            if (split != null) {
                joined = joined == null ? new ArrayList<>(2) : joined;
                joined.add(split);
                lastEnd = split.endToken();
            }
        }
        return joined == null ? cues : merge(cues, joined);
    }

    /** The split cue that head {@code found[h]} opens with a tail after it, or null. */
    private static PhraseMatcher.Match tailOf(Tokens t, List<PhraseMatcher.Match> found, int h) {
        PhraseMatcher.Match head = found.get(h);
        for (int k = h + 1; k < found.size(); k++) {
            PhraseMatcher.Match tail = found.get(k);
            if (tail.startToken() - head.endToken() > GAP || boundary(t, head.endToken(), tail.startToken())) {
                return null;
            }
            for (int hp : head.payloads()) {
                if ((hp >> 2 & 1) != 0) {
                    continue;
                }
                for (int tp : tail.payloads()) {
                    if ((tp >> 2) == ((hp >> 2) | 1)) {
                        int cue = hp >> 3;
                        return new PhraseMatcher.Match(
                                head.startToken(), tail.endToken(), new int[] {cue << 2 | PhraseMatcher.CASE_ANY});
                    }
                }
            }
        }
        return null;
    }

    /** Punctuation other than a hyphen or an apostrophe ends the reach of a head. */
    private static boolean boundary(Tokens t, int from, int to) {
        for (int i = from; i < to; i++) {
            if (t.kind[i] == Tokens.PUNCT && t.first(i) != '-' && t.first(i) != '\'' && t.first(i) != '’') {
                return true;
            }
        }
        return false;
    }

    /** {@code cues} without those overlapping a split match, and the split matches, in text order. */
    private static List<PhraseMatcher.Match> merge(List<PhraseMatcher.Match> cues, List<PhraseMatcher.Match> split) {
        List<PhraseMatcher.Match> out = new ArrayList<>(cues.size() + split.size());
        int s = 0;
        for (PhraseMatcher.Match c : cues) {
            while (s < split.size() && split.get(s).startToken() <= c.startToken()) {
                out.add(split.get(s++));
            }
            if (!covered(c, split)) {
                out.add(c);
            }
        }
        while (s < split.size()) {
            out.add(split.get(s++));
        }
        return out;
    }

    private static boolean covered(PhraseMatcher.Match c, List<PhraseMatcher.Match> split) {
        for (PhraseMatcher.Match m : split) {
            if (c.startToken() < m.endToken() && m.startToken() < c.endToken()) {
                return true;
            }
        }
        return false;
    }
}
