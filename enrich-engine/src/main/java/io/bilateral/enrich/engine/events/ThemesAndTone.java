package io.bilateral.enrich.engine.events;

import io.bilateral.enrich.engine.CodedEvent;
import io.bilateral.enrich.engine.kb.PhraseMatcher;
import io.bilateral.enrich.engine.kb.RuleTables;
import io.bilateral.enrich.engine.text.Tokens;
import java.util.List;
import java.util.TreeSet;

/**
 * What an article is about beyond its countries: themes (TERRORISM, DRUGS, TRADE ...) are the themes of any phrase
 * of the theme table found in the text, one phrase is enough; the tone is the mean Goldstein score of the coded
 * events, so an article without a bilateral event is neutral rather than guessed from its wording.
 */
public final class ThemesAndTone {

    private final RuleTables rules;

    public ThemesAndTone(RuleTables rules) {
        this.rules = rules;
    }

    /** The theme phrases of the text, matched once and shared by the article's and the events' themes. */
    public List<PhraseMatcher.Match> match(Tokens t) {
        return rules.themeMatcher.match(t);
    }

    /** The article's themes, sorted. */
    public TreeSet<String> themes(List<PhraseMatcher.Match> themeMatches) {
        int[] themeCounts = new int[rules.themes.size()];
        for (PhraseMatcher.Match m : themeMatches) {
            themeCounts[m.payloads()[0] >> 2]++;
        }
        TreeSet<String> themes = new TreeSet<>();
        for (int i = 0; i < themeCounts.length; i++) {
            if (themeCounts[i] > 0) {
                themes.add(rules.themes.get(i).theme());
            }
        }
        return themes;
    }

    /** The themes of phrases starting in tokens {@code [from, to)}, sorted: those of one event's sentence. */
    TreeSet<String> themesBetween(List<PhraseMatcher.Match> themeMatches, int from, int to) {
        TreeSet<String> themes = new TreeSet<>();
        for (PhraseMatcher.Match tm : themeMatches) {
            if (tm.startToken() >= from && tm.startToken() < to) {
                themes.add(rules.themes.get(tm.payloads()[0] >> 2).theme());
            }
        }
        return themes;
    }

    /** The mean Goldstein score of the events, one decimal; 0 without events. */
    public static double tone(List<CodedEvent> events) {
        if (events.isEmpty()) {
            return 0.0;
        }
        double sum = 0;
        for (CodedEvent e : events) {
            sum += e.goldstein();
        }
        return Math.round(sum / events.size() * 10.0) / 10.0;
    }
}
