package io.bilateral.enrich.engine.events;

import io.bilateral.enrich.engine.names.Mention;
import io.bilateral.enrich.engine.text.Tokens;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The states a story names by description rather than by name.
 *
 * <p>State media and wire copy name a monarchy by what it is: "the Kingdom", "the emirate", "the sultanate", "HRH the
 * Crown Prince", "His Royal Highness", "His Majesty". Each stands for the monarchy of its kind (any monarchy, for a
 * royal title) that the article names most, datelines and places included: the story's own, as "the Kingdom" is
 * Saudi Arabia in a Riyadh story that also names Bahrain and Jordan.
 *
 * <p>"The government" with no state named stands for the story's country, the one it names most ({@link #focus}):
 * "Blinken urged the government to ensure full implementation" in a story about Ethiopia. Aid with no recipient named
 * goes there too.
 */
final class StoryStates {

    /** The kind of each monarchy that news calls by it: the word after "the". */
    private static final Map<String, String> KINDS = Map.ofEntries(
            Map.entry("SAU", "kingdom"),
            Map.entry("JOR", "kingdom"),
            Map.entry("MAR", "kingdom"),
            Map.entry("BHR", "kingdom"),
            Map.entry("GBR", "kingdom"),
            Map.entry("ESP", "kingdom"),
            Map.entry("NLD", "kingdom"),
            Map.entry("BEL", "kingdom"),
            Map.entry("SWE", "kingdom"),
            Map.entry("NOR", "kingdom"),
            Map.entry("DNK", "kingdom"),
            Map.entry("THA", "kingdom"),
            Map.entry("KHM", "kingdom"),
            Map.entry("BTN", "kingdom"),
            Map.entry("LSO", "kingdom"),
            Map.entry("SWZ", "kingdom"),
            Map.entry("TON", "kingdom"),
            Map.entry("QAT", "emirate"),
            Map.entry("KWT", "emirate"),
            Map.entry("OMN", "sultanate"),
            Map.entry("BRN", "sultanate"));

    /** The kind of the royal titles, which stand for the first monarchy the article names. */
    private static final String ROYAL = "royal";

    private final List<Mention> mentions;
    private final Map<String, String> named = new HashMap<>(4); // kind -> the monarchy of that kind named most
    private String focus; // the country the article names most, once asked for

    /** For an article's mentions (datelines and places too). */
    StoryStates(List<Mention> mentions) {
        this.mentions = mentions;
        Map<String, Integer> counts = new HashMap<>(4);
        for (Mention m : mentions) {
            String kind = m.country == null ? null : KINDS.get(m.country);
            if (kind != null) {
                int n = counts.merge(m.country, 1, Integer::sum);
                pick(kind, m.country, n, counts);
                pick(ROYAL, m.country, n, counts);
            }
        }
    }

    /** Keeps {@code state} for {@code kind} when it is named more often than the one kept so far (ties: the first). */
    private void pick(String kind, String state, int count, Map<String, Integer> counts) {
        String kept = named.get(kind);
        if (kept == null || !kept.equals(state) && count > counts.get(kept)) {
            named.put(kind, state);
        }
    }

    /**
     * The end token of a descriptor starting at token {@code i} ("the Kingdom", "the Crown Prince", "His Royal
     * Highness"), or -1; {@link #kindAt} tells its kind.
     */
    static int descriptorEnd(Tokens t, int i, int to) {
        if (i + 1 >= to) {
            return -1;
        }
        if (t.is(i, "the")) {
            int end = kindWord(t, i + 1) != null ? i + 2 : crownPrince(t, i + 1, to) ? i + 3 : -1;
            return end > 0 && (end >= to || !t.is(end, "of")) ? end : -1; // "the Kingdom of Bahrain" names itself
        }
        boolean his = t.is(i, "his") || t.is(i, "her");
        if (his && i + 2 < to && t.is(i + 1, "royal") && t.is(i + 2, "highness")) {
            return i + 3;
        }
        return his && t.is(i + 1, "majesty") ? i + 2 : -1;
    }

    /** The state the descriptor at token {@code i} stands for: the monarchy of its kind the article names most. */
    String monarchyAt(Tokens t, int i) {
        String kind = t.is(i, "the") ? kindWord(t, i + 1) : null;
        return named.get(kind == null ? ROYAL : kind);
    }

    /** The country the article names most (see {@link SentenceSpans#mostNamedCountry}), worked out once. */
    String focus() {
        if (focus == null) {
            focus = SentenceSpans.mostNamedCountry(mentions);
        }
        return focus;
    }

    /**
     * The end of "the government" standing alone at token {@code i} (not "the government of Chile", not "the Chilean
     * government"), or -1.
     */
    static int theGovernmentEnd(Tokens t, int i, int to) {
        boolean alone = i + 2 >= to || !t.is(i + 2, "of") && !t.is(i + 2, "'s");
        return i + 1 < to && t.is(i, "the") && t.is(i + 1, "government") && alone ? i + 2 : -1;
    }

    private static String kindWord(Tokens t, int i) {
        return t.is(i, "kingdom")
                ? "kingdom"
                : t.is(i, "emirate") ? "emirate" : t.is(i, "sultanate") ? "sultanate" : null;
    }

    private static boolean crownPrince(Tokens t, int i, int to) {
        return i + 1 < to && t.is(i, "crown") && t.is(i + 1, "prince");
    }
}
