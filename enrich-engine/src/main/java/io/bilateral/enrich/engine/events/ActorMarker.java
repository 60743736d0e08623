package io.bilateral.enrich.engine.events;

import io.bilateral.enrich.engine.kb.RuleTables;
import io.bilateral.enrich.engine.names.Mention;
import io.bilateral.enrich.engine.text.TextCleaner;
import io.bilateral.enrich.engine.text.Tokens;
import java.util.List;

/**
 * Decides for every country-valued mention whether it acts (or is acted upon) in its sentence or is only a place
 * or topic: "Iran signed with Uzbekistan" has two actors, "the border with Afghanistan", "talks on Syria" and a
 * dateline have none. Only actors take part in events, so this is what keeps a mentioned third country out of a
 * pair.
 */
public final class ActorMarker {

    private final RuleTables rules;

    public ActorMarker(RuleTables rules) {
        this.rules = rules;
    }

    /** Sets {@link Mention#actor} on every mention. */
    public void mark(Tokens t, int[] sent, List<Mention> mentions, TextCleaner.Cleaned cleaned) {
        Mention prev = null;
        for (Mention m : mentions) {
            m.actor = false;
            if (m.country == null || sent[m.from] < 0) {
                prev = m;
                continue;
            }
            int s = t.start[m.from];
            if (cleaned.datelineFrom() >= 0 && s >= cleaned.datelineFrom() && s < cleaned.datelineTo()) {
                prev = m;
                continue;
            }
            switch (m.type) {
                case "COUNTRY" -> m.actor = !topicContext(t, m, prev, mentions);
                case "LOCATION" -> m.actor = m.capital && !topicContext(t, m, prev, mentions);
                case "NORP" -> m.actor = roleAfter(t, m.to, 4) && !formerBefore(t, m.from);
                case "PERSON" -> m.actor = !m.former && !formerBefore(t, m.from);
                case "ORGANIZATION" -> m.actor = m.actorId != null || stateBody(t, m);
                default -> m.actor = false;
            }
            prev = m;
        }
    }

    /**
     * "Former Israeli prime minister …", "the ex-president, X": a former office-holder speaks for no state
     * (RELATIONS-GUIDE.md). Looks back over the title, at most four words, up to a punctuation mark.
     */
    private static boolean formerBefore(Tokens t, int from) {
        for (int i = from - 1; i >= 0 && i >= from - 5 && !t.dropped[i]; i--) {
            if (t.kind[i] != Tokens.WORD) {
                if (t.first(i) == '-') {
                    continue;
                }
                return false;
            }
            if (t.is(i, "former") || t.is(i, "ex")) {
                return true;
            }
        }
        return false;
    }

    /**
     * An organisation the dictionary does not know acts for its state only when its name says it is a state's body
     * ("the Mexican Secretariat of Commerce" is not, "Iraqi Defence Ministry" is); a company ("General Motors of
     * Canada Ltd") or a club is no party to relations between states.
     */
    private boolean stateBody(Tokens t, Mention m) {
        for (int i = m.from; i < m.to; i++) {
            if (t.kind[i] == Tokens.WORD && rules.stateBodyWords.contains(t, i)) {
                return true;
            }
        }
        return false;
    }

    private boolean roleAfter(Tokens t, int from, int window) {
        for (int i = from; i < t.size && i < from + window && !t.dropped[i]; i++) {
            if (t.kind[i] == Tokens.WORD && rules.roleWords.contains(t, i)) {
                return true;
            }
            if (t.kind[i] == Tokens.PUNCT && t.text.charAt(t.start[i]) != ',' && t.text.charAt(t.start[i]) != '-') {
                return false;
            }
        }
        return false;
    }

    private boolean topicContext(Tokens t, Mention m, Mention prev, List<Mention> mentions) {
        int p = m.from - 1;
        if (p >= 0 && t.is(p, "the")) {
            p--;
        }
        // coordination: "Iraq and Syria", "Tehran-Tashkent": same status as the first conjunct
        if (p >= 0
                && prev != null
                && prev.to == p
                && (t.is(p, "and")
                        || t.is(p, "or")
                        || t.text.charAt(t.start[p]) == ','
                        || t.text.charAt(t.start[p]) == '-'
                        || t.text.charAt(t.start[p]) == '&')
                && prev.country != null) {
            return !prev.actor;
        }
        if (p >= 0 && t.kind[p] == Tokens.WORD) {
            String w = t.lower(p);
            if (rules.topicPrepositions.contains(w)) {
                return true;
            }
            if (w.equals("with") || w.equals("of") || w.equals("from") || w.equals("to")) {
                int q = p - 1;
                while (q >= 0
                        && t.kind[q] == Tokens.WORD
                        && (t.is(q, "joint")
                                || t.is(q, "common")
                                || t.is(q, "northern")
                                || t.is(q, "southern")
                                || t.is(q, "eastern")
                                || t.is(q, "western"))) {
                    q--;
                }
                String before = q >= 0 ? t.lower(q) : "";
                if (rules.topicNounsBeforeWith.contains(before)) {
                    return true;
                }
                // "the joint borders of Iran and Uzbekistan with Afghanistan"
                for (int k = q - 1; k >= 0 && k >= p - 7 && t.kind[k] != Tokens.PUNCT; k--) {
                    if (t.is(k, "border") || t.is(k, "borders") || t.is(k, "frontier")) {
                        return true;
                    }
                }
                if ((w.equals("from") || w.equals("to"))
                        && !rules.roles.containsKey(before)
                        && !before.startsWith("visit")
                        && !before.startsWith("trip")
                        && !before.equals("message")) {
                    return true;
                }
            }
        }
        // "a UK-based monitor": where something is based, not who acts
        int n = m.to;
        if (n + 1 < t.size && t.first(n) == '-' && t.is(n + 1, "based")) {
            return true;
        }
        // possessive of a place noun: "Afghanistan's northern border"
        if (n < t.size && t.is(n, "'s")) {
            for (int i = n + 1; i < t.size && i <= n + 3; i++) {
                if (t.kind[i] == Tokens.WORD && rules.topicNounsPossessed.contains(t.lower(i))) {
                    return true;
                }
            }
        }
        return false;
    }
}
