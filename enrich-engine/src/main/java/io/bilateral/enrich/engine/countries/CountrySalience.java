package io.bilateral.enrich.engine.countries;

import io.bilateral.enrich.engine.CodedEvent;
import io.bilateral.enrich.engine.EntityType;
import io.bilateral.enrich.engine.kb.RuleTables;
import io.bilateral.enrich.engine.names.Mention;
import io.bilateral.enrich.engine.text.Tokens;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Chooses the countries an article is about from where their mentions stand rather than how often they occur: a
 * title mention outweighs a passing one further down. The countries of an event told in the lead are always
 * subjects (events further down are often background); an article that names no place falls back on the country
 * of its currency ("mln dlrs").
 */
public final class CountrySalience {

    /**
     * A country is a subject of the article from this salience on: a title mention (6), a lead mention of a country
     * or nationality (3) plus one more, or four mentions further down; the most salient country is too unless all
     * it has is one mention further down.
     */
    private static final double SALIENT = 4;
    /** The most salient country needs more than one passing mention further down to count on its own. */
    private static final double SALIENT_ALONE = 1;

    private static final int LEAD_CHARS = 400;

    private final RuleTables rules;

    public CountrySalience(RuleTables rules) {
        this.rules = rules;
    }

    /** The article's countries, sorted; the body starts at character {@code bodyStart} of the text. */
    public TreeSet<String> countries(
            Tokens t, int[] sent, List<Mention> mentions, int bodyStart, List<CodedEvent> leadEvents) {
        Map<String, double[]> salience = new LinkedHashMap<>();
        int leadEnd = bodyStart + LEAD_CHARS;
        for (Mention m : mentions) {
            if (m.country != null && !"media".equals(m.role) && sent[m.from] >= 0) {
                salience.computeIfAbsent(m.country, k -> new double[1])[0] +=
                        weight(t, m, t.start[m.from], bodyStart, leadEnd);
            }
        }
        TreeSet<String> countries = new TreeSet<>();
        double top = 0;
        for (double[] w : salience.values()) {
            top = Math.max(top, w[0]);
        }
        for (Map.Entry<String, double[]> en : salience.entrySet()) {
            double w = en.getValue()[0];
            if (w >= SALIENT || (w == top && top > SALIENT_ALONE)) {
                countries.add(en.getKey());
            }
        }
        if (countries.isEmpty() && !namesForeignCompany(t, sent, mentions)) {
            String c = defaultCurrencyCountry(t);
            if (c != null) {
                countries.add(c);
            }
        }
        for (CodedEvent e : leadEvents) {
            countries.add(e.actor1());
            countries.add(e.actor2());
        }
        return countries;
    }

    /**
     * What one mention adds to its country's salience: by place (title 6, lead 3, further down 1), halved for a
     * city or a person (a city is often only where a company sits, a person's country a guess from context) and for
     * a nationality before a currency word ("Swiss franc" names money, not a place the story is about).
     */
    private double weight(Tokens t, Mention m, int start, int bodyStart, int leadEnd) {
        int f = m.from;
        if (f >= 2 && (t.is(f - 1, "in") || t.is(f - 1, "on")) && rules.listingVenueWords.contains(t, f - 2)) {
            return 0; // "will be listed in Luxembourg"
        }
        double w = start < bodyStart ? 6 : start < leadEnd ? 3 : 1;
        if (m.type == EntityType.LOCATION || m.type == EntityType.PERSON) {
            w /= 2;
        }
        if (m.to < t.size && t.kind[m.to] == Tokens.WORD && rules.currencies.contains(t, m.to)) {
            w /= 2;
        }
        return w;
    }

    /**
     * Whether a company has a legal form the dollar's home does not use ("Dylex Ltd"): then "dlrs" is as likely
     * Canadian, Australian or Hong Kong dollars.
     */
    private boolean namesForeignCompany(Tokens t, int[] sent, List<Mention> mentions) {
        for (Mention m : mentions) {
            if (m.type == EntityType.ORGANIZATION
                    && m.country == null
                    && sent[m.from] >= 0
                    && rules.sharedLegalForms.contains(t, m.to - 1)) {
                return true;
            }
        }
        return false;
    }

    /** The country of the first unqualified currency word ("mln dlrs"), for articles that name no place. */
    private String defaultCurrencyCountry(Tokens t) {
        for (int i = 0; i < t.size; i++) {
            if (!t.dropped[i] && t.kind[i] == Tokens.WORD && rules.defaultCurrencyWords.contains(t, i)) {
                return rules.defaultCurrencyCountry.get(t.lower(i));
            }
        }
        return null;
    }
}
