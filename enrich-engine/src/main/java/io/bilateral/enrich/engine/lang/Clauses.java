package io.bilateral.enrich.engine.lang;

import io.bilateral.enrich.engine.names.Mention;
import io.bilateral.enrich.engine.text.Tokens;
import io.bilateral.enrich.engine.text.WordSet;
import java.util.List;

/** Where things stand in a sentence, for the pack's rules ({@link NativeEvents}): clauses, mentions, marker words. */
final class Clauses {

    /** How far back a clause is looked for, in tokens. */
    static final int REACH = 14;

    private Clauses() {}

    /** Whether a word of {@code words} stands one or two tokens before {@code tok} in its sentence. */
    static boolean before(Tokens t, int[] sent, int tok, WordSet words) {
        for (int i = tok - 1; i >= 0 && i >= tok - 2 && sent[i] == sent[tok]; i--) {
            if (t.kind[i] == Tokens.WORD && words.contains(t, i)) {
                return true;
            }
        }
        return false;
    }

    /** Only commas and joining words ("و", "и", "et") in [from, to). */
    static boolean joinedBy(Tokens t, int from, int to, WordSet joiners) {
        if (to - from > 3) {
            return false;
        }
        for (int i = from; i < to; i++) {
            boolean comma = t.kind[i] == Tokens.PUNCT && (t.first(i) == ',' || t.first(i) == '،' || t.first(i) == '、');
            if (!comma && !(t.kind[i] == Tokens.WORD && joiners.contains(t, i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The first token of the clause a cue ends, looking back at most {@link #REACH} tokens: a semicolon,
     * colon or bracket ends a clause, and so does a comma unless it joins two states of a list ("Казахстан,
     * Киргизия и Узбекистан").
     */
    static int clauseStart(Tokens t, int[] sent, int cue, List<Mention> mentions) {
        int s = sent[cue];
        int i = cue - 1;
        for (; i >= 0 && i >= cue - REACH && sent[i] == s; i--) {
            if (t.kind[i] != Tokens.PUNCT) {
                continue;
            }
            char c = t.first(i);
            if (c == ';' || c == ':' || c == '(' || c == ')') {
                break;
            }
            if ((c == ',' || c == '،' || c == '、') && !(endsAt(mentions, i) && startsAt(mentions, i + 1))) {
                break;
            }
        }
        return i + 1;
    }

    /** The first mention of a country after {@code from} within {@code reach} tokens in sentence s, not {@code not}. */
    static Mention firstAfter(List<Mention> mentions, int[] sent, int s, int from, int reach, String not) {
        for (Mention m : mentions) {
            if (m.from >= from && m.from - from <= reach && sent[m.from] == s) {
                if (m.country != null && (m.actor || not != null) && !m.country.equals(not)) {
                    return m;
                }
            } else if (m.from > from + reach) {
                return null;
            }
        }
        return null;
    }

    static boolean actorBefore(List<Mention> mentions, int[] sent, int s, int tok) {
        for (Mention m : mentions) {
            if (m.to <= tok && sent[m.from] == s && m.actor) {
                return true;
            }
        }
        return false;
    }

    static boolean endsAt(List<Mention> mentions, int tok) {
        for (Mention m : mentions) {
            if (m.to == tok && m.country != null) {
                return true;
            }
        }
        return false;
    }

    static boolean startsAt(List<Mention> mentions, int tok) {
        for (Mention m : mentions) {
            if (m.from == tok && m.country != null) {
                return true;
            }
        }
        return false;
    }

    /** A preposition that introduces the target ("по", "contre", "على") just after the agent, or -1. */
    static int targetWordAfter(Tokens t, int[] sent, int s, int from, WordSet words) {
        for (int i = from; i < t.size && i < from + 2 && sent[i] == s; i++) {
            if (t.kind[i] == Tokens.WORD && words.contains(t, i)) {
                return i;
            }
        }
        return -1;
    }

    static String sentenceText(String text, Tokens t, int[] sent, int s) {
        int from = -1;
        int to = -1;
        for (int i = 0; i < t.size; i++) {
            if (sent[i] == s) {
                if (from < 0) {
                    from = i;
                }
                to = i;
            }
        }
        return text.substring(t.start[from], t.end[to]).strip();
    }
}
