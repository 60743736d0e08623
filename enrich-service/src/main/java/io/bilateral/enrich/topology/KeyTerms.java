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
            "according");

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
                        terms.add(word);
                    }
                }
                start = -1;
            }
        }
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
