package io.bilateral.enrich.engine.lang;

import io.bilateral.enrich.engine.EntityType;
import io.bilateral.enrich.engine.names.Mention;
import io.bilateral.enrich.engine.text.Tokens;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One-character abbreviations of states (Chinese "中", "俄", "美": {@code ABBR} rows of {@code lang/<code>.tsv}), read
 * only in runs of two or more ("中俄", "中俄蒙", "美伊"): alone each is also a common character. A run is no party
 * when a character after it makes it part of a longer word ({@code ABBR_STOP} rows): "中美洲" is Central America,
 * "朝中社" a news agency.
 */
final class Abbreviations {

    private final Map<Character, String> countries;
    private final Set<Character> stops;

    Abbreviations(Map<Character, String> countries, Set<Character> stops) {
        this.countries = Map.copyOf(countries);
        this.stops = Set.copyOf(stops);
    }

    boolean isEmpty() {
        return countries.isEmpty();
    }

    /** Adds the runs of {@code t} not covered by a mention of {@code out} to it, keeping text order. */
    void addRuns(Tokens t, List<Mention> out) {
        int before = out.size();
        int m = 0; // the next mention that may cover token i (mentions are in text order, without overlaps)
        int i = 0;
        while (i < t.size) {
            int j = i;
            while (j < t.size && country(t, j) != null) {
                while (m < before && out.get(m).to <= j) {
                    m++;
                }
                if (m < before && out.get(m).from <= j) {
                    break; // covered by a name: "美国" is read whole
                }
                j++;
            }
            if (j - i >= 2 && !stopAfter(t, j)) {
                for (int k = i; k < j; k++) {
                    out.add(new Mention(k, k + 1, EntityType.COUNTRY, country(t, k), null, null));
                }
            }
            i = Math.max(j, i + 1);
        }
        if (out.size() > before) {
            out.sort((a, b) -> Integer.compare(a.from, b.from));
        }
    }

    private boolean stopAfter(Tokens t, int j) {
        return j < t.size && t.end[j] - t.start[j] == 1 && stops.contains(t.text.charAt(t.start[j]));
    }

    private String country(Tokens t, int i) {
        return t.end[i] - t.start[i] == 1 ? countries.get(t.text.charAt(t.start[i])) : null;
    }
}
