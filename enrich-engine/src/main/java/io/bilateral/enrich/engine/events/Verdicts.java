package io.bilateral.enrich.engine.events;

import io.bilateral.enrich.engine.kb.RuleTables.EventCue;
import io.bilateral.enrich.engine.text.Tokens;
import io.bilateral.enrich.engine.text.WordSet;

/**
 * A statement that passes a hostile judgement is a criticism (11), not a mere statement (01): "described the deal as
 * 'illegal'", "said the raid was a clear violation", "called the charges groundless". The judgement often stands in
 * quotes, where no cue reaches.
 */
final class Verdicts {

    private Verdicts() {}

    /** The criticism a judging statement becomes: CAMEO 111, "criticize or denounce". */
    static final EventCue CUE = new EventCue("<hostile judgement in a statement>", "111", -2.0, false, 3);

    /** Words of a hostile judgement on another's act. */
    private static final WordSet JUDGEMENTS = WordSet.of(
            "illegal",
            "unlawful",
            "illegitimate",
            "unacceptable",
            "provocation",
            "provocative",
            "obstruction",
            "aggression",
            "violation",
            "irresponsible",
            "reckless",
            "groundless",
            "baseless",
            "unfounded",
            "absurd",
            "interference",
            "meddling",
            "blackmail",
            "deplorable",
            "outrageous",
            "hypocritical",
            "arrogant",
            "hostile",
            "unfriendly",
            "unjustified",
            "unjustifiable",
            "dangerous",
            "destabilising",
            "destabilizing",
            "unprovoked");

    /**
     * The cue that is an act only when a judgement follows: "called the charges groundless" is a criticism, "called
     * Erdogan", "called elections" or "a group called …" are none ("called on", "called for" are cues of their own).
     */
    private static final String JUDGING_VERB = "called";

    /** Whether a cue is no act here: the bare judging verb with no judgement in the rest of the sentence. */
    static boolean unjudged(Tokens t, EventCue cue, int end, int to) {
        return cue.pattern().equals(JUDGING_VERB) && !judged(t, end, to);
    }

    /** True when a judgement word stands in [from, to): the rest of the statement's sentence. */
    static boolean judged(Tokens t, int from, int to) {
        for (int i = from; i < to; i++) {
            if (t.kind[i] == Tokens.WORD && JUDGEMENTS.contains(t, i)) {
                return true;
            }
        }
        return false;
    }
}
