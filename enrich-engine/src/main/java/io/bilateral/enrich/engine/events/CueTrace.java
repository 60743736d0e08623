package io.bilateral.enrich.engine.events;

import io.bilateral.enrich.engine.kb.PhraseMatcher;
import io.bilateral.enrich.engine.kb.RuleTables;
import io.bilateral.enrich.engine.names.Mention;
import io.bilateral.enrich.engine.text.Tokens;
import java.util.List;

/**
 * What the coder saw in each sentence that names a country, for an analyst asking why a sentence coded what it did
 * (or nothing): its mentions (actor or place) and its cues with their codes. Not used on the processing path.
 */
public final class CueTrace {

    private CueTrace() {}

    public static String of(String text, Tokens t, int[] sent, int nSent, List<Mention> mentions, RuleTables rules) {
        StringBuilder out = new StringBuilder();
        for (int s = 0; s < nSent; s++) {
            int from = -1;
            int to = -1;
            for (int i = 0; i < t.size; i++) {
                if (sent[i] == s) {
                    from = from < 0 ? i : from;
                    to = i + 1;
                }
            }
            if (from < 0 || !namesCountry(mentions, sent, s)) {
                continue;
            }
            out.append("sentence: ").append(text, t.start[from], t.end[to - 1]).append('\n');
            out.append("  mentions:");
            for (Mention m : mentions) {
                if (m.country != null && sent[m.from] == s) {
                    out.append(" [")
                            .append(text, t.start[m.from], t.end[m.to - 1])
                            .append(' ')
                            .append(m.type)
                            .append(' ')
                            .append(m.country)
                            .append(m.actor ? " actor" : " place")
                            .append(']');
                }
            }
            out.append("\n  cues:");
            for (PhraseMatcher.Match c : rules.cueMatches(t, from, to)) {
                RuleTables.EventCue cue = rules.cues.get(c.payloads()[0] >> 2);
                out.append(" [")
                        .append(text, t.start[c.startToken()], t.end[c.endToken() - 1])
                        .append(' ')
                        .append(cue.code())
                        .append(cue.mutual() ? " mutual" : "")
                        .append(" p")
                        .append(cue.priority())
                        .append(']');
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static boolean namesCountry(List<Mention> mentions, int[] sent, int s) {
        for (Mention m : mentions) {
            if (m.country != null && sent[m.from] == s) {
                return true;
            }
        }
        return false;
    }
}
