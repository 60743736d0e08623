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
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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

    /** Words just before a cue that deny it: "did not meet", "never signed". */
    private static final WordSet NEGATIONS = WordSet.of(
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
        return code(published, text, t, sent, nSent, mentions, themeMatches, bodyStart, null, null);
    }

    /**
     * As above, with the cues and function words of another language than English ({@code lexicon}) and their
     * matches in {@code t} already made ({@code cueMatches}, or null to match here): a language pack matches its cues
     * once per article and shares them with its own rules.
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
        List<List<Mention>> actorsBySent = SentenceSpans.bySentence(sent, nSent, mentions, true);
        List<List<Mention>> placesBySent = null;
        List<CodedEvent> events = new ArrayList<>();
        List<CodedEvent> inLead = null;
        int leadSentence = SentenceSpans.firstBodySentence(t, sent, bodyStart);
        Background background = new Background(published);
        String[] lastPair = null; // the story's two states: what "both countries" refers to
        Map<String, Integer> pairEvents = new HashMap<>(); // events told so far of each pair: which is the story's
        // who did the latest act (ANY_ACT), the latest of force (FORCE) and the latest of each root ("16"): whom
        // "condemned the decision", "condemned the strikes", "said the sanctions were illegal" answer
        Map<String, String[]> lastDoers = null;
        Mention lastOfficial = null; // the latest person acting for a state: whom "He urged …" refers to
        String lastSubject = null; // the first state acting in the latest sentence naming one: whom "its …" refers to
        StoryStates story = new StoryStates(mentions); // whom "the Kingdom", "the government" stand for
        for (int s = 0; s < nSent; s++) {
            List<Mention> actors = actorsBySent.get(s);
            Mention pronoun = SentenceActors.pronounSubject(t, sent, s, actors, lastOfficial);
            Mention officialBefore = lastOfficial;
            String subjectBefore = lastSubject;
            lastOfficial = SentenceActors.lastOfficial(actors, lastOfficial);
            lastSubject = actors == null ? lastSubject : actors.get(0).country;
            if (actors == null && placesBySent == null) {
                placesBySent = SentenceSpans.bySentence(sent, nSent, mentions, false);
            }
            List<Mention> places = placesBySent == null ? null : placesBySent.get(s);
            if (actors == null && places == null) {
                continue;
            }
            if (placesBySent == null) {
                placesBySent = SentenceSpans.bySentence(sent, nSent, mentions, false);
                places = placesBySent.get(s);
            }
            if (actors == null) {
                actors = List.of(); // "a Turkish drone strike in northern Iraq": the actor is named by its act
            }
            if (pronoun != null) {
                actors = SentenceActors.with(actors, pronoun);
            }
            int anchor = actors.isEmpty() ? places.get(0).from : actors.get(0).from;
            int from = SentenceSpans.firstTokenOf(sent, s, anchor);
            int to = SentenceSpans.lastTokenOf(sent, s, anchor) + 1;
            actors = SentenceActors.withDescribedStates(t, from, to, actors, officialBefore, subjectBefore, story);
            if (SentenceSpans.distinctCountries(actors, places) < 2
                    && (lastPair == null || actors.isEmpty())
                    // "Japan condemned the launch", "Spain sent rescuers": one state answers an act or gives aid
                    && (actors.isEmpty() || lexicon != null || !SentenceActors.loneStateMayAct(t, from, to))) {
                continue;
            }
            if (question(t, to) || discarded(t, from, to)) {
                continue;
            }
            // cues are looked up only in the sentences that can hold an event: most sentences of an article cannot
            List<PhraseMatcher.Match> cues = cueMatches != null
                    ? SentenceSpans.within(cueMatches, from, to)
                    : lexicon == null ? rules.cueMatches(t, from, to) : cueMatcher.match(t, from, to);
            List<PhraseMatcher.Match> sentenceCues = new ArrayList<>();
            boolean history = false;
            int planEnd = -1; // the end of the latest meeting still to come
            for (PhraseMatcher.Match m : cues) {
                EventCue rule = cueTable.get(m.payloads()[0] >> 2);
                if (SentenceSpans.insideMention(actors, m.startToken())
                        || SentenceSpans.namePart(t, m.startToken(), from, to)
                        || Verdicts.unjudged(t, rule, m.endToken(), to)
                        || negated(t, m.startToken(), from, negations)) {
                    continue;
                }
                if (lexicon == null
                        && (planned(t, m.startToken(), from, rule) || partOfPlan(t, planEnd, m.startToken(), rule))) {
                    planEnd = m.endToken();
                    continue;
                }
                if (background.past(t, m.startToken(), from, to)) {
                    history = true; // "the 2014 agreement ... emphasizes cooperation" reports the past
                    break;
                }
                sentenceCues.add(m);
            }
            if (history || sentenceCues.isEmpty()) {
                continue;
            }
            List<Mention> withNominal = SentenceActors.withNominalActors(t, s, sent, mentions, actors, sentenceCues);
            withNominal = SentenceActors.withPairReferences(t, from, to, withNominal, lastPair);
            if (lexicon == null) {
                int sentence = s;
                Map<String, String[]> doers = lastDoers == null ? Map.of() : lastDoers;
                withNominal = SentenceActors.withActReferences(
                        t,
                        to,
                        withNominal,
                        sentenceCues,
                        cueTable,
                        (force, root) -> latestActors(
                                t,
                                sent,
                                sentence,
                                actorsBySent,
                                force,
                                root,
                                doers.get(force ? FORCE : root == null ? ANY_ACT : root)));
            }
            SentenceScope scope = new SentenceScope(t, withNominal, places, sentenceCues, cues, from, to, joiners);
            Map<String, Candidate> best = new LinkedHashMap<>();
            List<Candidate> givers = null; // of aid cues; those that name no recipient have none (null)
            for (PhraseMatcher.Match m : sentenceCues) {
                EventCue cue = cueTable.get(m.payloads()[0] >> 2);
                List<String[]> pairs = CuePairs.pairsOf(scope, m, cue);
                EventCue coded = cue.rootCode().equals("01") && Verdicts.judged(t, m.endToken(), to)
                        ? Verdicts.CUE
                        : Intents.of(t, m.startToken(), from, cue);
                for (String[] pair : pairs) {
                    offer(best, pair[0], pair[1], coded);
                }
                boolean joint = !pairs.isEmpty() && JointAction.possible(cue);
                boolean aid = cue.rootCode().equals("07") && !cue.mutual();
                List<Mention> doers = joint || aid ? CuePairs.subjectOf(scope, m, cue) : List.of();
                if (joint) {
                    for (String[] pair : JointAction.partners(t, doers, pairs, from, to)) {
                        offer(best, pair[0], pair[1], JointAction.CUE);
                    }
                }
                if (aid) {
                    for (Mention giver : doers) {
                        givers = givers == null ? new ArrayList<>(2) : givers;
                        givers.add(new Candidate(giver.country, pairs.isEmpty() ? null : pairs.get(0)[1], cue));
                    }
                }
            }
            if (givers != null) {
                // "Spain sent rescuers, and a Qatari plane landed in Marrakech": when the sentence names no state but
                // givers and the story's own, aid to no state named goes where the story is
                String focus = story.focus();
                List<String> named = new ArrayList<>(givers.size() + 1);
                named.add(focus);
                givers.forEach(g -> named.add(g.actor1()));
                if (SentenceSpans.onlyCountriesOf(named, withNominal, places)) {
                    for (Candidate g : givers) {
                        if (g.actor2() == null && g.cue().priority() >= STRONG_AID) {
                            offer(best, g.actor1(), focus, g.cue());
                        }
                    }
                }
            }
            for (PhraseMatcher.Match m : sentenceCues) {
                EventCue cue = cueTable.get(m.payloads()[0] >> 2);
                if (Mediation.mediates(cue)) {
                    mediate(best, scope, m, cue, lastPair, mentions);
                }
            }
            if (best.isEmpty()) {
                continue;
            }
            String sentence = text.substring(t.start[from], t.end[to - 1]).strip();
            List<EventActor> eventActors = eventActors(text, t, withNominal);
            List<String> sentenceThemes = List.copyOf(themes.themesBetween(themeMatches, from, to));
            List<Candidate> coded = strongest(best.values());
            lastDoers = lastDoers == null ? new HashMap<>() : lastDoers;
            lastDoers.put(ANY_ACT, doers(coded));
            for (Candidate c : coded) {
                lastDoers.put(c.cue.rootCode(), doers(List.of(c)));
            }
            List<Candidate> force = coded.stream().filter(c -> forceAct(c.cue)).toList();
            if (!force.isEmpty()) {
                lastDoers.put(FORCE, doers(force));
            }
            lastPair = storyPair(coded, lastPair, pairEvents);
            for (Candidate c : coded) {
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

    /** Aid cues this strong say aid was given even with no recipient named ("sent rescuers"; not a bare "relief"). */
    private static final int STRONG_AID = 8;

    /** Keys of the latest doers besides the roots: of any act, of an act of force. */
    private static final String ANY_ACT = "any";

    private static final String FORCE = "force";

    /** An act of force that "the strikes", "the attack" may refer to: coercion, assault, fighting (roots 17-20). */
    private static boolean forceAct(EventCue cue) {
        return cue.rootCode().compareTo("17") >= 0;
    }

    /** "Mexico had announced …": an act told in the past perfect is backstory, not the latest act. */
    private static boolean pluperfect(Tokens t, int cueFrom, int from) {
        return cueFrom - 1 >= from && t.is(cueFrom - 1, "had") || cueFrom - 2 >= from && t.is(cueFrom - 2, "had");
    }

    /** How many sentences back an act named by its noun ("condemned the launch") may have been told. */
    private static final int ACT_LOOKBACK = 2;

    /**
     * The states that did the latest act told before sentence {@code s}: the subject of the last act in the two
     * sentences before, even one aimed at no state ("North Korea fired a missile into the sea"); not a statement, an
     * appeal, a response nor backstory in the past perfect; of {@code root} if not null; if {@code force}, a coercion
     * or an assault of roots 17-20, not a deployment. Else {@code eventDoers}, the doers of the story's latest event of
     * that kind.
     */
    private String[] latestActors(
            Tokens t,
            int[] sent,
            int s,
            List<List<Mention>> actorsBySent,
            boolean force,
            String root,
            String[] eventDoers) {
        for (int k = s - 1; k >= 0 && k >= s - ACT_LOOKBACK; k--) {
            List<Mention> actors = actorsBySent.get(k);
            if (actors == null) {
                continue;
            }
            int from = SentenceSpans.firstTokenOf(sent, k, actors.get(0).from);
            int to = SentenceSpans.lastTokenOf(sent, k, actors.get(0).from) + 1;
            List<PhraseMatcher.Match> cues = rules.cueMatches(t, from, to);
            for (int c = cues.size() - 1; c >= 0; c--) {
                EventCue cue = rules.cues.get(cues.get(c).payloads()[0] >> 2);
                if (cue.rootCode().equals("01")
                        || cue.rootCode().equals("02")
                        || SentenceActors.isResponse(cue)
                        || pluperfect(t, cues.get(c).startToken(), from)
                        || force && !forceAct(cue)
                        || root != null && !cue.rootCode().equals(root)) {
                    continue;
                }
                List<Mention> subject =
                        Chains.chainBefore(t, actors, cues, cues.get(c).startToken(), from, Set.of());
                if (!subject.isEmpty()) {
                    return subject.stream().map(m -> m.country).distinct().toArray(String[]::new);
                }
            }
        }
        return eventDoers;
    }

    /** A cue this strong is an act of its own even beside a stronger one of the same pair ("condemned … and recalled"). */
    private static final int OWN_EVENT_PRIORITY = 10;

    /**
     * Per pair of a sentence, the candidate of highest priority, and those of other roots strong enough to be acts
     * of their own: "Pyongyang cut all lines with Seoul and threatened military action" is two events.
     */
    private static List<Candidate> strongest(Collection<Candidate> candidates) {
        if (candidates.size() == 1) {
            return List.copyOf(candidates);
        }
        List<Candidate> all = List.copyOf(candidates);
        List<Candidate> out = new ArrayList<>(all.size());
        for (Candidate c : all) {
            boolean outranked = false;
            for (Candidate o : all) {
                outranked |= o.cue.priority() > c.cue.priority() && samePair(o, c);
            }
            if (!outranked || c.cue.priority() >= OWN_EVENT_PRIORITY) {
                out.add(c);
            }
        }
        return out;
    }

    private static boolean samePair(Candidate a, Candidate b) {
        return a.actor1.equals(b.actor1) && a.actor2.equals(b.actor2)
                || a.actor1.equals(b.actor2) && a.actor2.equals(b.actor1);
    }

    /**
     * The two states "both countries" will stand for after a sentence's events: those of its first mutual act (the
     * parties, not their broker), else of its last event; unless the story has told more events of the pair it had
     * before. "Mexico broke off relations with Ecuador … Nicaragua broke ties with Ecuador … the US called on the two
     * countries": a third state's echo does not make a new story pair.
     */
    private static String[] storyPair(List<Candidate> coded, String[] before, Map<String, Integer> pairEvents) {
        Candidate pick = null;
        for (Candidate c : coded) {
            pairEvents.merge(pairKey(c.actor1, c.actor2), 1, Integer::sum);
            pick = pick == null && c.cue.mutual() ? c : pick;
        }
        pick = pick == null ? coded.get(coded.size() - 1) : pick;
        boolean keep = before != null
                && pairEvents.get(pairKey(before[0], before[1])) > pairEvents.get(pairKey(pick.actor1, pick.actor2));
        return keep ? before : new String[] {pick.actor1, pick.actor2};
    }

    private static String pairKey(String a, String b) {
        return a.compareTo(b) < 0 ? a + '|' + b : b + '|' + a;
    }

    /** The states that acted in a sentence's events: each actor1, and both parties of a mutual act. */
    private static String[] doers(Collection<Candidate> events) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (Candidate c : events) {
            out.add(c.actor1);
            if (c.cue.mutual()) {
                out.add(c.actor2);
            }
        }
        return out.toArray(String[]::new);
    }

    /**
     * "a deal brokered by Russia", "talks hosted by Oman", "mediated by Qatar and Egypt, … between Israeli officials
     * and …": each host or broker meets each party of the sentence's mutual act, else each side it serves, else the
     * country other than the brokers' that the story names most ({@code mentions}); co-brokers do not act on each
     * other.
     */
    private void mediate(
            Map<String, Candidate> best,
            SentenceScope scope,
            PhraseMatcher.Match m,
            EventCue cue,
            String[] lastPair,
            List<Mention> mentions) {
        Mediation.Agents told = Mediation.agents(scope, m, cue);
        List<Mention> agents = told.states();
        if (agents.isEmpty()) {
            return;
        }
        best.values()
                .removeIf(c ->
                        c.cue == cue && Mediation.isAgent(agents, c.actor1) && Mediation.isAgent(agents, c.actor2));
        List<String> sides = new ArrayList<>(2);
        for (Candidate c : best.values()) {
            for (String party : c.cue.mutual() ? List.of(c.actor1, c.actor2) : List.<String>of()) {
                if (!Mediation.isAgent(agents, party) && !sides.contains(party)) {
                    sides.add(party);
                }
            }
        }
        if (sides.isEmpty()) {
            sides = Mediation.sides(scope.t(), scope.actors(), told, scope.from(), scope.to(), lastPair, mentions);
        }
        for (Mention agent : agents) {
            for (String side : sides) {
                offer(best, agent.country, side, cue);
            }
        }
    }

    /** Keeps the pair {@code actor1, actor2} (as sovereign states) with the cue of highest priority per pair and root. */
    private void offer(Map<String, Candidate> best, String actor1, String actor2, EventCue cue) {
        String a = territories.sovereign(actor1);
        String b = territories.sovereign(actor2);
        if (a.equals(b) || !territories.isState(a) || !territories.isState(b)) {
            return;
        }
        String key = (a.compareTo(b) < 0 ? a + "-" + b : b + "-" + a) + "/" + cue.rootCode();
        Candidate old = best.get(key);
        if (old == null || cue.priority() > old.cue.priority()) {
            best.put(key, new Candidate(a, b, cue));
        }
    }

    /** How many words before a meeting its future or the "to" of its plan may stand: "will soon hold talks". */
    private static final int PLAN_REACH = 5;

    /** Words before a meeting or a trip that make it a plan: "will travel to", "would meet". */
    private static final WordSet FUTURE = WordSet.of("will", "would", "'ll", "shall");

    /** Words before the "to" of a meeting or trip that make it a plan: "is due to visit", "offered to host talks". */
    private static final WordSet PLAN_VERBS = WordSet.of(
            "due",
            "plans",
            "plan",
            "planned",
            "planning",
            "scheduled",
            "expected",
            "set",
            "wants",
            "hopes",
            "intends",
            "invited",
            "invites",
            "invitation",
            "offered",
            "offers",
            "ready",
            "agreed",
            "agrees",
            "asked",
            "going");

    /**
     * A meeting or a trip still to come ("will travel to Hanoi next week", "offers to host Russia-Ukraine talks",
     * "invited the king to visit Tehran") is no news of one: a future up to five words back in its clause, or a "to"
     * whose plan stands up to six words before it. "flew to Lima to hold talks" is news. Other acts announced for
     * later ("will impose tariffs") are news at once.
     */
    private static boolean planned(Tokens t, int cueFrom, int from, EventCue cue) {
        if (!cue.rootCode().equals("04")) {
            return false;
        }
        for (int i = cueFrom - 1, words = 0; i >= from && words < PLAN_REACH; i--) {
            if (t.kind[i] != Tokens.WORD) {
                if (t.first(i) == '-') {
                    continue; // "to host Russia-Ukraine talks"
                }
                return false;
            }
            if (FUTURE.contains(t, i)) {
                return true;
            }
            if (t.is(i, "to")) {
                return planBefore(t, i, from);
            }
            words++;
        }
        return false;
    }

    /**
     * A meeting named right after one still to come is part of the plan: "ready to host a new round of indirect talks"
     * (up to six words between, no punctuation).
     */
    private static boolean partOfPlan(Tokens t, int planEnd, int cueFrom, EventCue cue) {
        if (planEnd < 0 || !cue.rootCode().equals("04") || cueFrom - planEnd > 6) {
            return false;
        }
        for (int i = planEnd; i < cueFrom; i++) {
            if (t.kind[i] == Tokens.PUNCT && t.first(i) != '-') {
                return false;
            }
        }
        return true;
    }

    /** A plan word up to six words before the "to" at {@code to}, over a list's commas ("invites Chile, Peru to"). */
    private static boolean planBefore(Tokens t, int to, int from) {
        for (int i = to - 1, words = 0; i >= from && words < 6; i--) {
            if (t.kind[i] != Tokens.WORD) {
                if (t.first(i) == ',') {
                    continue;
                }
                return false;
            }
            words++;
            if (PLAN_VERBS.contains(t, i) || FUTURE.contains(t, i)) {
                return true;
            }
        }
        return false;
    }

    /** A negation up to five words before the cue in its clause: "did not take part in the meeting". */
    private static boolean negated(Tokens t, int cueFrom, int from, Set<String> negations) {
        for (int i = cueFrom - 1; i >= from && i >= cueFrom - 5; i--) {
            if (t.kind[i] == Tokens.PUNCT && t.first(i) != '\'' && t.first(i) != '’') {
                return false;
            }
            if (t.kind[i] == Tokens.WORD
                    && (NEGATIONS.contains(t, i) || !negations.isEmpty() && negations.contains(t.lower(i)))) {
                return true;
            }
        }
        return false;
    }

    /** Nouns after a sport that make it a person's description, not a game: "basketball star X" detained abroad. */
    private static final WordSet SPORTS_PEOPLE = WordSet.of("star", "player", "champion", "legend");

    private boolean discarded(Tokens t, int from, int to) {
        for (int i = from; i < to; i++) {
            if (t.kind[i] == Tokens.WORD
                    && discards.contains(t, i)
                    && !(i + 1 < to && SPORTS_PEOPLE.contains(t, i + 1))) {
                return true;
            }
        }
        return false;
    }

    /** A question ("How would you describe …?") asserts no event. */
    private static boolean question(Tokens t, int to) {
        return to > 0 && t.kind[to - 1] == Tokens.PUNCT && t.first(to - 1) == '?';
    }

    private static List<EventActor> eventActors(String text, Tokens t, List<Mention> actors) {
        List<EventActor> eventActors = new ArrayList<>();
        for (Mention m : actors) {
            if (m.type == EntityType.PERSON || m.type == EntityType.ORGANIZATION) {
                eventActors.add(
                        new EventActor(text.substring(t.start[m.from], t.end[m.to - 1]), m.type, m.country, m.role));
            }
        }
        return List.copyOf(eventActors);
    }
}
