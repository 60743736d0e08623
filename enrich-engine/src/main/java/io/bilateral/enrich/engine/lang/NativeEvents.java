package io.bilateral.enrich.engine.lang;

import io.bilateral.enrich.engine.CodedEvent;
import io.bilateral.enrich.engine.kb.PhraseMatcher;
import io.bilateral.enrich.engine.kb.RuleTables.EventCue;
import io.bilateral.enrich.engine.names.Mention;
import io.bilateral.enrich.engine.text.Tokens;
import io.bilateral.enrich.engine.text.WordSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Two word orders the English-shaped event coder does not read, common to the pack languages:
 *
 * <ul>
 *   <li>the cue first, its actor after it: Arabic verb-subject-object ("أدانت الكويت … لبنان") and nominal headlines
 *       ("Визит Путина в Китай", "Visite de Macron en Chine"): with no actor before the cue in its sentence, the
 *       first actor after it acts on the next state after that;
 *   <li>the agent after a nominal cue and the target after a preposition ("удар Израиля по Сирии", "l'attaque de
 *       l'Iran contre Israël", "الهجوم الإسرائيلي على لبنان"): X acts on Y.
 * </ul>
 *
 * Adds only pairs the coder did not code in that sentence.
 */
final class NativeEvents {

    /** How far the actor may stand after the cue, and the target after the actor, in tokens. */
    private static final int AGENT_REACH = 4;

    private static final int TARGET_REACH = 8;

    private NativeEvents() {}

    static List<CodedEvent> extra(
            String text,
            Tokens t,
            int[] sent,
            List<Mention> mentions,
            List<PhraseMatcher.Match> cues,
            List<EventCue> table,
            WordSet targetWords,
            List<CodedEvent> coded) {
        Set<String> done = new HashSet<>();
        for (CodedEvent e : coded) {
            done.add(e.pairId() + "\t" + e.sentence());
        }
        List<CodedEvent> out = new ArrayList<>();
        for (PhraseMatcher.Match m : cues) {
            int c = m.startToken();
            int s = sent[c];
            if (s < 0) {
                continue;
            }
            Mention agent = firstAfter(mentions, sent, s, m.endToken(), AGENT_REACH, null);
            if (agent == null) {
                continue;
            }
            boolean cueFirst = !actorBefore(mentions, sent, s, c);
            int prep = targetWordAfter(t, sent, s, agent.to, targetWords);
            Mention target;
            if (prep >= 0) {
                target = firstAfter(mentions, sent, s, prep + 1, 2, agent.country);
            } else if (cueFirst) {
                target = firstAfter(mentions, sent, s, agent.to, TARGET_REACH, agent.country);
            } else {
                continue;
            }
            if (target == null) {
                continue;
            }
            EventCue cue = table.get(m.payloads()[0] >> 2);
            String sentence = sentenceText(text, t, sent, s);
            String key = (agent.country.compareTo(target.country) < 0
                            ? agent.country + "-" + target.country
                            : target.country + "-" + agent.country)
                    + "\t" + sentence;
            if (!done.add(key)) {
                continue;
            }
            out.add(new CodedEvent(
                    agent.country,
                    target.country,
                    !cue.mutual(),
                    cue.code(),
                    cue.rootCode(),
                    cue.quadClass(),
                    cue.goldstein(),
                    sentence,
                    List.of(),
                    List.of()));
        }
        return out;
    }

    /** The first mention of a country after {@code from} within {@code reach} tokens in sentence s, not {@code not}. */
    private static Mention firstAfter(List<Mention> mentions, int[] sent, int s, int from, int reach, String not) {
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

    private static boolean actorBefore(List<Mention> mentions, int[] sent, int s, int tok) {
        for (Mention m : mentions) {
            if (m.to <= tok && sent[m.from] == s && m.actor) {
                return true;
            }
        }
        return false;
    }

    /** A preposition that introduces the target ("по", "contre", "على") just after the agent, or -1. */
    private static int targetWordAfter(Tokens t, int[] sent, int s, int from, WordSet words) {
        for (int i = from; i < t.size && i < from + 2 && sent[i] == s; i++) {
            if (t.kind[i] == Tokens.WORD && words.contains(t, i)) {
                return i;
            }
        }
        return -1;
    }

    private static String sentenceText(String text, Tokens t, int[] sent, int s) {
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
