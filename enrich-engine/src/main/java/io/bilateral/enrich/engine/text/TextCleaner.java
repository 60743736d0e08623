package io.bilateral.enrich.engine.text;

import io.bilateral.enrich.engine.kb.BoilerplateRule;
import io.bilateral.enrich.engine.kb.RuleTables;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Finds the parts of an article that are not the article (teasers of other stories, "Read More:" footers, licence
 * lines, bylines) and its dateline. Nothing is removed from the text: the result lists character ranges to ignore,
 * so offsets keep pointing into the original text.
 */
public final class TextCleaner {

    private static final int TEASER_MAX = 220;
    private static final int DATELINE_LINES = 3;

    private final List<BoilerplateRule> rules;

    public TextCleaner(RuleTables tables) {
        this.rules = tables.boilerplate;
    }

    /**
     * @param dropped      ranges [start, end) of boilerplate, in order
     * @param datelineFrom start of the dateline prefix, or -1
     * @param datelineTo   end of the dateline prefix, or -1
     * @param place        dateline place, or null
     * @param date         dateline date/time line, or null
     */
    public record Cleaned(List<int[]> dropped, int datelineFrom, int datelineTo, String place, String date) {

        public boolean isDropped(int offset) {
            for (int[] r : dropped) {
                if (offset >= r[0] && offset < r[1]) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Cleans {@code text}, whose body starts at {@code bodyStart} (the title is never boilerplate). One pass over
     * the lines without copying them; a rule's regex runs on a line only when its cheap trigger accepts the line.
     */
    public Cleaned clean(String text, int bodyStart) {
        List<int[]> dropped = new ArrayList<>(2);
        Matcher[] matchers = new Matcher[rules.size()];
        int[][] next = new int[rules.size()][];
        int dlFrom = -1;
        int dlTo = -1;
        String place = null;
        String date = null;
        int n = text.length();
        int ls = bodyStart;
        int lineNo = 0;
        int contentLines = 0;
        outer:
        while (ls < n) {
            int le = text.indexOf('\n', ls);
            if (le < 0) {
                le = n;
            }
            int fs = ls;
            while (fs < le && Character.isWhitespace(text.charAt(fs))) {
                fs++;
            }
            if (fs < le) {
                boolean handled = false;
                for (int k = 0; k < rules.size() && !handled; k++) {
                    BoilerplateRule r = rules.get(k);
                    switch (r.kind()) {
                        case TEASER -> {
                            int te = le;
                            while (te > fs && Character.isWhitespace(text.charAt(te - 1))) {
                                te--;
                            }
                            if (contentLines > 0
                                    && te - fs < TEASER_MAX
                                    && (text.charAt(te - 1) == '…'
                                            || (te - fs >= 3 && text.startsWith("...", te - 3)))) {
                                dropped.add(new int[] {ls, le});
                                handled = true;
                            }
                        }
                        case BLOCK -> {
                            if (contentLines > 0 && find(matchers, next, k, r, text, ls, le) != null) {
                                dropped.add(new int[] {ls, n});
                                break outer;
                            }
                        }
                        case LINE -> {
                            if (find(matchers, next, k, r, text, ls, le) != null) {
                                dropped.add(new int[] {ls, le});
                                handled = true;
                            }
                        }
                        case TAIL -> {
                            Matcher m = find(matchers, next, k, r, text, ls, le);
                            if (m != null) {
                                int from = sentenceStartBefore(text, ls, m.start());
                                dropped.add(new int[] {from, le});
                                handled = from == ls;
                            }
                        }
                        case DATELINE -> {
                            if (lineNo < DATELINE_LINES && place == null && contentLines == 0) {
                                Matcher m = find(matchers, next, k, r, text, ls, le);
                                if (m != null && m.start() == ls) {
                                    place = m.group(1).strip();
                                    dlFrom = ls;
                                    dlTo = m.end();
                                }
                            }
                        }
                        case DATELINE_LINE -> {
                            if (lineNo < DATELINE_LINES
                                    && date == null
                                    && contentLines == 0
                                    && find(matchers, next, k, r, text, ls, le) != null) {
                                date = text.substring(ls, le).strip();
                                dropped.add(new int[] {ls, le});
                                handled = true;
                            }
                        }
                    }
                }
                if (!handled) {
                    contentLines++;
                }
                lineNo++;
            }
            ls = le + 1;
        }
        return new Cleaned(dropped, dlFrom, dlTo, place, date);
    }

    /** The rule's matcher after a successful find in the line [from, to), or null; matchers are made on first use. */
    private static Matcher find(
            Matcher[] matchers, int[][] next, int k, BoilerplateRule r, String text, int from, int to) {
        if (next[k] == null) {
            next[k] = new int[r.triggers().length];
            Arrays.fill(next[k], -2);
        }
        if (!r.triggered(text, from, to, next[k])) {
            return null;
        }
        Matcher m = matchers[k];
        if (m == null) {
            m = r.pattern().matcher(text);
            matchers[k] = m;
        }
        // anchoring bounds: ^ and $ match at the line's ends, as they would on the line alone
        m.region(from, to);
        return m.find() ? m : null;
    }

    /** Where the sentence holding {@code pos} starts within the line (licence sentences glued to a paragraph). */
    private static int sentenceStartBefore(String text, int lineStart, int pos) {
        for (int i = pos - 1; i > lineStart; i--) {
            char c = text.charAt(i);
            char b = text.charAt(i - 1);
            if ((c == ' ' || c == '\t') && (b == '.' || b == '!' || b == '?' || b == '"' || b == '”')) {
                return i + 1;
            }
        }
        return lineStart;
    }

    /** Marks the tokens inside dropped ranges. */
    public static void markDropped(Tokens t, Cleaned c) {
        if (c.dropped().isEmpty()) {
            return;
        }
        int r = 0;
        List<int[]> ranges = c.dropped();
        ranges.sort((a, b) -> Integer.compare(a[0], b[0]));
        for (int i = 0; i < t.size; i++) {
            while (r < ranges.size() && ranges.get(r)[1] <= t.start[i]) {
                r++;
            }
            if (r == ranges.size()) {
                break;
            }
            if (t.start[i] >= ranges.get(r)[0]) {
                t.dropped[i] = true;
            }
        }
    }
}
