package io.bilateral.enrich.engine.events;

import io.bilateral.enrich.engine.CodedEvent;
import io.bilateral.enrich.engine.EntityType;
import io.bilateral.enrich.engine.EventActor;
import io.bilateral.enrich.engine.kb.PhraseMatcher;
import io.bilateral.enrich.engine.kb.RuleTables;
import io.bilateral.enrich.engine.kb.RuleTables.EventCue;
import io.bilateral.enrich.engine.names.Mention;
import io.bilateral.enrich.engine.text.Tokens;
import io.bilateral.enrich.engine.text.WordSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Codes the events of an article, every cue of every sentence: a cue ("signed", "condemned", "visit") takes as
 * its subject the chain of actors just before it in its clause ("Russia, China and Iran") and as its object the
 * chain just after it ("… with Iraq and Syria"). A mutual cue pairs the members of one chain, or its one subject
 * with every object; a directed cue goes from each subject to each object, reversed in the passive ("was attacked
 * by"). A conflict act with no actor after it strikes the place it names ("an airstrike near Aleppo"). One event
 * per pair and sentence, the cue of highest priority. A sentence whose cue sits next to a year before publication
 * ("the 2014 agreement") reports the past and codes nothing.
 */
public final class EventCoder {

    /** The events of an article, and those of them told in the title or the first sentence of the body. */
    public record Events(List<CodedEvent> all, List<CodedEvent> inLead) {}

    /** Words that end a clause: an actor on their far side is no party to a cue on this side. */
    private static final Set<String> BARRIERS = Set.of(
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

    /** Auxiliaries that mark a passive participle: "was attacked by". */
    private static final Set<String> PASSIVE = Set.of("was", "were", "been", "being", "is", "are", "be");

    /** Nouns that, after "both" or "the two", stand for the two states of the story: "urged both sides". */
    private static final Set<String> PAIR_NOUNS = Set.of(
            "countries", "sides", "governments", "nations", "states", "capitals", "neighbours", "neighbors", "parties");

    /** Verbs whose object names the act itself ("sends relief", "imposed sanctions"): their subject is the act's. */
    private static final Set<String> LIGHT_VERBS = Set.of(
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
            "issued");

    /** How far a subject or an object may stand from its cue, in tokens. */
    private static final int REACH = 14;

    /** More states than this in one chain are a list or a multilateral body ("the heads of state of …"). */
    private static final int MAX_PARTIES = 4;

    /** Words just before a cue that deny it: "did not meet", "never signed". */
    private static final Set<String> NEGATIONS = Set.of(
            "not", "n't", "never", "no", "nor", "without", "refusing", "refused", "refuse", "declined", "failed");

    /**
     * The words of one language the coder reads: its cue table and matcher, and the words that join actors into
     * one chain ("и", "et", "与") or deny a cue ("не", "ne", "未"), checked besides the English ones.
     */
    public record Lexicon(PhraseMatcher cueMatcher, List<EventCue> cues, Set<String> joiners, Set<String> negations) {}

    private final RuleTables rules;
    private final ThemesAndTone themes;
    private final Territories territories;
    /** Words that make a sentence no news between states (rules/discards.tsv): games, "ago". */
    private final WordSet discards;

    public EventCoder(RuleTables rules, ThemesAndTone themes) {
        this.rules = rules;
        this.themes = themes;
        this.territories = new Territories(rules.sovereigns);
        this.discards = rules.discardWords;
    }

    /**
     * Codes the events of an article whose body starts at character {@code bodyStart}; a {@code published} time
     * (may be null) lets a year mentioned next to a cue tell a past event from a new one.
     */
    public Events code(
            Instant published,
            String text,
            Tokens t,
            int[] sent,
            int nSent,
            List<Mention> mentions,
            List<PhraseMatcher.Match> themeMatches,
            int bodyStart) {
        return code(published, text, t, sent, nSent, mentions, themeMatches, bodyStart, null);
    }

    /** As above, with the cues and function words of another language than English ({@code lexicon}). */
    public Events code(
            Instant published,
            String text,
            Tokens t,
            int[] sent,
            int nSent,
            List<Mention> mentions,
            List<PhraseMatcher.Match> themeMatches,
            int bodyStart,
            Lexicon lexicon) {
        return code(published, text, t, sent, nSent, mentions, themeMatches, bodyStart, lexicon, null);
    }

    /**
     * As above, with the lexicon's cue matches of {@code t} already made ({@code cueMatches}, or null to match here):
     * a language pack matches its cues once per article and shares them with its own rules.
     */
    public Events code(
            Instant published,
            String text,
            Tokens t,
            int[] sent,
            int nSent,
            List<Mention> mentions,
            List<PhraseMatcher.Match> themeMatches,
            int bodyStart,
            Lexicon lexicon,
            List<PhraseMatcher.Match> cueMatches) {
        PhraseMatcher cueMatcher = lexicon == null ? rules.cueMatcher : lexicon.cueMatcher();
        List<EventCue> cueTable = lexicon == null ? rules.cues : lexicon.cues();
        Set<String> joiners = lexicon == null ? Set.of() : lexicon.joiners();
        Set<String> negations = lexicon == null ? Set.of() : lexicon.negations();
        List<List<Mention>> actorsBySent = bySentence(sent, nSent, mentions, true);
        List<List<Mention>> placesBySent = null;
        List<CodedEvent> events = new ArrayList<>();
        List<CodedEvent> inLead = null;
        List<PhraseMatcher.Match> cues = null;
        int leadSentence = firstBodySentence(t, sent, bodyStart);
        int publishedYear =
                published == null ? -1 : published.atOffset(ZoneOffset.UTC).getYear();
        int cueIndex = 0;
        String[] lastPair = null; // the two states of the latest event: what "both countries" refers to
        for (int s = 0; s < nSent; s++) {
            List<Mention> actors = actorsBySent.get(s);
            if (actors == null && placesBySent == null) {
                placesBySent = bySentence(sent, nSent, mentions, false);
            }
            List<Mention> places = placesBySent == null ? null : placesBySent.get(s);
            if (actors == null && places == null) {
                continue;
            }
            if (cues == null) {
                cues = cueMatches != null ? cueMatches : cueMatcher.match(t);
                if (placesBySent == null) {
                    placesBySent = bySentence(sent, nSent, mentions, false);
                    places = placesBySent.get(s);
                }
            }
            if (actors == null) {
                actors = List.of(); // "a Turkish drone strike in northern Iraq": the actor is named by its act
            }
            if (distinctCountries(actors, places) < 2 && (lastPair == null || actors.isEmpty())) {
                continue;
            }
            int anchor = actors.isEmpty() ? places.get(0).from : actors.get(0).from;
            int from = firstTokenOf(sent, s, anchor);
            int to = lastTokenOf(sent, s, anchor) + 1;
            if (question(t, to) || discarded(t, from, to)) {
                continue;
            }
            while (cueIndex < cues.size() && cues.get(cueIndex).startToken() < from) {
                cueIndex++;
            }
            List<PhraseMatcher.Match> sentenceCues = new ArrayList<>();
            boolean history = false;
            for (int c = cueIndex; c < cues.size() && cues.get(c).startToken() < to; c++) {
                PhraseMatcher.Match m = cues.get(c);
                if (insideMention(actors, m.startToken()) || negated(t, m.startToken(), from, negations)) {
                    continue;
                }
                if (historical(t, m.startToken(), m.endToken(), from, to, publishedYear)) {
                    history = true; // "the 2014 agreement ... emphasizes cooperation" reports the past
                    break;
                }
                sentenceCues.add(m);
            }
            if (history || sentenceCues.isEmpty()) {
                continue;
            }
            List<Mention> withNominal = withNominalActors(t, s, sent, mentions, actors, sentenceCues);
            if (lastPair != null) {
                withNominal = withPairReferences(t, from, to, withNominal, lastPair);
            }
            Map<String, Candidate> best = new LinkedHashMap<>();
            for (PhraseMatcher.Match m : sentenceCues) {
                EventCue cue = cueTable.get(m.payloads()[0] >> 2);
                for (String[] pair : pairsOf(t, withNominal, places, sentenceCues, m, cue, from, to, joiners)) {
                    String a = territories.sovereign(pair[0]);
                    String b = territories.sovereign(pair[1]);
                    if (a.equals(b) || !territories.isState(a) || !territories.isState(b)) {
                        continue;
                    }
                    String key = a.compareTo(b) < 0 ? a + "-" + b : b + "-" + a;
                    Candidate old = best.get(key);
                    if (old == null || cue.priority() > old.cue.priority()) {
                        best.put(key, new Candidate(a, b, cue));
                    }
                }
            }
            if (best.isEmpty()) {
                continue;
            }
            String sentence = text.substring(t.start[from], t.end[to - 1]).strip();
            List<EventActor> eventActors = eventActors(text, t, withNominal);
            List<String> sentenceThemes = List.copyOf(themes.themesBetween(themeMatches, from, to));
            for (Candidate c : best.values()) {
                lastPair = new String[] {c.actor1, c.actor2};
                CodedEvent event = new CodedEvent(
                        c.actor1,
                        c.actor2,
                        !c.cue.mutual(),
                        c.cue.code(),
                        c.cue.rootCode(),
                        c.cue.quadClass(),
                        c.cue.goldstein(),
                        sentence,
                        eventActors,
                        sentenceThemes);
                events.add(event);
                if (s <= leadSentence) {
                    if (inLead == null) {
                        inLead = new ArrayList<>(2);
                    }
                    inLead.add(event);
                }
            }
        }
        return new Events(events, inLead == null ? List.of() : inLead);
    }

    private record Candidate(String actor1, String actor2, EventCue cue) {}

    /** The pairs one cue gives, each as {actor1, actor2}. */
    private List<String[]> pairsOf(
            Tokens t,
            List<Mention> actors,
            List<Mention> places,
            List<PhraseMatcher.Match> sentenceCues,
            PhraseMatcher.Match cue,
            EventCue rule,
            int from,
            int to,
            Set<String> joiners) {
        List<Mention> before = chainBefore(t, actors, sentenceCues, cue.startToken(), from, joiners);
        List<Mention> after = chainAfter(t, actors, cue.endToken(), to, joiners);
        List<String[]> pairs = new ArrayList<>(2);
        if (before.size() > MAX_PARTIES || after.size() > MAX_PARTIES) {
            return pairs; // a long list of states is a multilateral body or a list, not a meeting of a few
        }
        if (rule.mutual()) {
            if (distinct(before) >= 2) {
                allPairs(before, pairs);
            } else if (!before.isEmpty() && !after.isEmpty()) {
                cross(before, after, pairs);
            } else if (before.isEmpty() && distinct(after) >= 2 && between(t, after.get(0).from, cue.endToken())) {
                allPairs(after, pairs); // "talks between Russia and Ukraine"
            }
            return pairs;
        }
        List<Mention> subjects = before;
        List<Mention> objects = after;
        if (passive(t, cue, from) && !after.isEmpty()) {
            subjects = after; // "was attacked by Y"
            objects = before;
        } else if (!after.isEmpty() && speech(rule) && (before.isEmpty() || saysAfterComma(t, cue, after.get(0)))) {
            // "…, says Beijing": the speaker follows, what it speaks of precedes
            subjects = after;
            objects = chainBefore(t, actors, List.of(), cue.startToken(), from, joiners);
        }
        if (!subjects.isEmpty() && objects.isEmpty()) {
            // "…, which Iran condemned": the object is what the relative clause hangs on
            int first = subjects.get(subjects.size() - 1).from;
            int relative = relativeBefore(t, first, from);
            objects = chainBefore(
                    t,
                    actors,
                    relative >= 0 ? List.of() : sentenceCues,
                    relative >= 0 ? relative : first,
                    from,
                    joiners);
            if (objects.isEmpty() && (rule.quadClass() >= 3 || rule.rootCode().equals("07"))) {
                // an act on a place or people: "strike near Aleppo", "probe of Russian hacking", "relief to Peru"
                objects =
                        placeNear(t, places, cue, subjects.get(0).country, from, rule.quadClass() == 4 ? from : to, to);
            }
        }
        if (objects.isEmpty()
                && subjects.size() == 2
                && distinct(subjects) == 2
                && rule.quadClass() <= 2
                && !rule.rootCode().equals("04")) {
            allPairs(subjects, pairs); // "Indian and Chinese troops complete pullback"
        }
        cross(subjects, objects, pairs);
        return pairs;
    }

    /**
     * The actors just before {@code tok} in its clause: the nearest one, and those joined to it by "and", commas or
     * hyphens. Nothing when a clause boundary or another cue stands between it and {@code tok}.
     */
    private static List<Mention> chainBefore(
            Tokens t, List<Mention> actors, List<PhraseMatcher.Match> cues, int tok, int from, Set<String> joiners) {
        int nearest = -1;
        for (int i = actors.size() - 1; i >= 0; i--) {
            if (actors.get(i).to <= tok) {
                nearest = i;
                break;
            }
        }
        if (nearest < 0) {
            return List.of();
        }
        Mention m = actors.get(nearest);
        if (tok - m.to > REACH || blocked(t, m.to, tok) || cueBetween(t, cues, m.to, tok)) {
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
        return compound(t, chain) ? List.of() : chain;
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
    private static List<Mention> chainAfter(Tokens t, List<Mention> actors, int tok, int to, Set<String> joiners) {
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
        if (m.from - tok > REACH || blocked(t, tok, m.from)) {
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

    /**
     * The place or nationality a conflict act strikes: the first after the cue ("strike near Aleppo", "hideouts in
     * Afghanistan", "a ban on Georgian wine"), else the nearest before it from {@code beforeFrom} on ("a Ghanaian
     * boat was attacked by …").
     */
    private static List<Mention> placeNear(
            Tokens t, List<Mention> places, PhraseMatcher.Match cue, String subject, int from, int beforeFrom, int to) {
        if (places == null) {
            return List.of();
        }
        for (Mention p : places) {
            if (p.from >= cue.endToken()
                    && p.to <= to
                    && p.from - cue.endToken() <= REACH
                    && !p.country.equals(subject)
                    && !blocked(t, cue.endToken(), p.from)) {
                return List.of(p);
            }
        }
        for (int i = places.size() - 1; i >= 0; i--) {
            Mention p = places.get(i);
            if (p.to <= cue.startToken()
                    && p.from >= beforeFrom
                    && cue.startToken() - p.to <= REACH
                    && !p.country.equals(subject)
                    && !blocked(t, p.to, cue.startToken())) {
                return List.of(p);
            }
        }
        return List.of();
    }

    /** "…, says New Delhi": a speech cue after a comma with its speaker right behind it. */
    private static boolean saysAfterComma(Tokens t, PhraseMatcher.Match cue, Mention speaker) {
        int c = cue.startToken() - 1;
        return c >= 0 && t.kind[c] == Tokens.PUNCT && t.first(c) == ',' && speaker.from - cue.endToken() <= 2;
    }

    /** True when a clause boundary stands in [from, to). */
    private static boolean blocked(Tokens t, int from, int to) {
        for (int i = from; i < to; i++) {
            if (t.kind[i] == Tokens.PUNCT) {
                char c = t.first(i);
                if (c == ';' || c == ':' || c == '(' || c == ')' || c == '"' || c == '“' || c == '”') {
                    return true;
                }
            } else if (t.kind[i] == Tokens.WORD && BARRIERS.contains(t.lower(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The sentence's actors with "both countries", "the two sides" … read as the two states of the story's latest
     * event: two mentions over the same words.
     */
    private static List<Mention> withPairReferences(Tokens t, int from, int to, List<Mention> actors, String[] pair) {
        List<Mention> out = null;
        for (int i = from + 1; i < to; i++) {
            if (t.kind[i] != Tokens.WORD || !PAIR_NOUNS.contains(t.lower(i))) {
                continue;
            }
            int d = i - 1;
            boolean both = t.is(d, "both");
            boolean two = t.is(d, "two") && d - 1 >= from && t.is(d - 1, "the");
            if (!both && !two) {
                continue;
            }
            int start = both ? d : d - 1;
            if (out == null) {
                out = new ArrayList<>(actors);
            }
            out.add(new Mention(start, i + 1, EntityType.COUNTRY, pair[0], null, null));
            out.add(new Mention(start, i + 1, EntityType.COUNTRY, pair[1], null, null));
        }
        if (out == null) {
            return actors;
        }
        out.sort((a, b) -> Integer.compare(a.from, b.from));
        return out;
    }

    /** True when "between" or "among" (the cue's last word, or after it) stands just before the chain. */
    private static boolean between(Tokens t, int chainFrom, int cueEnd) {
        for (int i = chainFrom - 1; i >= cueEnd - 1 && i >= chainFrom - 2; i--) {
            if (t.is(i, "between") || t.is(i, "among")) {
                return true;
            }
        }
        return false;
    }

    /** The position of "which" or "that" just before a subject ("…, which Iran condemned"), or -1. */
    private static int relativeBefore(Tokens t, int subjectFrom, int from) {
        for (int i = subjectFrom - 1; i >= from && i >= subjectFrom - 2; i--) {
            if (t.is(i, "which") || t.is(i, "that")) {
                return i;
            }
            if (!t.is(i, "the")) {
                return -1;
            }
        }
        return -1;
    }

    private static boolean negated(Tokens t, int cueFrom, int from, Set<String> negations) {
        for (int i = cueFrom - 1; i >= from && i >= cueFrom - 3; i--) {
            if (t.kind[i] == Tokens.WORD
                    && (NEGATIONS.contains(t.lower(i)) || !negations.isEmpty() && negations.contains(t.lower(i)))) {
                return true;
            }
        }
        return false;
    }

    private boolean discarded(Tokens t, int from, int to) {
        for (int i = from; i < to; i++) {
            if (t.kind[i] == Tokens.WORD && discards.contains(t, i)) {
                return true;
            }
        }
        return false;
    }

    /** A question ("How would you describe …?") asserts no event. */
    private static boolean question(Tokens t, int to) {
        return to > 0 && t.kind[to - 1] == Tokens.PUNCT && t.first(to - 1) == '?';
    }

    /** True when another cue stands in [from, to), other than a light verb of the act ("sends relief"). */
    private static boolean cueBetween(Tokens t, List<PhraseMatcher.Match> cues, int from, int to) {
        for (PhraseMatcher.Match c : cues) {
            if (c.startToken() >= from && c.startToken() < to && !LIGHT_VERBS.contains(t.lower(c.startToken()))) {
                return true;
            }
        }
        return false;
    }

    /** True when only joining words stand in [from, to) (at most four of them). */
    private static boolean joined(Tokens t, int from, int to, Set<String> joiners) {
        if (to - from > 4) {
            return false;
        }
        for (int i = from; i < to; i++) {
            String w = t.lower(i);
            if (!JOINERS.contains(w) && !joiners.contains(w)) {
                return false;
            }
        }
        return true;
    }

    /** "Iranian Foreign Minister Abbas Araghchi": two mentions of one country a few words apart are one party. */
    private static boolean sameCountryNear(Tokens t, Mention a, Mention b) {
        return a.country.equals(b.country) && b.from - a.to <= 3 && !blocked(t, a.to, b.from);
    }

    private static boolean passive(Tokens t, PhraseMatcher.Match cue, int from) {
        int end = cue.endToken();
        boolean by = end < t.size && t.is(end, "by");
        int before = cue.startToken() - 1;
        boolean aux = before >= from && PASSIVE.contains(t.lower(before));
        return by || (aux && end < t.size && t.is(end, "by"));
    }

    private static boolean speech(EventCue cue) {
        return cue.rootCode().equals("01");
    }

    private static void allPairs(List<Mention> chain, List<String[]> pairs) {
        for (int i = 0; i < chain.size(); i++) {
            for (int j = i + 1; j < chain.size(); j++) {
                if (!chain.get(i).country.equals(chain.get(j).country)) {
                    // chains are built outward from the cue: the later mention in the text comes first
                    pairs.add(new String[] {chain.get(j).country, chain.get(i).country});
                }
            }
        }
    }

    private static void cross(List<Mention> subjects, List<Mention> objects, List<String[]> pairs) {
        for (Mention s : subjects) {
            for (Mention o : objects) {
                if (!s.country.equals(o.country)) {
                    pairs.add(new String[] {s.country, o.country});
                }
            }
        }
    }

    private static int distinct(List<Mention> chain) {
        String first = null;
        for (Mention m : chain) {
            if (first == null) {
                first = m.country;
            } else if (!first.equals(m.country)) {
                return 2;
            }
        }
        return first == null ? 0 : 1;
    }

    /**
     * The sentence's actors, plus the nationalities that name an act ("Israeli strike", "Turkish drone strike"):
     * a nationality just before a cue is its subject.
     */
    private static List<Mention> withNominalActors(
            Tokens t, int s, int[] sent, List<Mention> mentions, List<Mention> actors, List<PhraseMatcher.Match> cues) {
        List<Mention> extra = null;
        for (Mention m : mentions) {
            if (m.actor
                    || m.country == null
                    || m.type != EntityType.NORP
                    || sent[m.from] != s
                    || ActorMarker.privateCapacity(t, m)) {
                continue;
            }
            for (PhraseMatcher.Match c : cues) {
                if (c.startToken() >= m.to && c.startToken() - m.to <= 2 && !blocked(t, m.to, c.startToken())) {
                    if (extra == null) {
                        extra = new ArrayList<>(actors);
                    }
                    extra.add(m);
                    break;
                }
            }
        }
        if (extra == null) {
            return actors;
        }
        extra.sort((a, b) -> Integer.compare(a.from, b.from));
        return extra;
    }

    private static List<EventActor> eventActors(String text, Tokens t, List<Mention> actors) {
        List<EventActor> eventActors = new ArrayList<>();
        for (Mention m : actors) {
            if (m.type == EntityType.PERSON || m.type == EntityType.ORGANIZATION) {
                eventActors.add(new EventActor(
                        text.substring(t.start[m.from], t.end[m.to - 1]), m.type.name(), m.country, m.role));
            }
        }
        return List.copyOf(eventActors);
    }

    /**
     * The mentions with a country of each sentence, in text order, null for a sentence without any: the actors
     * ({@code actors} true) or the places that are not actors.
     */
    private static List<List<Mention>> bySentence(int[] sent, int nSent, List<Mention> mentions, boolean actors) {
        List<List<Mention>> bySent = new ArrayList<>(nSent);
        for (int i = 0; i < nSent; i++) {
            bySent.add(null);
        }
        for (Mention m : mentions) {
            boolean place = !m.actor
                    && (m.type == EntityType.COUNTRY || m.type == EntityType.LOCATION || m.type == EntityType.NORP);
            if (m.country != null && (actors ? m.actor : place)) {
                int s = sent[m.from];
                if (s >= 0) {
                    if (bySent.get(s) == null) {
                        bySent.set(s, new ArrayList<>(4));
                    }
                    bySent.get(s).add(m);
                }
            }
        }
        return bySent;
    }

    /** The id of the first sentence of the body, -1 if the body has none. */
    private static int firstBodySentence(Tokens t, int[] sent, int bodyStart) {
        for (int i = 0; i < t.size; i++) {
            if (t.start[i] >= bodyStart && sent[i] >= 0) {
                return sent[i];
            }
        }
        return -1;
    }

    private static boolean insideMention(List<Mention> actors, int tok) {
        for (Mention m : actors) {
            if (tok >= m.from && tok < m.to) {
                return true;
            }
        }
        return false;
    }

    private static int firstTokenOf(int[] sent, int s, int from) {
        int i = from;
        while (i > 0 && sent[i - 1] == s) {
            i--;
        }
        return i;
    }

    private static int lastTokenOf(int[] sent, int s, int from) {
        int i = from;
        while (i + 1 < sent.length && sent[i + 1] == s) {
            i++;
        }
        return i;
    }

    /**
     * "the 2014 agreement", "an agreement signed by Russia, Iran and India in 2000": a year before the publication
     * year just before the cue or anywhere after it in the sentence.
     */
    private static boolean historical(Tokens t, int cueFrom, int cueTo, int from, int to, int publishedYear) {
        for (int i = Math.max(from, cueFrom - 3); i < to; i++) {
            if (t.kind[i] == Tokens.NUMBER && t.end[i] - t.start[i] == 4) {
                char c0 = t.text.charAt(t.start[i]);
                char c1 = t.text.charAt(t.start[i] + 1);
                boolean digits = Character.isDigit(t.text.charAt(t.start[i] + 2))
                        && Character.isDigit(t.text.charAt(t.start[i] + 3));
                if (digits && ((c0 == '1' && c1 == '9') || (c0 == '2' && c1 == '0'))) {
                    int year = Integer.parseInt(
                            t.text.subSequence(t.start[i], t.end[i]).toString());
                    if (publishedYear < 0 || year < publishedYear) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Distinct countries among a sentence's actors and places, up to 2. */
    private static int distinctCountries(List<Mention> actors, List<Mention> places) {
        String first = actors.isEmpty() ? places.get(0).country : actors.get(0).country;
        for (Mention m : actors) {
            if (!first.equals(m.country)) {
                return 2;
            }
        }
        if (places != null) {
            for (Mention m : places) {
                if (!first.equals(m.country)) {
                    return 2;
                }
            }
        }
        return 1;
    }
}
