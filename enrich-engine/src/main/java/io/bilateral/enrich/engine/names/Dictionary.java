package io.bilateral.enrich.engine.names;

import io.bilateral.enrich.engine.EntityType;
import io.bilateral.enrich.engine.text.Tokens;
import java.util.List;

/** The dictionary mentions of an article with the index (+ 1, 0 for none) of the one over each token. */
record Dictionary(List<Mention> mentions, int[] owner) {

    /** The place or nationality that ends right before token {@code s} after one space, or null. */
    Mention placeBefore(Tokens t, int s) {
        if (s == 0 || t.start[s] - t.end[s - 1] != 1 || owner[s - 1] == 0) {
            return null;
        }
        Mention d = mentions.get(owner[s - 1] - 1);
        return d.to == s && (d.type == EntityType.NORP || d.type == EntityType.COUNTRY || d.type == EntityType.LOCATION)
                ? d
                : null;
    }

    /**
     * The place that starts at token {@code e} after one space on the same line and ends the name, or null.
     */
    Mention placeAfter(Tokens t, int e) {
        if (e >= t.size || t.start[e] - t.end[e - 1] != 1 || t.newlineBefore(e) || owner[e] == 0) {
            return null;
        }
        Mention d = mentions.get(owner[e] - 1);
        boolean ends = d.to >= t.size || !t.isCapitalized(d.to) || t.newlineBefore(d.to);
        return d.from == e && ends && (d.type == EntityType.LOCATION || d.type == EntityType.COUNTRY) ? d : null;
    }
}
