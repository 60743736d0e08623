package io.bilateral.enrich.engine.lang;

import io.bilateral.enrich.engine.CodedEvent;
import io.bilateral.enrich.engine.names.Mention;
import io.bilateral.enrich.engine.text.Tokens;
import io.bilateral.enrich.engine.text.WordSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the pack corrects in the coder's events ({@link NativeEvents}): past sentences (an anniversary word, a year
 * before the article's), pairs of an open list ("等"), a direction the target's preposition or postposition turns, and
 * the codes that may stand in a pair.
 */
final class Corrections {

    /** How far before the open-list word the listed states may stand, in tokens. */
    private static final int OPEN_LIST_REACH = 14;

    private Corrections() {}

    /** Years from here on are read as Persian (Solar Hijri) when they stand 621 years or more before the article's. */
    static final int SOLAR_HIJRI_FROM = 1300;

    /** The codes that may stand in a pair: ISO 3166-1 alpha-3 and Kosovo's XKX (as the coder's). */
    static final Set<String> STATES = states();

    static Set<String> states() {
        Set<String> s = new HashSet<>(java.util.Locale.getISOCountries(java.util.Locale.IsoCountryCode.PART1_ALPHA3));
        s.add("XKX");
        return Set.copyOf(s);
    }

    static CodedEvent renamed(CodedEvent e, String actor1, String actor2) {
        return new CodedEvent(
                actor1,
                actor2,
                e.directed(),
                e.code(),
                e.rootCode(),
                e.quadClass(),
                e.goldstein(),
                e.sentence(),
                e.actors(),
                e.themes());
    }

    /**
     * Per sentence id, whether it tells the past: a word of the language's PAST list ("годовщина", "ذكرى"), or a
     * year before the article's, Gregorian ("1992") or Persian ("۱۳۶۷", 621 years behind). One pass over the tokens.
     */
    static boolean[] pastSentences(Tokens t, int[] sent, WordSet pastWords, int publishedYear) {
        int max = -1;
        for (int i = 0; i < t.size; i++) {
            max = Math.max(max, sent[i]);
        }
        boolean[] past = new boolean[max + 1];
        for (int i = 0; i < t.size; i++) {
            int s = sent[i];
            if (s < 0 || past[s]) {
                continue;
            }
            if (t.kind[i] == Tokens.WORD) {
                past[s] = pastWords.contains(t, i);
            } else if (publishedYear > 0 && t.kind[i] == Tokens.NUMBER && t.end[i] - t.start[i] == 4) {
                int y = year(t, i);
                past[s] = (y >= 1900 && y < publishedYear) || (y >= SOLAR_HIJRI_FROM && y < publishedYear - 621);
            }
        }
        return past;
    }

    /** The value of a four-digit number in any script's digits, or -1. */
    static int year(Tokens t, int i) {
        int v = 0;
        for (int p = t.start[i]; p < t.end[i]; p++) {
            int d = Character.digit(t.text.charAt(p), 10);
            if (d < 0) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    /** Whether both states stand in sentence s among mentions followed by a word that leaves the list open. */
    static boolean inOpenList(
            Tokens t, int[] sent, int s, List<Mention> mentions, WordSet openLists, String a, String b) {
        if (openLists.size() == 0) {
            return false;
        }
        int end = -1;
        for (int i = 0; i < t.size; i++) {
            if (sent[i] == s && t.kind[i] == Tokens.WORD && openLists.contains(t, i)) {
                end = i;
            }
        }
        if (end < 0) {
            return false;
        }
        boolean hasA = false;
        boolean hasB = false;
        for (Mention m : mentions) {
            if (sent[m.from] == s && m.to <= end && end - m.to <= OPEN_LIST_REACH) {
                hasA |= a.equals(m.country);
                hasB |= b.equals(m.country);
            }
        }
        return hasA && hasB;
    }

    static boolean openAfter(Tokens t, int[] sent, int tok, WordSet openLists) {
        return tok < t.size && sent[tok] == sent[tok - 1] && openLists.contains(t, tok);
    }

    /**
     * Whether the coded actor1 is marked as the target and actor2 is not: right after a target preposition
     * ("中国向缅甸") or right before a postposition of the object ("تهران را").
     */
    static boolean targetMarked(
            Tokens t, int[] sent, int s, List<Mention> mentions, NativeEvents.Words w, CodedEvent e) {
        boolean actor1Marked = false;
        boolean actor2Marked = false;
        for (Mention m : mentions) {
            if (sent[m.from] != s || m.country == null || m.from == 0) {
                continue;
            }
            boolean marked = (t.kind[m.from - 1] == Tokens.WORD && w.targets().contains(t, m.from - 1))
                    || (m.to < t.size && sent[m.to] == s && w.postTargets().contains(t, m.to));
            actor1Marked |= marked && m.country.equals(e.actor1());
            actor2Marked |= marked && m.country.equals(e.actor2());
        }
        return actor1Marked && !actor2Marked;
    }

    static CodedEvent turned(CodedEvent e) {
        return renamed(e, e.actor2(), e.actor1());
    }

    /** The sentence whose text the coder gave an event, or -1. */
    static int sentenceOf(String text, Tokens t, int[] sent, String sentence) {
        int at = text.indexOf(sentence);
        if (at < 0) {
            return -1;
        }
        for (int i = 0; i < t.size; i++) {
            if (t.start[i] >= at && sent[i] >= 0) {
                return sent[i];
            }
        }
        return -1;
    }
}
