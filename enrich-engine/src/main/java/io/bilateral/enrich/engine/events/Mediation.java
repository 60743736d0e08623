package io.bilateral.enrich.engine.events;

import io.bilateral.enrich.engine.kb.PhraseMatcher;
import io.bilateral.enrich.engine.kb.RuleTables.EventCue;
import io.bilateral.enrich.engine.names.Mention;
import io.bilateral.enrich.engine.text.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Who hosts, mediates or brokers, and between whom: the guide pairs a broker with each side, never the co-brokers
 * with each other ("mediated by Qatar and Egypt" is no Qatar–Egypt act).
 */
final class Mediation {

    private Mediation() {}

    /** Codes of acts whose agent meets each party of the act it serves: host (043), mediate, broker (045). */
    private static final Set<String> CODES = Set.of("043", "045");

    static boolean mediates(EventCue cue) {
        return CODES.contains(cue.code());
    }

    /**
     * The hosts or brokers of a cue, and whether the sentence tells them as those of an act already told ("the truce
     * was mediated by Qatar", "…, who acted as mediator") rather than as doers of an act of their own.
     */
    record Agents(List<Mention> states, boolean ofActTold) {}

    /**
     * The states that host or mediate: the agent after "by" ("mediated by Qatar and Egypt"), the state before a
     * hyphen ("the Russian-brokered deal"), else the subject ("Oman hosted …", "Vega, who acted as mediator").
     */
    static Agents agents(SentenceScope s, PhraseMatcher.Match cue, EventCue rule) {
        Tokens t = s.t();
        List<Mention> actors = s.actors();
        List<Mention> places = s.places();
        Mention agent = CuePairs.agentOf(t, actors, cue);
        if (agent == null && places != null) {
            agent = CuePairs.hyphenedAgentOf(t, places, cue); // "in a U.S.-brokered deal"
        }
        if (agent != null) {
            List<Mention> chain = Chains.chainAfter(t, actors, s.cues(), false, agent.from, s.to(), s.joiners());
            return new Agents(chain.isEmpty() || chain.get(0) != agent ? List.of(agent) : named(t, chain), true);
        }
        List<Mention> subject = CuePairs.subjectOf(s, cue, rule);
        return subject.isEmpty()
                ? new Agents(relativeSubject(t, actors, cue.startToken(), s.from()), true)
                : new Agents(subject, false);
    }

    /** The chain up to its first member that is no name: "by the Emirates, both sides say" ends before "both". */
    private static List<Mention> named(Tokens t, List<Mention> chain) {
        for (int i = 1; i < chain.size(); i++) {
            if (!Character.isUpperCase(t.first(chain.get(i).from))) {
                return chain.subList(0, i);
            }
        }
        return chain;
    }

    /**
     * "…, who acted as mediator": the last actor ending up to three words before ", who" (itself up to two words
     * before the cue).
     */
    private static List<Mention> relativeSubject(Tokens t, List<Mention> actors, int cueFrom, int from) {
        for (int w = cueFrom - 1; w >= from + 1 && w >= cueFrom - 2; w--) {
            if (t.is(w, "who") && t.kind[w - 1] == Tokens.PUNCT && t.first(w - 1) == ',') {
                Mention last = null;
                for (Mention m : actors) {
                    if (m.to <= w - 1 && w - 1 - m.to <= 3 && !Chains.blocked(t, m.to, w - 1)) {
                        last = m; // "Peru's president, who …"
                    }
                }
                return last == null ? List.of() : List.of(last);
            }
        }
        return List.of();
    }

    /**
     * The sides a mediation serves when no act between them is told in the sentence: the states after "between"
     * that do not mediate ("between Iranian and American officials"). When the mediation is told as that of an act
     * already told ({@code told.ofActTold()}): the two states of the story's latest event ({@code lastPair}, may be
     * null) if the sentence names no other state, else the country other than the brokers' that the story names most
     * ("talks brokered by Saudi and US mediators" between an army and a militia). Else none: "Turkey has mediated
     * earlier swaps".
     */
    static List<String> sides(
            Tokens t, List<Mention> actors, Agents told, int from, int to, String[] lastPair, List<Mention> mentions) {
        List<Mention> agents = told.states();
        List<String> out = new ArrayList<>(2);
        boolean others = false; // a state besides the brokers, so that the story's latest pair is not what they serve
        for (int i = from; i < to; i++) {
            if (!t.is(i, "between")) {
                continue;
            }
            others = true;
            for (Mention m : actors) {
                if (m.from > i && m.from - i <= Chains.REACH && !isAgent(agents, m.country)) {
                    if (!out.contains(m.country)) {
                        out.add(m.country);
                    }
                }
            }
            break;
        }
        for (Mention m : actors) {
            others |= !isAgent(agents, m.country);
        }
        if (!out.isEmpty() || !told.ofActTold()) {
            return out;
        }
        for (String c : others || lastPair == null ? new String[0] : lastPair) {
            if (!isAgent(agents, c)) {
                out.add(c);
            }
        }
        String focus = out.isEmpty() ? SentenceSpans.mostNamedCountry(mentions, agents) : "";
        if (!focus.isEmpty()) {
            out.add(focus);
        }
        return out;
    }

    static boolean isAgent(List<Mention> agents, String country) {
        for (Mention a : agents) {
            if (a.country.equals(country)) {
                return true;
            }
        }
        return false;
    }
}
