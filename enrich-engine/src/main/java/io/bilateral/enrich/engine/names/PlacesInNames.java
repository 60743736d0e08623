package io.bilateral.enrich.engine.names;

import io.bilateral.enrich.engine.EntityType;
import io.bilateral.enrich.engine.kb.NameLexicon;
import io.bilateral.enrich.engine.kb.NameWords;
import io.bilateral.enrich.engine.kb.RuleTables;
import io.bilateral.enrich.engine.text.Tokens;
import java.util.Set;

/**
 * What the dictionary mentions next to a name say about it, for {@link RuleNameTagger}: a city before a score is a
 * team, a place after a run of capitalised words ends that name ("Torpedo Samara"), a nationality before an
 * organisation is part of it; the name takes the country of a country or nationality inside it.
 */
final class PlacesInNames {

    private final NameLexicon lexicon;
    private final RuleTables tables;
    private final NameWords words;
    private final NameEvidence ev;

    PlacesInNames(NameLexicon lexicon, RuleTables tables, NameEvidence ev) {
        this.lexicon = lexicon;
        this.tables = tables;
        this.words = tables.nameWords;
        this.ev = ev;
    }

    /**
     * What the context says of dictionary mentions: a city before a score or after "v" is its team; a nationality
     * or place before an organisation or another nationality is part of it ("British Farmers Party", "Syrian Kurds");
     * a known organisation goes on over a legal form or a place.
     */
    void rereadDictionary(Tokens t, Dictionary dict, Set<Mention> absorbed) {
        int[] owner = dict.owner();
        for (Mention m : dict.mentions()) {
            // "Torpedo Samara players": the run before takes the place into its name
            boolean inName = m.from > 0
                    && owner[m.from - 1] == 0
                    && t.isCapitalized(m.from - 1)
                    && !words.sentenceWords.contains(t, m.from - 1)
                    && t.start[m.from] - t.end[m.from - 1] == 1;
            if (m.type == EntityType.LOCATION
                    && !inName
                    && (ev.scoreFollows(t, m.from, m.to)
                            || ev.teamContext(t, m.from, m.to)
                            || ev.clubOrVisitor(t, m.from, m.to))) {
                m.type = EntityType.ORGANIZATION; // "Valletta 31 Graz 17", "beat Linz", "Toulouse striker": a team
            } else if (m.type == EntityType.LOCATION
                    && m.to < t.size
                    && t.kind[m.to] == Tokens.WORD
                    && words.treatyHeads.contains(t, m.to)) {
                // "the Vienna Convention", "the Minsk agreements": a treaty named after where it was signed
                m.type = EntityType.MISC;
                m.to++;
                m.country = null;
                m.capital = false;
            }
        }
        for (Mention m : dict.mentions()) {
            Mention before =
                    m.type == EntityType.ORGANIZATION || m.type == EntityType.NORP ? dict.placeBefore(t, m.from) : null;
            if (before != null
                    && (m.type == EntityType.ORGANIZATION || before.type == EntityType.NORP)
                    && !absorbed.contains(before)) {
                m.from = before.from;
                m.country = m.type == EntityType.NORP && before.country != null ? before.country : m.country;
                absorbed.add(before);
            }
            if (m.nonState) {
                withPossessor(t, dict, m, absorbed);
            }
            if (m.type == EntityType.ORGANIZATION) {
                extendOrganisation(t, dict, m, absorbed);
            }
        }
    }

    /**
     * Takes dictionary places into the name of {@code m}: after it ("Marta Lyon", "Torpedo Samara"), before it ("the
     * French Open", "Syrian News Agency", "the Portland Herons"), and a year before an event ("the 2010 World Cup").
     * Returns the token the scan goes on from.
     */
    int withPlaces(Tokens t, Dictionary dict, Mention m, Set<Mention> absorbed) {
        int s = m.from;
        int next = m.to;
        Mention place = m.type == null || m.type != EntityType.LOCATION ? dict.placeAfter(t, m.to) : null;
        if (place != null && !(t.isAllCaps(s) && t.isAllCaps(place.from))) {
            // a place as a family name, or as the last word of a club's or company's name
            m.type = m.type == EntityType.PERSON || lexicon.givenNames.contains(t, s) && !ev.commonWord(t, s)
                    ? EntityType.PERSON
                    : EntityType.ORGANIZATION;
            m.to = place.to;
            m.country = m.type == EntityType.PERSON ? null : countryOfNamesake(place);
            absorbed.add(place);
            next = m.to;
        }
        if (m.type == null
                && (words.clubWords.contains(t, s)
                        || t.end[s] - t.start[s] > 3 && Character.toLowerCase(t.text.charAt(t.end[s] - 1)) == 's')) {
            Mention before = dict.placeBefore(t, s);
            if (before != null && before.type == EntityType.LOCATION) {
                m.type = EntityType.ORGANIZATION; // "Portland Herons", "Aarhus United": a city's team
            }
        }
        if ((m.type == EntityType.MISC || m.type == EntityType.ORGANIZATION) && !tables.currencies.contains(t, s)) {
            Mention before = dict.placeBefore(t, s); // not in "Australian dlr eurobond"
            if (before != null) {
                m.from = before.from;
                m.country = countryOfNamesake(before);
                absorbed.add(before);
            }
        }
        if (m.type == EntityType.MISC
                && m.from > 0
                && t.kind[m.from - 1] == Tokens.NUMBER
                && t.end[m.from - 1] - t.start[m.from - 1] == 4
                && t.start[m.from] - t.end[m.from - 1] == 1) {
            m.from--;
        }
        return next;
    }

    /**
     * "Yemen's Houthis", "Lebanon's Hezbollah": a country or nationality in the possessive before an armed group or
     * international organisation only says where it is from, like "Lebanese" in "Lebanese Hezbollah" (taken in
     * above); the group's name takes it in, so no state acts or is acted upon there.
     */
    private static void withPossessor(Tokens t, Dictionary dict, Mention m, Set<Mention> absorbed) {
        int s = m.from - 1;
        if (s < 1 || !t.is(s, "'s") || t.start[m.from] - t.end[s] != 1 || t.start[s] != t.end[s - 1]) {
            return;
        }
        int k = dict.owner()[s - 1];
        Mention p = k == 0 ? null : dict.mentions().get(k - 1);
        if (p != null
                && p.to == s
                && !absorbed.contains(p)
                && (p.type == EntityType.COUNTRY || p.type == EntityType.NORP)) {
            m.from = p.from;
            absorbed.add(p);
        }
    }

    /**
     * A known organisation's name goes on over a legal form ("Volkswagen AG", "Microsoft Corp.") or a place
     * ("Toyota Australia", "Bayer Leverkusen"): the subsidiary or the club of that place.
     */
    private void extendOrganisation(Tokens t, Dictionary dict, Mention m, Set<Mention> absorbed) {
        int e = m.to;
        if (e < t.size
                && t.start[e] - t.end[e - 1] == 1
                && !t.newlineBefore(e)
                && dict.owner()[e] == 0
                && words.legalForms.contains(t, e)
                && t.isCapitalized(e)) {
            m.to = e + 1;
            return;
        }
        Mention place = dict.placeAfter(t, e);
        if (place != null && m.nonState && place.to < t.size && t.is(place.to, "'s")) {
            return; // "tells UN Security Council Ethiopia's dam …": the possessive starts a phrase of its own
        }
        if (place != null && !absorbed.contains(place)) {
            m.to = place.to;
            m.country = m.country == null && !m.nonState ? countryOfNamesake(place) : m.country;
            absorbed.add(place);
        }
    }

    /**
     * The country a name takes from the place inside it: a country's or a nationality's ("Syrian News Agency",
     * "Credit Suisse"), not a city's, which as often names a namesake elsewhere ("Bremen Chemical Corp").
     */
    static String countryOfNamesake(Mention place) {
        return place.type == EntityType.LOCATION ? null : place.country;
    }
}
