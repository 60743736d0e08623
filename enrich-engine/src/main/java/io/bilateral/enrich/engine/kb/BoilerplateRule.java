package io.bilateral.enrich.engine.kb;

import java.util.regex.Pattern;

/**
 * One boilerplate rule (rules/boilerplate.tsv). The trigger is a cheap literal test that must pass before the
 * regex runs on a line: most lines fail it, so most lines never meet a regex.
 *
 * @param atStart  the trigger literals must stand at the first non-blank character of the line
 * @param triggers literals of which one must occur, or an empty array to always run the regex
 */
public record BoilerplateRule(Kind kind, Pattern pattern, String note, boolean atStart, String[] triggers) {

    /** What a match drops (see the header of rules/boilerplate.tsv). */
    public enum Kind {
        TEASER,
        BLOCK,
        LINE,
        TAIL,
        DATELINE,
        DATELINE_LINE
    }

    /** Whether the regex may match the line [from, to) of {@code text}. */
    public boolean triggered(String text, int from, int to) {
        if (triggers.length == 0) {
            return true;
        }
        if (atStart) {
            int p = from;
            while (p < to && Character.isWhitespace(text.charAt(p))) {
                p++;
            }
            return triggerAt(text, p, to);
        }
        for (int p = from; p < to; p++) {
            if (triggerAt(text, p, to)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the regex may match the line [from, to), for lines visited in text order: {@code next} (one
     * slot per trigger, initially all -2) remembers where each literal occurs next, so every literal is searched
     * for about once per text however many lines there are.
     */
    public boolean triggered(String text, int from, int to, int[] next) {
        if (triggers.length == 0 || atStart) {
            return triggered(text, from, to);
        }
        boolean hit = false;
        for (int k = 0; k < triggers.length; k++) {
            int p = next[k];
            if (p == -1) {
                continue; // does not occur again
            }
            if (p < from) {
                p = text.indexOf(triggers[k], from);
                next[k] = p;
            }
            hit |= p >= 0 && p + triggers[k].length() <= to;
        }
        return hit;
    }

    private boolean triggerAt(String text, int p, int to) {
        for (String t : triggers) {
            if (regionMatches(text, p, to, t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean regionMatches(String text, int p, int to, String lit) {
        if (to - p < lit.length()) {
            return false;
        }
        for (int k = 0; k < lit.length(); k++) {
            if (text.charAt(p + k) != lit.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    static BoilerplateRule parse(Table.Row row) {
        String trigger = row.columns() > 3 ? row.raw(4).strip() : "-";
        boolean atStart = trigger.startsWith("^");
        if (atStart) {
            trigger = trigger.substring(1);
        }
        String[] triggers = trigger.isEmpty() || trigger.equals("-") ? new String[0] : trigger.split("\\|");
        return new BoilerplateRule(
                row.kind(1, Kind.class), row.regex(2), row.columns() > 2 ? row.raw(3) : "", atStart, triggers);
    }
}
