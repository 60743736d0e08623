package io.bilateral.enrich.topology;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The content words that tell two reports of a pair apart: lower-cased words of four letters or more that are not
 * function words. Used for similarity, never for exact matching.
 */
final class KeyTerms {

    private static final Set<String> STOP_WORDS = Set.of(
            "that",
            "this",
            "with",
            "from",
            "have",
            "been",
            "were",
            "will",
            "would",
            "their",
            "they",
            "them",
            "said",
            "says",
            "also",
            "between",
            "about",
            "which",
            "during",
            "other",
            "into",
            "than",
            "after",
            "before",
            "while",
            "where",
            "when",
            "such",
            "these",
            "those",
            "there",
            "both",
            "countries",
            "country",
            "two",
            "sides",
            "side",
            "more",
            "most",
            "over",
            "under",
            "being",
            "what",
            "whose",
            "upon",
            "within",
            "according",
            // the day and month name a happening's date, which is compared on its own
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
            "january",
            "february",
            "march",
            "april",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december");

    private KeyTerms() {}

    /** Adds the key terms of {@code text} to {@code terms}; one pass, no regular expressions. */
    static void addTo(Set<String> terms, String text) {
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean letter = i < text.length() && Character.isLetter(text.charAt(i));
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                if (i - start >= 4) {
                    String word = text.substring(start, i).toLowerCase(Locale.ROOT);
                    if (!STOP_WORDS.contains(word)) {
                        terms.add(stem(word));
                    }
                }
                start = -1;
            }
        }
    }

    /**
     * A light suffix stripping, so that outlets' inflections meet ("shelled", "shelling"; "sanctions", "sanction";
     * "rejects", "rejected"): plural s, -ing and -ed, keeping at least four letters. Not a full stemmer.
     */
    static String stem(String word) {
        String w = word;
        if (w.length() > 5 && w.endsWith("ies")) {
            w = w.substring(0, w.length() - 3) + "y";
        } else if (w.length() > 4 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            w = w.substring(0, w.length() - 1);
        }
        if (w.length() >= 7 && w.endsWith("ing")) {
            w = w.substring(0, w.length() - 3);
        } else if (w.length() >= 6 && w.endsWith("eed")) {
            w = w.substring(0, w.length() - 1);
        } else if (w.length() >= 6 && w.endsWith("ed")) {
            w = w.substring(0, w.length() - 2);
        }
        return w;
    }

    static Set<String> of(String text) {
        Set<String> terms = new HashSet<>();
        addTo(terms, text);
        return terms;
    }

    /** Overlap coefficient |a ∩ b| / min(|a|, |b|): robust when one report is much longer than the other. */
    static double overlap(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> small = a.size() <= b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        int shared = 0;
        for (String term : small) {
            if (large.contains(term)) {
                shared++;
            }
        }
        return (double) shared / small.size();
    }
}
