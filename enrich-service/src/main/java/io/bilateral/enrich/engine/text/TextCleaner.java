package io.bilateral.enrich.engine.text;

import io.bilateral.enrich.engine.rules.RuleTables;
import io.bilateral.enrich.engine.rules.RuleTables.BoilerplateRule;
import java.util.ArrayList;
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

    /** Cleans {@code text}, whose body starts at {@code bodyStart} (the title is never boilerplate). */
    public Cleaned clean(String text, int bodyStart) {
        List<int[]> dropped = new ArrayList<>();
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
            if (le > ls && !text.substring(ls, le).isBlank()) {
                String line = text.substring(ls, le);
                boolean handled = false;
                for (BoilerplateRule r : rules) {
                    switch (r.kind()) {
                        case "TEASER" -> {
                            String tr = line.strip();
                            if (contentLines > 0 && tr.length() < TEASER_MAX && (tr.endsWith("…") || tr.endsWith("..."))) {
                                dropped.add(new int[] {ls, le});
                                handled = true;
                            }
                        }
                        case "BLOCK" -> {
                            if (contentLines > 0 && r.pattern().matcher(line).find()) {
                                dropped.add(new int[] {ls, n});
                                break outer;
                            }
                        }
                        case "LINE" -> {
                            if (r.pattern().matcher(line).find()) {
                                dropped.add(new int[] {ls, le});
                                handled = true;
                            }
                        }
                        case "TAIL" -> {
                            Matcher m = r.pattern().matcher(line);
                            if (m.find()) {
                                int from = ls + sentenceStartBefore(line, m.start());
                                dropped.add(new int[] {from, le});
                                handled = from == ls;
                            }
                        }
                        case "DATELINE" -> {
                            if (lineNo < DATELINE_LINES && place == null && contentLines == 0) {
                                Matcher m = r.pattern().matcher(line);
                                if (m.find() && m.start() == 0) {
                                    place = m.group(1).strip();
                                    dlFrom = ls;
                                    dlTo = ls + m.end();
                                }
                            }
                        }
                        case "DATELINE_LINE" -> {
                            if (lineNo < DATELINE_LINES && date == null && contentLines == 0) {
                                Matcher m = r.pattern().matcher(line);
                                if (m.find()) {
                                    date = line.strip();
                                    dropped.add(new int[] {ls, le});
                                    handled = true;
                                }
                            }
                        }
                        default -> throw new IllegalStateException("rules/boilerplate.tsv: unknown kind " + r.kind());
                    }
                    if (handled) {
                        break;
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

    /** Where the sentence holding {@code pos} starts within the line (licence sentences glued to a paragraph). */
    private static int sentenceStartBefore(String line, int pos) {
        for (int i = pos - 1; i > 0; i--) {
            char c = line.charAt(i);
            if ((c == ' ' || c == '\t') && (line.charAt(i - 1) == '.' || line.charAt(i - 1) == '!'
                    || line.charAt(i - 1) == '?' || line.charAt(i - 1) == '"' || line.charAt(i - 1) == '”')) {
                return i + 1;
            }
        }
        return 0;
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
