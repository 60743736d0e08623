package io.bilateral.enrich.engine.events;

import io.bilateral.enrich.engine.kb.RuleTables.EventCue;
import io.bilateral.enrich.engine.names.Mention;
import io.bilateral.enrich.engine.text.Tokens;
import java.util.ArrayList;
import java.util.List;

/**
 * States that strike or deploy together against a third cooperate militarily with each other: "The United
 * States and Britain carried out strikes against targets in Yemen" is also a United States–Britain act (06).
 */
final class JointAction {

    private JointAction() {}

    /** Military cooperation (CAMEO 062), what the partners of a joint operation do with each other. */
    static final EventCue CUE = new EventCue("<joint military action>", "062", 6.4, true, 6);

    /** True for a directed deployment or act of force (roots 15 and 18-20), which partners may do together. */
    static boolean possible(EventCue cue) {
        String root = cue.rootCode();
        return !cue.mutual() && (root.equals("15") || root.compareTo("18") >= 0);
    }

    /**
     * The pairs of the states that do one act together ({@code doers}) on a target of the act's {@code pairs} other
     * than themselves; none when the sentence says they act on each other ("shelled each other's positions").
     */
    static List<String[]> partners(Tokens t, List<Mention> doers, List<String[]> pairs, int from, int to) {
        List<String> states = new ArrayList<>(2);
        for (Mention m : doers) {
            if (!states.contains(m.country)) {
                states.add(m.country);
            }
        }
        if (states.size() < 2 || !thirdTarget(states, pairs) || eachOther(t, from, to)) {
            return List.of();
        }
        List<String[]> out = new ArrayList<>(1);
        for (int i = 0; i < states.size(); i++) {
            for (int j = i + 1; j < states.size(); j++) {
                out.add(new String[] {states.get(i), states.get(j)});
            }
        }
        return out;
    }

    private static boolean thirdTarget(List<String> states, List<String[]> pairs) {
        for (String[] p : pairs) {
            if (!states.contains(p[1])) {
                return true;
            }
        }
        return false;
    }

    private static boolean eachOther(Tokens t, int from, int to) {
        for (int i = from; i + 1 < to; i++) {
            if (t.is(i, "each") && t.is(i + 1, "other") || t.is(i, "one") && t.is(i + 1, "another")) {
                return true;
            }
        }
        return false;
    }
}
