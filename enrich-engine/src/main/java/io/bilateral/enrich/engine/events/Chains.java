package io.bilateral.enrich.engine.events;

import io.bilateral.enrich.engine.kb.PhraseMatcher;
import io.bilateral.enrich.engine.names.Mention;
import io.bilateral.enrich.engine.text.Tokens;
import io.bilateral.enrich.engine.text.WordSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The chains of actors around a cue: the nearest actor before or after it in its clause, and those joined to it
 * ("Russia, China and Iran", "Iran-Uzbekistan", "his Uzbek counterpart"). A clause boundary, another cue or a new
 * clause ("…, and Jordan flew in …") ends a chain.
 */
final class Chains {

    private Chains() {}

    /** Words that end a clause: an actor on their far side is no party to a cue on this side. */
    private static final WordSet BARRIERS = WordSet.of(
            "which",
            "who",
            "whom",
            "whose",
            "while",
            "whereas",
            "after",
            "before",
            "when",
            "because",
            "but",
            "although",
            "though",
            "since",
            "where",
            "amid",
            "despite",
            "if",
            "unless",
            "whether",
            "following");

    /** Tokens that join actors into one chain: "Russia, China and Iran", "Iran-Uzbekistan", "his counterpart". */
    private static final Set<String> JOINERS = Set.of(
            "and",
            "or",
            ",",
            "-",
            "–",
            "&",
            "/",
            "the",
            "his",
            "her",
            "their",
            "its",
            "as",
            "well",
            "both",
            "counterpart",
            "counterparts",
            "'s",
            "’s",
            "'");

    /** Verbs whose object names the act itself ("sends relief", "imposed sanctions"): their subject is the act's. */
    private static final WordSet LIGHT_VERBS = WordSet.of(
            "send",
            "sends",
            "sent",
            "offer",
            "offers",
            "offered",
            "impose",
            "imposes",
            "imposed",
            "hold",
            "holds",
            "held",
            "launch",
            "launches",
            "launched",
            "carry",
            "carries",
            "carried",
            "conduct",
            "conducts",
            "conducted",
            "extend",
            "extends",
            "extended",
            "convey",
            "conveys",
            "conveyed",
            "described",
            "approve",
            "approves",
            "approved",
            "voted",
            "provide",
            "provides",
            "provided",
            "give",
            "gives",
            "gave",
            "announce",
            "announces",
            "announced",
            "complete",
            "completes",
            "completed",
            "begin",
            "begins",
            "began",
            "start",
            "starts",
            "started",
            "stage",
            "stages",
            "staged",
            "renew",
            "renews",
            "renewed",
            "lodge",
            "lodges",
            "lodged",
            "express",
            "expresses",
            "expressed",
            "make",
            "makes",
            "made",
            "issue",
            "issues",
            "issued",
            "agree", // "agreed to share intelligence": the act agreed on is the event
            "agrees",
            "agreed");

    /** How far a subject or an object may stand from its cue, in tokens. */
    static final int REACH = 14;

    /**
     * The actors just before {@code tok} in its clause: the nearest one, and those joined to it by "and", commas or
     * hyphens. Nothing when a clause boundary or another cue stands between it and {@code tok}.
     */
    static List<Mention> chainBefore(
            Tokens t, List<Mention> actors, List<PhraseMatcher.Match> cues, int tok, int from, Set<String> joiners) {
        // "Russia, which has bases in both countries, called on …": the states inside the clause do not act
        int limit = relativeClauseBefore(t, tok, from);
        limit = limit < 0 ? tok : limit;
        int nearest = -1;
        for (int i = actors.size() - 1; i >= 0; i--) {
            if (actors.get(i).to <= limit) {
                nearest = i;
                break;
            }
        }
        if (nearest < 0) {
            return List.of();
        }
        Mention m = actors.get(nearest);
        int close = appositiveEnd(t, m.to, tok);
        if (close >= 0) {
            // "Japan, which also scrambled fighters, lodged protests": the clause between is no boundary
            if (tok - close > REACH || blocked(t, close, tok) || cueBetween(t, cues, close, tok)) {
                return List.of();
            }
        } else if (tok - m.to > REACH || blocked(t, m.to, tok) || cueBetween(t, cues, m.to, tok)) {
            return List.of();
        }
        List<Mention> chain = new ArrayList<>(3);
        chain.add(m);
        for (int i = nearest - 1; i >= 0; i--) {
            Mention p = actors.get(i);
            Mention q = chain.get(chain.size() - 1);
            if (p.from < from || !(joined(t, p.to, q.from, joiners) || sameCountryNear(t, p, q))) {
                break;
            }
            chain.add(p);
        }
        return compound(t, chain) || ledBy(t, chain.get(chain.size() - 1).from) ? List.of() : chain;
    }

    /**
     * "the group of producers led by Saudi Arabia and Russia agreed": states that lead a body describe it; the body
     * acts, not they.
     */
    private static boolean ledBy(Tokens t, int chainFrom) {
        return chainFrom >= 2
                && t.is(chainFrom - 1, "by")
                && (t.is(chainFrom - 2, "led") || t.is(chainFrom - 2, "headed") || t.is(chainFrom - 2, "chaired"));
    }

    /**
     * The position after the closing comma of a relative clause or apposition that opens at {@code from} (", which …
     * ," or ", who … ,") and closes before {@code to}, else -1.
     */
    /** The comma opening a ", which …," or ", who …," clause whose closing comma stands right before {@code tok}, or -1. */
    private static int relativeClauseBefore(Tokens t, int tok, int from) {
        int close = tok - 1;
        if (close <= from || t.kind[close] != Tokens.PUNCT || t.first(close) != ',') {
            return -1;
        }
        for (int i = close - 1; i > from && i >= close - REACH; i--) {
            if (t.kind[i] == Tokens.PUNCT) {
                return t.first(i) == ',' && (t.is(i + 1, "which") || t.is(i + 1, "who")) ? i : -1;
            }
        }
        return -1;
    }

    private static int appositiveEnd(Tokens t, int from, int to) {
        if (from + 2 >= to || t.kind[from] != Tokens.PUNCT || t.first(from) != ',') {
            return -1;
        }
        if (!t.is(from + 1, "which") && !t.is(from + 1, "who")) {
            return -1;
        }
        for (int i = from + 2; i < to && i <= from + REACH; i++) {
            if (t.kind[i] == Tokens.PUNCT && t.first(i) == ',') {
                return i + 1;
            }
            if (t.kind[i] == Tokens.PUNCT && t.first(i) != '-') {
                return -1;
            }
        }
        return -1;
    }

    /**
     * "the China-Kyrgyzstan-Uzbekistan railway": three or more states hyphenated into one word name a thing, not
     * parties (two may: "the Azerbaijan-Israel deal").
     */
    private static boolean compound(Tokens t, List<Mention> chain) {
        if (chain.size() < 3) {
            return false;
        }
        int from = Integer.MAX_VALUE;
        int to = -1;
        for (Mention m : chain) {
            from = Math.min(from, m.from);
            to = Math.max(to, m.to);
        }
        for (int i = from; i < to; i++) {
            if (t.kind[i] != Tokens.PUNCT && !inside(chain, i)) {
                return false;
            }
            if (t.kind[i] == Tokens.PUNCT && t.first(i) != '-' && t.first(i) != '–') {
                return false;
            }
        }
        return true;
    }

    private static boolean inside(List<Mention> chain, int tok) {
        for (Mention m : chain) {
            if (tok >= m.from && tok < m.to) {
                return true;
            }
        }
        return false;
    }

    /** The actors just after {@code tok} in its clause, the nearest one and those joined to it. */
    static List<Mention> chainAfter(
            Tokens t,
            List<Mention> actors,
            List<PhraseMatcher.Match> cues,
            boolean speech,
            int tok,
            int to,
            Set<String> joiners) {
        int nearest = -1;
        for (int i = 0; i < actors.size(); i++) {
            if (actors.get(i).from >= tok) {
                nearest = i;
                break;
            }
        }
        if (nearest < 0) {
            return List.of();
        }
        Mention m = actors.get(nearest);
        if (m.from - tok > REACH
                || blocked(t, tok, m.from)
                || newClause(t, tok, m.from)
                || coordinatedVerbBetween(t, cues, tok, m.from)
                || speech && anyCueBetween(cues, tok, m.from)) {
            return List.of();
        }
        List<Mention> chain = new ArrayList<>(3);
        chain.add(m);
        for (int i = nearest + 1; i < actors.size(); i++) {
            Mention n = actors.get(i);
            Mention q = chain.get(chain.size() - 1);
            if (n.to > to || !(joined(t, q.to, n.from, joiners) || sameCountryNear(t, q, n))) {
                break;
            }
            chain.add(n);
        }
        return compound(t, chain) ? List.of() : chain;
    }

    /** ", and" or ", but" in [from, to): "Qatar sent hospitals, and Jordan flew in doctors" starts a new clause. */
    static boolean newClause(Tokens t, int from, int to) {
        for (int i = from; i + 1 < to; i++) {
            if (t.kind[i] == Tokens.PUNCT && t.first(i) == ',' && (t.is(i + 1, "and") || t.is(i + 1, "but"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when a cue right after "and" (and up to two auxiliaries) stands in [from, to): in "condemned the launch and
     * agreed to work with Chile", Chile is the second verb's, not the first's.
     */
    private static boolean coordinatedVerbBetween(Tokens t, List<PhraseMatcher.Match> cues, int from, int to) {
        for (PhraseMatcher.Match c : cues) {
            int s = c.startToken();
            if (s > from && s < to && andBefore(t, s, from) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The position of the "and" that coordinates the verb at {@code verb}, over up to two auxiliaries or adverbs
     * ("severed ties with Taipei and would establish relations with …", "and strongly urged"), or -1.
     */
    static int andBefore(Tokens t, int verb, int from) {
        int a = verb - 1;
        while (a > from && a >= verb - 2 && (VERB_AUXILIARIES.contains(t, a) || adverb(t, a))) {
            a--;
        }
        return a > from && t.is(a, "and") ? a : -1;
    }

    /** An adverb of manner before a verb: "and strongly urged", "and firmly rejected". */
    private static boolean adverb(Tokens t, int i) {
        int len = t.end[i] - t.start[i];
        return t.kind[i] == Tokens.WORD
                && len > 4
                && t.text.charAt(t.end[i] - 2) == 'l'
                && t.text.charAt(t.end[i] - 1) == 'y';
    }

    /** Words that may stand between "and" and the verb it coordinates: "and would establish", "and also signed". */
    private static final WordSet VERB_AUXILIARIES =
            WordSet.of("would", "will", "has", "have", "had", "also", "then", "later", "could", "can");

    /**
     * True when any cue stands in [from, to): what a speaker said about a state is the act told there, not the
     * speaking ("said its president would visit Peru" is no statement to Peru).
     */
    private static boolean anyCueBetween(List<PhraseMatcher.Match> cues, int from, int to) {
        for (PhraseMatcher.Match c : cues) {
            if (c.startToken() >= from && c.startToken() < to) {
                return true;
            }
        }
        return false;
    }

    /** True when a clause boundary stands in [from, to). */
    static boolean blocked(Tokens t, int from, int to) {
        for (int i = from; i < to; i++) {
            if (t.kind[i] == Tokens.PUNCT) {
                char c = t.first(i);
                if (c == ';' || c == ':' || c == '(' || c == ')' || c == '"' || c == '“' || c == '”') {
                    return true;
                }
            } else if (t.kind[i] == Tokens.WORD && BARRIERS.contains(t, i)) {
                return true;
            }
        }
        return false;
    }

    /** True when another cue stands in [from, to), other than a light verb of the act ("sends relief"). */
    private static boolean cueBetween(Tokens t, List<PhraseMatcher.Match> cues, int from, int to) {
        for (PhraseMatcher.Match c : cues) {
            if (c.startToken() >= from && c.startToken() < to && !LIGHT_VERBS.contains(t, c.startToken())) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when only joining words stand in [from, to) (at most four of them); around "and with", also titles ("with
     * Prime Minister Mitsotakis and with President Erdogan", "with the Peruvian president and with the Bolivian one").
     */
    private static boolean joined(Tokens t, int from, int to, Set<String> joiners) {
        int andWith = -1;
        for (int i = from + 1; i < to; i++) {
            if (t.is(i, "with") && t.is(i - 1, "and")) {
                andWith = i;
            }
        }
        int nameTail = nameTailEnd(t, from, to); // "Sheikh Tamim bin Hamad Al Thani and …": the rest of a name
        if (to - nameTail > (andWith < 0 ? 4 : 7)) {
            return false;
        }
        for (int i = nameTail; i < to; i++) {
            String w = t.lower(i);
            boolean title = andWith >= 0 && (i == andWith || TITLES.contains(t, i));
            if (!JOINERS.contains(w) && !joiners.contains(w) && !title) {
                return false;
            }
        }
        return true;
    }

    /** Particles inside Arabic, Dutch, German … names: "bin Hamad Al Thani", "van der". */
    private static final WordSet NAME_PARTICLES =
            WordSet.of("bin", "ibn", "al", "el", "bint", "van", "von", "der", "de");

    /**
     * Where the tail of a name that the name tagger cut short ends, when up to four capitalised words or particles
     * stand at {@code from} and "and" follows them; else {@code from}.
     */
    private static int nameTailEnd(Tokens t, int from, int to) {
        int i = from;
        while (i < to
                && i - from < 4
                && t.kind[i] == Tokens.WORD
                && (Character.isUpperCase(t.first(i)) || NAME_PARTICLES.contains(t, i))) {
            i++;
        }
        return i > from && i < to && t.is(i, "and") ? i : from;
    }

    /** Titles that may stand between the members of a list of persons: "… and with President Erdogan". */
    private static final WordSet TITLES = WordSet.of(
            "president", "prime", "minister", "foreign", "defence", "defense", "chancellor", "king", "emir", "premier");

    /** "Iranian Foreign Minister Abbas Araghchi": two mentions of one country a few words apart are one party. */
    private static boolean sameCountryNear(Tokens t, Mention a, Mention b) {
        return a.country.equals(b.country) && b.from - a.to <= 3 && !blocked(t, a.to, b.from);
    }
}
