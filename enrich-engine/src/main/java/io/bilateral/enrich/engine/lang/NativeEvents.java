package io.bilateral.enrich.engine.lang;

import io.bilateral.enrich.engine.CodedEvent;
import io.bilateral.enrich.engine.EntityType;
import io.bilateral.enrich.engine.kb.PhraseMatcher;
import io.bilateral.enrich.engine.kb.RuleTables.EventCue;
import io.bilateral.enrich.engine.names.Mention;
import io.bilateral.enrich.engine.text.Tokens;
import io.bilateral.enrich.engine.text.WordSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The word orders of the pack languages that the English-shaped event coder does not read, and two corrections of
 * what it codes:
 *
 * <ul>
 *   <li>the cue first, its actor after it: Arabic verb-subject-object ("أدانت الكويت … لبنان") and nominal headlines
 *       ("Визит Путина в Китай"): with no actor before the cue in its sentence, the first actor after it acts on the
 *       next state after that;
 *   <li>the agent after a nominal cue and the target after a preposition ("удар Израиля по Сирии", "l'attaque de
 *       l'Iran contre Israël"): X acts on Y;
 *   <li>the parties of a mutual act before it, with the verb last (Persian, Chinese: "ایران و بحرین روابط … را از سر
 *       گرفتند", "عراقچی … با وزیر خارجه عمان دیدار کرد", "中俄蒙三国元首举行会晤"): two to four states in the cue's
 *       clause are its parties, unless a word after them leaves the list open ("等");
 *   <li>a nationality as the target of a directed act ("detiene a tres colombianos", "weist zwei russische Diplomaten
 *       aus"): the state acts on the other state's people or officials;
 *   <li>corrections: a coded pair whose two states stand in an open list is dropped ("中国、俄罗斯、印度等国外长出席"),
 *       and a coded direction is turned round when the preposition of the target marks the coded actor ("中国向缅甸提供援助").
 * </ul>
 */
final class NativeEvents {

    /** How far the actor may stand after the cue, and the target after the actor, in tokens. */
    private static final int AGENT_REACH = 4;

    private static final int TARGET_REACH = 8;
    /** How far before a mutual cue its parties may stand, and after a directed cue its target nationality. */
    private static final int PARTIES_REACH = 14;

    private static final int PEOPLE_REACH = 4;
    /** More states than this before a cue are a list, not the parties of a meeting. */
    private static final int MAX_PARTIES = 4;

    /** The words of the language the rules read. */
    record Words(
            WordSet targets,
            WordSet postTargets,
            WordSet openLists,
            WordSet joiners,
            WordSet past,
            WordSet locatives) {}

    /** One cue of one sentence, and where the events it gives go: what each order below reads and writes. */
    private record Act(
            String text,
            Tokens t,
            int[] sent,
            int s,
            PhraseMatcher.Match m,
            EventCue cue,
            List<Mention> mentions,
            Set<String> done,
            List<CodedEvent> out) {

        /** Adds {@code actor1} acting on {@code actor2} with this cue, once per pair and sentence. */
        void add(String actor1, String actor2) {
            String sentence = Clauses.sentenceText(text, t, sent, s);
            String key =
                    (actor1.compareTo(actor2) < 0 ? actor1 + "-" + actor2 : actor2 + "-" + actor1) + "\t" + sentence;
            if (!done.add(key)) {
                return;
            }
            out.add(new CodedEvent(
                    actor1,
                    actor2,
                    !cue.mutual(),
                    cue.code(),
                    cue.rootCode(),
                    cue.quadClass(),
                    cue.goldstein(),
                    sentence,
                    List.of(),
                    List.of()));
        }
    }

    private NativeEvents() {}

    /** {@code coded} corrected, and the events of the orders above that it does not hold yet. */
    static List<CodedEvent> refine(
            String text,
            Tokens t,
            int[] sent,
            List<Mention> mentions,
            List<PhraseMatcher.Match> cues,
            List<EventCue> table,
            Words words,
            int publishedYear,
            Map<String, String> sovereigns,
            List<CodedEvent> coded) {
        List<CodedEvent> out = new ArrayList<>(coded.size() + 2);
        List<CodedEvent> added = new ArrayList<>(2);
        Set<String> done = new HashSet<>();
        boolean[] past = Corrections.pastSentences(t, sent, words.past(), publishedYear);
        for (CodedEvent e : coded) {
            int s = Corrections.sentenceOf(text, t, sent, e.sentence());
            done.add(e.pairId() + "\t" + e.sentence());
            if (s >= 0
                    && (Corrections.inOpenList(t, sent, s, mentions, words.openLists(), e.actor1(), e.actor2())
                            || past[s])) {
                continue;
            }
            out.add(
                    s >= 0 && e.directed() && Corrections.targetMarked(t, sent, s, mentions, words, e)
                            ? Corrections.turned(e)
                            : e);
        }
        for (PhraseMatcher.Match m : cues) {
            int s = sent[m.startToken()];
            if (s < 0 || past[s]) {
                continue;
            }
            Act act = new Act(text, t, sent, s, m, table.get(m.payloads()[0] >> 2), mentions, done, added);
            if (act.cue().mutual()) {
                if (!Clauses.before(t, sent, m.startToken(), words.locatives())) { // "در این نشست": the act's setting
                    partiesBefore(act, words.openLists());
                }
                partiesAfter(act, words.joiners());
            } else {
                people(act);
                objectBefore(act, words.postTargets());
            }
            agentAfter(act, words.targets());
        }
        for (CodedEvent e : added) {
            // as the coder does: a dependent territory acts through its sovereign, and only states stand in a pair
            String a = sovereigns.getOrDefault(e.actor1(), e.actor1());
            String b = sovereigns.getOrDefault(e.actor2(), e.actor2());
            if (!a.equals(b) && Corrections.STATES.contains(a) && Corrections.STATES.contains(b)) {
                out.add(a.equals(e.actor1()) && b.equals(e.actor2()) ? e : Corrections.renamed(e, a, b));
            }
        }
        return out;
    }

    /**
     * Verb last with the object marked after it (Persian "را"): "واشنگتن تهران را … متهم کرد" is Washington accusing
     * Tehran. The subject is the nearest actor before the marked object in the cue's clause.
     */
    private static void objectBefore(Act a, WordSet postTargets) {
        Tokens t = a.t();
        int[] sent = a.sent();
        PhraseMatcher.Match m = a.m();
        List<Mention> mentions = a.mentions();
        if (postTargets.size() == 0) {
            return;
        }
        int from = Clauses.clauseStart(t, sent, m.startToken(), mentions);
        Mention subject = null;
        for (Mention p : mentions) {
            if (p.from < from || p.to > m.startToken() || p.country == null) {
                continue;
            }
            if (p.to < t.size && postTargets.contains(t, p.to)) {
                if (subject != null && !subject.country.equals(p.country)) {
                    a.add(subject.country, p.country);
                }
                return;
            }
            if (p.actor) {
                subject = p;
            }
        }
    }

    /** Cue first, agent after it: the two orders of the first two items of the class comment. */
    private static void agentAfter(Act a, WordSet targetWords) {
        Tokens t = a.t();
        int[] sent = a.sent();
        int s = a.s();
        PhraseMatcher.Match m = a.m();
        List<Mention> mentions = a.mentions();
        Mention agent = Clauses.firstAfter(mentions, sent, s, m.endToken(), AGENT_REACH, null);
        if (agent == null) {
            return;
        }
        boolean cueFirst = !Clauses.actorBefore(mentions, sent, s, m.startToken());
        int prep = Clauses.targetWordAfter(t, sent, s, agent.to, targetWords);
        Mention target;
        if (prep >= 0) {
            target = Clauses.firstAfter(mentions, sent, s, prep + 1, 2, agent.country);
        } else if (cueFirst) {
            target = Clauses.firstAfter(mentions, sent, s, agent.to, TARGET_REACH, agent.country);
        } else {
            return;
        }
        if (target != null) {
            a.add(agent.country, target.country);
        }
    }

    /** The parties of a mutual cue standing before it in its clause (verb-last and nominal orders). */
    private static void partiesBefore(Act a, WordSet openLists) {
        Tokens t = a.t();
        int[] sent = a.sent();
        PhraseMatcher.Match m = a.m();
        List<Mention> mentions = a.mentions();
        int from = Clauses.clauseStart(t, sent, m.startToken(), mentions);
        List<String> parties = new ArrayList<>(4);
        for (Mention p : mentions) {
            if (p.from >= from && p.to <= m.startToken() && p.actor && p.country != null) {
                if (Corrections.openAfter(t, sent, p.to, openLists)) {
                    return;
                }
                if (!parties.contains(p.country)) {
                    parties.add(p.country);
                }
            }
        }
        addEveryPair(a, parties);
    }

    /**
     * The parties of a nominal mutual cue listed right after it ("نشست سه‌جانبه‌ی ایران، روسیه و ترکیه", "مناورات …
     * المشتركة بين مصر والسعودية"): two to four states joined by commas and joining words.
     */
    private static void partiesAfter(Act a, WordSet joiners) {
        Tokens t = a.t();
        int[] sent = a.sent();
        int s = a.s();
        PhraseMatcher.Match m = a.m();
        List<Mention> mentions = a.mentions();
        List<String> parties = new ArrayList<>(4);
        int last = -1;
        for (Mention p : mentions) {
            if (p.from < m.endToken() || sent[p.from] != s || !p.actor || p.country == null) {
                continue;
            }
            if (last < 0 ? p.from - m.endToken() > AGENT_REACH : !Clauses.joinedBy(t, last, p.from, joiners)) {
                break;
            }
            if (!parties.contains(p.country)) {
                parties.add(p.country);
            }
            last = p.to;
        }
        addEveryPair(a, parties);
    }

    /** Every two of two to four parties, as one mutual event each; a longer list is a list, not a meeting. */
    private static void addEveryPair(Act a, List<String> parties) {
        if (parties.size() < 2 || parties.size() > MAX_PARTIES) {
            return;
        }
        for (int i = 0; i < parties.size(); i++) {
            for (int j = i + 1; j < parties.size(); j++) {
                a.add(parties.get(i), parties.get(j));
            }
        }
    }

    /** A directed act on a nationality after it: the nearest actor before the cue acts on that nationality's state. */
    private static void people(Act a) {
        Tokens t = a.t();
        int[] sent = a.sent();
        int s = a.s();
        PhraseMatcher.Match m = a.m();
        EventCue cue = a.cue();
        List<Mention> mentions = a.mentions();
        if (cue.quadClass() < 3 && !cue.rootCode().equals("08")) {
            return; // cooperation with "the Russian arms industry" is no act on a state; a release of people is
        }
        Mention target = null;
        for (Mention p : mentions) {
            if (p.from >= m.endToken() && p.from - m.endToken() <= PEOPLE_REACH && sent[p.from] == s) {
                if (p.actor) {
                    return; // the coder reads a state after the cue
                }
                if (p.type == EntityType.NORP && p.country != null) {
                    target = p;
                    break;
                }
            }
        }
        if (target == null) {
            return;
        }
        int from = Clauses.clauseStart(t, sent, m.startToken(), mentions);
        Mention subject = null;
        for (Mention p : mentions) {
            if (p.from >= from && p.to <= m.startToken() && p.actor && p.country != null) {
                subject = p; // the nearest before the cue
            }
        }
        if (subject != null && !subject.country.equals(target.country)) {
            a.add(subject.country, target.country);
        }
    }
}
