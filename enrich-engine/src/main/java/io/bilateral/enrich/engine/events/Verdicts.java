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
