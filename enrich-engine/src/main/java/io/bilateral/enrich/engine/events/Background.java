package io.bilateral.enrich.engine.events;

import io.bilateral.enrich.engine.text.Tokens;
import io.bilateral.enrich.engine.text.WordSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Whether a cue tells the background of the story rather than its news: a time before the article's, next to the
 * cue, after it in the sentence, or opening the sentence. "the 2014 agreement", "signed by Russia, Iran and India in
 * 2000", "In 2015 the two governments reached …", "a memorandum signed last year", "accords signed in September"
 * (two months or more before publication).
 */
final class Background {

    private static final String[] MONTH_NAMES = {
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december"
    };
    private static final WordSet MONTHS = WordSet.of(MONTH_NAMES);

    /** Words that open a sentence with its time: "In 2015, …", "Last year …". */
    private static final WordSet TIME_OPENERS = WordSet.of("in", "on", "since", "by", "back", "last", "until");

    /** How many months before publication a month named without a year must be to count as background. */
    private static final int MONTHS_BACK = 2;

    private final int year;
    private final int month;

    /** For an article published at {@code published} (null: unknown, then only a year before 2000 … counts). */
    Background(Instant published) {
        ZonedDateTime at = published == null ? null : published.atZone(ZoneOffset.UTC);
        this.year = at == null ? -1 : at.getYear();
        this.month = at == null ? -1 : at.getMonthValue();
    }

    /** Whether the cue at [{@code cueFrom}, …) of the sentence [{@code from}, {@code to}) tells the past. */
    boolean past(Tokens t, int cueFrom, int from, int to) {
        for (int i = Math.max(from, cueFrom - 3); i < to; i++) {
            if (pastAt(t, i, to)) {
                return true;
            }
        }
        if (cueFrom - 3 > from && t.kind[from] == Tokens.WORD && TIME_OPENERS.contains(t, from)) {
            for (int i = from; i < Math.min(from + 3, cueFrom - 3); i++) {
                if (pastAt(t, i, to)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean pastAt(Tokens t, int i, int to) {
        if (t.kind[i] == Tokens.NUMBER) {
            int y = yearAt(t, i);
            return y > 0 && (year < 0 || y < year) && !inName(t, i, to);
        }
        if (t.kind[i] != Tokens.WORD) {
            return false;
        }
        if (i + 1 < to && t.is(i, "last") && t.is(i + 1, "year")) {
            return true;
        }
        if (month < 0 || !MONTHS.contains(t, i) || !Character.isUpperCase(t.first(i))) {
            return false;
        }
        int named = monthOf(t, i);
        if (named == 5 && !(i + 1 < to && t.kind[i + 1] == Tokens.NUMBER) && !(i > 0 && t.is(i - 1, "in"))) {
            return false; // "may" is a modal verb far more often than the month, even capitalised
        }
        return i + 1 < to && yearAt(t, i + 1) > 0 ? false : month - named >= MONTHS_BACK;
    }

    /**
     * A year that opens a name ("the 1951 Mutual Defense Treaty", "the 2015 Paris Agreement") names a document or an
     * event still spoken of; it does not date the act of the sentence.
     */
    private static boolean inName(Tokens t, int i, int to) {
        return i > 0
                && t.is(i - 1, "the")
                && i + 1 < to
                && t.kind[i + 1] == Tokens.WORD
                && Character.isUpperCase(t.first(i + 1))
                && !MONTHS.contains(t, i + 1);
    }

    private static int monthOf(Tokens t, int i) {
        for (int m = 0; m < MONTH_NAMES.length; m++) {
            if (t.is(i, MONTH_NAMES[m])) {
                return m + 1;
            }
        }
        return -1;
    }

    /** The year a four-digit number 1900–2099 at token {@code i} names, else -1. */
    private static int yearAt(Tokens t, int i) {
        if (t.kind[i] != Tokens.NUMBER || t.end[i] - t.start[i] != 4) {
            return -1;
        }
        CharSequence s = t.text;
        int p = t.start[i];
        char c0 = s.charAt(p);
        char c1 = s.charAt(p + 1);
        if (!Character.isDigit(s.charAt(p + 2)) || !Character.isDigit(s.charAt(p + 3))) {
            return -1;
        }
        if (!(c0 == '1' && c1 == '9') && !(c0 == '2' && c1 == '0')) {
            return -1;
        }
        return (c0 - '0') * 1000 + (c1 - '0') * 100 + (s.charAt(p + 2) - '0') * 10 + (s.charAt(p + 3) - '0');
    }
}
