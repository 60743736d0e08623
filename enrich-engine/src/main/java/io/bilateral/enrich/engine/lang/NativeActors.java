package io.bilateral.enrich.engine.lang;

import io.bilateral.enrich.engine.EntityType;
import io.bilateral.enrich.engine.kb.PhraseMatcher;
import io.bilateral.enrich.engine.names.Mention;
import io.bilateral.enrich.engine.text.Tokens;
import io.bilateral.enrich.engine.text.WordSet;
import java.util.List;
import java.util.Set;

/** Which of a pack's mentions act in their sentence: states, bodies, office-holders and nationalities in a role. */
final class NativeActors {

    /** Languages whose adjectives follow the noun. */
    private static final Set<String> POSTPOSED_ADJECTIVES = Set.of("ar", "fa", "fr", "es");

    private final String language;
    private final WordSet roles;
    private final WordSet topics;
    private final WordSet locatives;

    NativeActors(String language, WordSet roles, WordSet topics, WordSet locatives) {
        this.language = language;
        this.roles = roles;
        this.topics = topics;
        this.locatives = locatives;
    }

    /**
     * Whether each mention acts in its sentence: a state, its body or office-holder does unless a topic word
     * ("ситуация", "situation") or a locative preposition ("в", "à", "في", "在") stands just before it; a
     * nationality acts when a role word stands within three words of it ("иранским коллегой", "وزير الخارجية
     * السعودي").
     */
    void mark(Tokens t, int[] sent, List<Mention> mentions, List<PhraseMatcher.Match> cues) {
        boolean postposed = POSTPOSED_ADJECTIVES.contains(language);
        for (Mention m : mentions) {
            m.actor = false;
            if (m.country == null || sent[m.from] < 0) {
                continue;
            }
            switch (m.type) {
                case COUNTRY, LOCATION -> m.actor = !before(t, sent, m.from, topics, 2) && !locative(t, sent, m);
                case NORP -> m.actor = near(t, sent, m, roles, 3) || namesAnAct(sent, m, cues, postposed);
                case PERSON, ORGANIZATION -> m.actor = true;
                default -> m.actor = false;
            }
        }
    }

    /**
     * A nationality next to a nominal cue is its agent: after it where adjectives follow the noun ("القصف
     * الإسرائيلي", "l'attaque israélienne"), before it where they precede ("израильский удар", "türkischer Angriff");
     * "franceses visitan" is people, not the state.
     */
    private static boolean namesAnAct(int[] sent, Mention m, List<PhraseMatcher.Match> cues, boolean postposed) {
        for (PhraseMatcher.Match c : cues) {
            if (sent[c.startToken()] != sent[m.from]) {
                continue;
            }
            if (postposed
                    ? c.endToken() <= m.from && m.from - c.endToken() <= 1
                    : c.startToken() >= m.to && c.startToken() - m.to <= 1) {
                return true;
            }
        }
        return false;
    }

    private boolean locative(Tokens t, int[] sent, Mention m) {
        int p = m.from - 1;
        if (p < 0 || sent[p] != sent[m.from] || !locatives.contains(t, p)) {
            return false;
        }
        // Russian "в" is also "to" ("визит в Китай"): only the prepositional case ("в Китае") is a place
        if (language.equals("ru") && m.type == EntityType.COUNTRY) {
            char last = Character.toLowerCase(t.text.charAt(t.end[m.to - 1] - 1));
            return last == 'е';
        }
        return true;
    }

    private static boolean before(Tokens t, int[] sent, int from, WordSet words, int window) {
        for (int i = from - 1; i >= 0 && i >= from - window && sent[i] == sent[from]; i--) {
            if (t.kind[i] == Tokens.WORD && words.contains(t, i)) {
                return true;
            }
        }
        return false;
    }

    private static boolean near(Tokens t, int[] sent, Mention m, WordSet words, int window) {
        if (before(t, sent, m.from, words, window)) {
            return true;
        }
        for (int i = m.to; i < t.size && i < m.to + window && sent[i] == sent[m.from]; i++) {
            if (t.kind[i] == Tokens.WORD && words.contains(t, i)) {
                return true;
            }
        }
        return false;
    }
}
