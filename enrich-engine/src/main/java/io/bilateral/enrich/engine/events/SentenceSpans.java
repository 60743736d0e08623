package io.bilateral.enrich.engine.events;

import io.bilateral.enrich.engine.EntityType;
import io.bilateral.enrich.engine.kb.PhraseMatcher;
import io.bilateral.enrich.engine.names.Mention;
import io.bilateral.enrich.engine.text.Tokens;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** Where a sentence's tokens, mentions and cue matches lie: the coder's bookkeeping over sentence ids. */
final class SentenceSpans {

    private SentenceSpans() {}

    /** The matches that start and end in [from, to), of matches in text order. */
    static List<PhraseMatcher.Match> within(List<PhraseMatcher.Match> matches, int from, int to) {
        List<PhraseMatcher.Match> out = new ArrayList<>();
        for (PhraseMatcher.Match m : matches) {
            if (m.startToken() >= to) {
                break;
            }
            if (m.startToken() >= from && m.endToken() <= to) {
                out.add(m);
            }
        }
        return out;
    }

    /**
     * The mentions with a country of each sentence, in text order, null for a sentence without any: the actors
     * ({@code actors} true) or the places that are not actors.
     */
    static List<List<Mention>> bySentence(int[] sent, int nSent, List<Mention> mentions, boolean actors) {
        List<List<Mention>> bySent = new ArrayList<>(nSent);
        for (int i = 0; i < nSent; i++) {
            bySent.add(null);
        }
        for (Mention m : mentions) {
            boolean place = !m.actor
                    && (m.type == EntityType.COUNTRY || m.type == EntityType.LOCATION || m.type == EntityType.NORP);
            if (m.country != null && (actors ? m.actor : place)) {
                int s = sent[m.from];
                if (s >= 0) {
                    if (bySent.get(s) == null) {
                        bySent.set(s, new ArrayList<>(4));
                    }
                    bySent.get(s).add(m);
                }
            }
        }
        return bySent;
    }

    /** The id of the first sentence of the body, -1 if the body has none. */
    static int firstBodySentence(Tokens t, int[] sent, int bodyStart) {
        for (int i = 0; i < t.size; i++) {
            if (t.start[i] >= bodyStart && sent[i] >= 0) {
                return sent[i];
            }
        }
        return -1;
    }

    static boolean insideMention(List<Mention> actors, int tok) {
        for (Mention m : actors) {
            if (tok >= m.from && tok < m.to) {
                return true;
            }
        }
        return false;
    }

    /**
     * A cue word that is part of a person's or a body's name: capitalised after a capitalised word, in a sentence
     * written in ordinary case ("envoy Mike Hammer", "Operation Desert Storm"; not the headline "US Strikes Iran").
     */
    static boolean namePart(Tokens t, int tok, int from, int to) {
        if (tok <= from || !t.isCapitalized(tok) || !t.isCapitalized(tok - 1)) {
            return false;
        }
        int lowerCase = 0; // words of four letters or more: a headline in title case has next to none
        for (int i = from; i < to && lowerCase < 2; i++) {
            if (t.kind[i] == Tokens.WORD && t.end[i] - t.start[i] > 3 && Character.isLowerCase(t.first(i))) {
                lowerCase++;
            }
        }
        return lowerCase >= 2;
    }

    static int firstTokenOf(int[] sent, int s, int from) {
        int i = from;
        while (i > 0 && sent[i - 1] == s) {
            i--;
        }
        return i;
    }

    static int lastTokenOf(int[] sent, int s, int from) {
        int i = from;
        while (i + 1 < sent.length && sent[i + 1] == s) {
            i++;
        }
        return i;
    }

    /** Distinct countries among a sentence's actors and places, up to 2. */
    static int distinctCountries(List<Mention> actors, List<Mention> places) {
        String first = actors.isEmpty() ? places.get(0).country : actors.get(0).country;
        for (Mention m : actors) {
            if (!first.equals(m.country)) {
                return 2;
            }
        }
        if (places != null) {
            for (Mention m : places) {
                if (!first.equals(m.country)) {
                    return 2;
                }
            }
        }
        return 1;
    }

    /** Whether every mention of {@code actors} and {@code places} (may be null) names a country in {@code countries}. */
    static boolean onlyCountriesOf(Collection<String> countries, List<Mention> actors, List<Mention> places) {
        for (List<Mention> list : Arrays.asList(actors, places)) {
            for (int i = 0; list != null && i < list.size(); i++) {
                if (!countries.contains(list.get(i).country)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The country the most mentions name (the first named of those tied), or "" when none names one. */
    static String mostNamedCountry(List<Mention> mentions) {
        return mostNamedCountry(mentions, List.of());
    }

    /** As {@link #mostNamedCountry(List)}, leaving out the countries of {@code except}. */
    static String mostNamedCountry(List<Mention> mentions, List<Mention> except) {
        String best = "";
        int bestCount = 0;
        for (int i = 0; i < mentions.size(); i++) {
            String c = mentions.get(i).country;
            if (c == null || c.equals(best) || Mediation.isAgent(except, c)) {
                continue;
            }
            int n = 0;
            for (int j = i; j < mentions.size(); j++) {
                n += c.equals(mentions.get(j).country) ? 1 : 0;
            }
            if (n > bestCount) {
                best = c;
                bestCount = n;
            }
        }
        return best;
    }
}
