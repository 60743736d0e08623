package io.bilateral.enrich.engine.events;

import io.bilateral.enrich.engine.EntityType;
import io.bilateral.enrich.engine.kb.PhraseMatcher;
import io.bilateral.enrich.engine.kb.RuleTables;
import io.bilateral.enrich.engine.names.Mention;
import io.bilateral.enrich.engine.text.TextCleaner;
import io.bilateral.enrich.engine.text.Tokens;
import io.bilateral.enrich.engine.text.WordSet;
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
            if (privateCapacity(t, m) || business(t, m)) {
                prev = m;
                continue; // "the former Israeli prime minister", "a US developer"
            }
            switch (m.type) {
                case COUNTRY -> m.actor = !topicContext(t, m, prev, mentions);
                case LOCATION -> m.actor = m.capital && !topicContext(t, m, prev, mentions) && !namesAfterVenue(t, m);
                case NORP -> m.actor = roleAfter(t, m.to, 4);
                case PERSON -> m.actor = !m.former; // out of office at the article's date
                case ORGANIZATION -> m.actor = m.actorId != null || stateBody(t, m);
                default -> m.actor = false;
            }
            prev = m;
        }
    }

    /** "the Pretoria talks", "the Doha deal": a city naming a meeting or deal held there, no party to it. */
    private boolean namesAfterVenue(Tokens t, Mention m) {
        return m.to < t.size && t.kind[m.to] == Tokens.WORD && rules.namedAfterVenueWords.contains(t, m.to);
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

    /** The most words from a journey's destination to the "with" of a meeting held there. */
    private static final int VENUE_REACH = 12;

    /** A state other than {@code m}'s named after a "with" shortly after it, in the same sentence. */
    private static boolean meetsAnotherStateAfter(Tokens t, Mention m, List<Mention> mentions) {
        int with = -1;
        for (int i = m.to; i < t.size && i <= m.to + VENUE_REACH && !fullStop(t, i); i++) {
            with = t.is(i, "with") ? i : with;
        }
        if (with < 0) {
            return false;
        }
        for (Mention o : mentions) {
            if (o.from > with && o.from <= with + 4 && o.country != null && !o.country.equals(m.country)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the words before token {@code at} are a journey's "arrived in", "travelled to", "stopped in". */
    static boolean journeyTo(Tokens t, int at) {
        int p = at - 1;
        return p > 0 && (t.is(p, "in") || t.is(p, "to") || t.is(p, "into")) && TRAVEL.contains(t, p - 1);
    }

    private static boolean fullStop(Tokens t, int i) {
        return t.kind[i] == Tokens.PUNCT && (t.first(i) == '.' || t.first(i) == ';' || t.first(i) == '?');
    }

    /** Things of a state's forces that stand somewhere: its forces' bases or presence do not act. */
    private static final WordSet FACILITIES =
            WordSet.of("base", "bases", "installation", "installations", "facility", "facilities", "presence");

    /** Verbs of a journey, whose destination after "in" or "to" is the state visited. */
    private static final WordSet TRAVEL = WordSet.of(
            "arrived",
            "arrive",
            "arrives",
            "arriving",
            "travelled",
            "traveled",
            "travelling",
            "traveling",
            "travel",
            "travels",
            "flew",
            "flies",
            "stopped",
            "headed",
            "heads");

    /** Words that take a person or a nationality out of office: "former", "opposition", "exiled", "President-elect". */
    private static final WordSet OUT_OF_OFFICE =
            WordSet.of("former", "ex", "opposition", "exiled", "retired", "elect", "designate");

    /**
     * Suffixes after a hyphen that make a state a place of origin or a patron, not an actor: "UK-based", "Iran-backed",
     * "Iran-aligned group", "Russia-friendly".
     */
    private static final WordSet ORIGIN = WordSet.of(
            "based",
            "backed",
            "born",
            "made",
            "owned",
            "listed",
            "flagged",
            "registered",
            "aligned",
            "allied",
            "sponsored",
            "funded",
            "supported",
            "linked",
            "affiliated",
            "friendly",
            "leaning",
            "inspired",
            "trained");

    /** Compass words between a preposition and a place: "over northern Myanmar". */
    private static final WordSet COMPASS = WordSet.of(
            "northern",
            "southern",
            "eastern",
            "western",
            "central",
            "north",
            "south",
            "east",
            "west",
            "northeastern",
            "northwestern",
            "southeastern",
            "southwestern",
            "occupied",
            "neighbouring",
            "neighboring");

    /**
     * "the former Israeli prime minister", "Georgian opposition leader": nobody who acts for the state. Looks two
     * words back and three on; before a person also over the whole title up to a punctuation mark, at most five
     * words ("the former Chilean foreign minister X", "ex-president X").
     */
    static boolean privateCapacity(Tokens t, Mention m) {
        if (m.type == EntityType.PERSON && outOfOfficeTitle(t, m.from)) {
            return true;
        }
        if (m.type == EntityType.NORP && personByNationality(t, m)) {
            return true;
        }
        for (int i = Math.max(0, m.from - 2); i < Math.min(t.size, m.to + 3); i++) {
            if (i >= m.from && i < m.to) {
                continue;
            }
            if (t.kind[i] == Tokens.PUNCT && t.first(i) != '-') {
                if (i < m.from) {
                    continue;
                }
                return false;
            }
            if (t.kind[i] == Tokens.WORD && OUT_OF_OFFICE.contains(t, i)) {
                return true;
            }
        }
        return false;
    }

    /** An out-of-office word in the title before a person, which ends at a punctuation mark (hyphens go on). */
    private static boolean outOfOfficeTitle(Tokens t, int from) {
        for (int i = from - 1; i >= 0 && i >= from - 5 && !t.dropped[i]; i--) {
            if (t.kind[i] != Tokens.WORD) {
                if (t.first(i) == '-') {
                    continue;
                }
                return false;
            }
            if (OUT_OF_OFFICE.contains(t, i)) {
                return true;
            }
        }
        return false;
    }

    /**
     * "a US developer", "Chinese companies", "nine billion US dollars": the home of a company or a currency, no
     * party to relations between states.
     */
    private boolean business(Tokens t, Mention m) {
        if (m.type != EntityType.COUNTRY && m.type != EntityType.NORP) {
            return false;
        }
        if (m.to < t.size && (t.first(m.to) == '$' || t.is(m.to, "dollars") || t.is(m.to, "dollar"))) {
            return true;
        }
        for (int i = m.to; i < t.size && i < m.to + 3 && t.kind[i] == Tokens.WORD; i++) {
            if (rules.businessWords.contains(t, i)) {
                return true;
            }
        }
        return false;
    }

    private boolean roleAfter(Tokens t, int from, int window) {
        for (int i = from; i < t.size && i < from + window && !t.dropped[i]; i++) {
            if (t.kind[i] == Tokens.WORD && roleWord(t, i) && !rules.businessWords.contains(t, i)) {
                // "host Russian military bases": a base or a presence is where a state is, not the state acting
                return i + 1 >= t.size || !FACILITIES.contains(t, i + 1);
            }
            if (t.kind[i] == Tokens.PUNCT && t.text.charAt(t.start[i]) != ',' && t.text.charAt(t.start[i]) != '-') {
                return false;
            }
        }
        return false;
    }

    /** "Tajikistan's border service", "Chile's foreign ministry": a state body within three words. */
    private boolean bodyAfter(Tokens t, int from) {
        for (int i = from; i < t.size && i < from + 3 && t.kind[i] == Tokens.WORD; i++) {
            if ((rules.stateBodyWords.contains(t, i) || roleWord(t, i)) && !rules.businessWords.contains(t, i)) {
                return true;
            }
        }
        return false;
    }

    /** A role noun, also in the plural: "the Russian and Chinese ambassadors". */
    private boolean roleWord(Tokens t, int i) {
        return rules.roleWords.contains(t, i)
                || t.end[i] - t.start[i] > 3
                        && t.text.charAt(t.end[i] - 1) == 's'
                        && rules.roleWords.containsStem(t, i, 1);
    }

    /** Whether a cue of several words ends with the preposition at {@code p} ("calls on", "cracked down on"). */
    private boolean cueEndsAt(Tokens t, int p) {
        for (PhraseMatcher.Match c : rules.cueMatcher.match(t, Math.max(0, p - 3), p + 1)) {
            if (c.endToken() == p + 1 && c.startToken() < p) {
                return true;
            }
        }
        return false;
    }

    /** "appealed to Togo", "withdrew from Syria": an act right before the preposition, whose party follows it. */
    private boolean cueJustBefore(Tokens t, int preposition) {
        int v = preposition - 1;
        return v >= 0
                && t.kind[v] == Tokens.WORD
                && !rules.cueMatcher.match(t, v, preposition).isEmpty();
    }

    /** "the coach, an Australian, said": a nationality used as a noun names a person, not the state. */
    private static boolean personByNationality(Tokens t, Mention m) {
        boolean article = m.from > 0 && (t.is(m.from - 1, "a") || t.is(m.from - 1, "an"));
        boolean alone = m.to >= t.size || t.kind[m.to] == Tokens.PUNCT;
        return article && alone;
    }

    private boolean topicContext(Tokens t, Mention m, Mention prev, List<Mention> mentions) {
        int p = m.from - 1;
        while (p >= 0 && t.kind[p] == Tokens.WORD && COMPASS.contains(t, p)) {
            p--;
        }
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
            if (journeyTo(t, p + 1)) {
                // "arrived in Fiji", "travelled to Seoul": the state visited; but "arrived in Vienna for talks with
                // Iran" names a venue of talks with another state
                return m.type == EntityType.LOCATION && meetsAnotherStateAfter(t, m, mentions);
            }
            if (rules.topicPrepositions.contains(w) && !cueEndsAt(t, p)) {
                return true; // "talks on Syria", but "calls on Belarus": the preposition belongs to the act
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
                        && !before.equals("message")
                        && !cueJustBefore(t, p)) {
                    return true; // "flights to Tehran", "imports from Iran": where to or from, not who
                }
            }
        }
        // "a UK-based monitor", "Iran-backed militias": where something comes from, not who acts
        int n = m.to;
        if (n + 1 < t.size && t.first(n) == '-' && ORIGIN.contains(t, n + 1)) {
            return true;
        }
        // possessive of a place noun: "Afghanistan's northern border"
        if (n < t.size && t.is(n, "'s") && !bodyAfter(t, n + 1)) {
            for (int i = n + 1; i < t.size && i <= n + 3; i++) {
                if (t.kind[i] == Tokens.WORD && rules.topicNounsPossessed.contains(t.lower(i))) {
                    return true;
                }
            }
        }
        return false;
    }
}
