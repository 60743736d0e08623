package io.bilateral.enrich.engine.events;

import io.bilateral.enrich.engine.kb.RuleTables.EventCue;
import io.bilateral.enrich.engine.text.Tokens;
import io.bilateral.enrich.engine.text.WordSet;
import java.util.Map;

/**
 * A cooperative act a state says it stands ready to do is an intent to cooperate (03), not the act: "was ready to
 * establish relations with Ankara", "stands ready to support the process", "expressed willingness to meet". The
 * guide codes "pledge, offer, express readiness or willingness to cooperate" 03; the act itself has not happened.
 */
final class Intents {

    private Intents() {}

    /** Words that, before "to", make the act after them an intent. */
    private static final WordSet READY = WordSet.of("ready", "willing", "prepared", "readiness", "willingness");

    /** The most words between "to" and the act: "ready to further develop relations". */
    private static final int GAP = 2;

    /** The CAMEO intent for each cooperative root: meet 036, diplomatic 032, material 031, aid 033, yield 034. */
    private static final Map<String, String> INTENT_CODES =
            Map.of("04", "036", "05", "032", "06", "031", "07", "033", "08", "034");

    /** The intent the cue at {@code cueStart} expresses, or the cue itself when it is no act one stands ready to do. */
    static EventCue of(Tokens t, int cueStart, int from, EventCue cue) {
        String code = INTENT_CODES.get(cue.rootCode());
        if (code == null) {
            return cue;
        }
        return readyBefore(t, cueStart, from) < 0 ? cue : new EventCue(cue.pattern(), code, 4.0, false, cue.priority());
    }

    /** The token of "ready", "willing" … whose "to" stands just before {@code cueStart}, or -1. */
    static int readyBefore(Tokens t, int cueStart, int from) {
        for (int to = cueStart - 1; to > from && to >= cueStart - 1 - GAP; to--) {
            if (t.is(to, "to") && READY.contains(t, to - 1)) {
                return to - 1;
            }
        }
        return -1;
    }
}
