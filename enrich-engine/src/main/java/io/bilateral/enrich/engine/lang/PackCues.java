package io.bilateral.enrich.engine.lang;

import io.bilateral.enrich.engine.events.EventCoder;
import io.bilateral.enrich.engine.kb.PhraseMatcher;
import io.bilateral.enrich.engine.kb.RuleTables.EventCue;
import io.bilateral.enrich.engine.kb.Table;
import io.bilateral.enrich.engine.kb.TableSource;
import io.bilateral.enrich.engine.text.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The event cues of one language ({@code rules/cues/<code>.tsv}, the columns of {@code rules/event-cues.tsv}),
 * matched once per article: the coder and the pack's own rules read the same matches.
 *
 * <p>A cue whose last word is a separable particle of the language ({@code PART} rows of {@code lang/<code>.tsv}:
 * German "aus", "vor", "ein") also matches with the particle at the end of its clause, as a main clause puts it:
 * "weist* aus" matches "weist zwei russische Diplomaten aus", "bestellt* ein" "bestellt den Botschafter ein".
 */
final class PackCues {

    /** How far the particle may stand after its verb, in tokens. */
    private static final int PARTICLE_REACH = 12;

    private final PhraseMatcher matcher;
    /** The verb parts of the separable cues, or null when the language has none. */
    private final PhraseMatcher verbs;
    /** Per payload of {@link #verbs}: the cue's index and its particle. */
    private final List<Separable> separable;

    private final List<EventCue> cues;

    private record Separable(int cue, String particle) {}

    PackCues(TableSource source, String language, Set<String> particles) {
        List<EventCue> list = new ArrayList<>();
        List<Separable> split = new ArrayList<>();
        PhraseMatcher.Builder cb = new PhraseMatcher.Builder();
        PhraseMatcher.Builder vb = new PhraseMatcher.Builder();
        Set<String> codes = Set.copyOf(Table.words(source, "rules/cameo-codes.tsv"));
        Table.read(source, "rules/cues/" + language + ".tsv", 5, 5).forEach(row -> {
            EventCue cue = new EventCue(
                    row.text(1), // as written: German nouns keep their capital (the matcher ignores case)
                    row.cameoCode(2, codes).intern(),
                    row.goldstein(3),
                    row.yesNo(4),
                    row.integer(5, 0, 100));
            for (String f : Inflection.forms(language, cue.pattern())) {
                cb.add(f, list.size(), PhraseMatcher.CASE_ANY);
            }
            String p = cue.pattern().strip().toLowerCase(java.util.Locale.ROOT);
            int sp = p.lastIndexOf(' ');
            if (sp > 0 && particles.contains(p.substring(sp + 1))) {
                for (String f : Inflection.forms(language, p.substring(0, sp))) {
                    vb.add(f, split.size(), PhraseMatcher.CASE_ANY);
                }
                split.add(new Separable(list.size(), p.substring(sp + 1)));
            }
            list.add(cue);
        });
        matcher = cb.build();
        verbs = split.isEmpty() ? null : vb.build();
        separable = List.copyOf(split);
        cues = List.copyOf(list);
    }

    List<EventCue> cues() {
        return cues;
    }

    PhraseMatcher matcher() {
        return matcher;
    }

    EventCoder.Lexicon lexicon(Set<String> joiners, Set<String> negations) {
        return new EventCoder.Lexicon(matcher, cues, Set.copyOf(joiners), Set.copyOf(negations));
    }

    /** The cue matches of {@code t} in text order, a separated verb and particle as one match at the verb. */
    List<PhraseMatcher.Match> match(Tokens t, int[] sent) {
        List<PhraseMatcher.Match> out = matcher.match(t);
        if (verbs == null) {
            return out;
        }
        List<PhraseMatcher.Match> split = null;
        for (PhraseMatcher.Match v : verbs.match(t)) {
            Separable s = separable.get(v.payloads()[0] >> 2);
            if (particleAfter(t, sent, v.endToken(), s.particle())) {
                if (split == null) {
                    split = new ArrayList<>(2);
                }
                split.add(new PhraseMatcher.Match(
                        v.startToken(), v.endToken(), new int[] {s.cue() << 2 | PhraseMatcher.CASE_ANY}));
            }
        }
        if (split == null) {
            return out;
        }
        // the separable reading wins over a plain cue on the same verb ("sagt … zu" is a pledge, "sagt" a statement)
        List<PhraseMatcher.Match> merged = new ArrayList<>(out.size() + split.size());
        for (PhraseMatcher.Match m : out) {
            boolean replaced = false;
            for (PhraseMatcher.Match s : split) {
                replaced |= m.startToken() < s.endToken() && s.startToken() < m.endToken();
            }
            if (!replaced) {
                merged.add(m);
            }
        }
        merged.addAll(split);
        merged.sort((a, b) -> Integer.compare(a.startToken(), b.startToken()));
        return merged;
    }

    /** The particle as a word of its own later in the verb's clause (before a comma, colon or the sentence's end). */
    private static boolean particleAfter(Tokens t, int[] sent, int from, String particle) {
        int s = from < t.size ? sent[from] : -1;
        for (int i = from; i < t.size && i < from + PARTICLE_REACH && sent[i] == s; i++) {
            if (t.kind[i] == Tokens.PUNCT) {
                char c = t.first(i);
                if (c == ',' || c == ';' || c == ':') {
                    return false;
                }
            } else if (t.kind[i] == Tokens.WORD && t.is(i, particle)) {
                return true;
            }
        }
        return false;
    }
}
