package io.bilateral.enrich.engine.countries;

import io.bilateral.enrich.engine.EntityType;
import io.bilateral.enrich.engine.kb.RuleTables;
import io.bilateral.enrich.engine.names.Mention;
import io.bilateral.enrich.engine.text.Tokens;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives people and organisations a country from their context: "Iran's Foreign Minister X", "the Uzbek
 * counterpart, X", "X, Secretary of Iran's SNSC", "X, National Security Advisor to the President of Uzbekistan",
 * a legal form ("X GmbH"), and tags "our country" as the publisher's country. The dictionary cannot know the
 * country of a name it has never seen, but the article almost always says it next to the first mention; a name
 * attributed once keeps its country in the whole article, so a later bare "Shamkhani" counts too.
 */
public final class CountryAttributor {

    private final RuleTables rules;

    public CountryAttributor(RuleTables rules) {
        this.rules = rules;
    }

    /** Sets the country of unattributed people and organisations; may insert "our country" mentions. */
    public void attribute(Tokens t, List<Mention> mentions, String sourceCountry) {
        Map<String, String> byLastWord = new LinkedHashMap<>();
        for (int k = 0; k < mentions.size(); k++) {
            Mention m = mentions.get(k);
            if (m.type != EntityType.PERSON || m.country != null) {
                continue;
            }
            // before: "<Country>'s <role words> NAME" or "<NORP> <role words> NAME"
            String c = countryBefore(t, mentions, k);
            // after: "NAME, <role words> of/to the <role> of <Country>"
            if (c == null) {
                c = countryAfter(t, mentions, k);
            }
            m.country = c;
            if (c != null) {
                byLastWord.put(t.lower(m.to - 1), c);
            }
        }
        for (Mention m : mentions) {
            if (m.type == EntityType.PERSON && m.country == null) {
                m.country = byLastWord.get(t.lower(m.to - 1));
            } else if (m.type == EntityType.ORGANIZATION && m.country == null && m.actorId == null) {
                m.country = rules.legalForms.get(t.text(m.to - 1));
            }
        }
        for (int i = 3; i + 1 < t.size; i++) {
            String country = exchangeCountry(t, i);
            if (country != null) {
                insertSorted(mentions, new Mention(i - 2, i + 1, EntityType.ORGANIZATION, country, null, null));
            }
        }
        if (sourceCountry != null) {
            for (int i = 0; i + 1 < t.size; i++) {
                if (t.is(i, "our")
                        && (t.is(i + 1, "country") || t.is(i + 1, "nation") || t.is(i + 1, "government"))
                        && !t.dropped[i]) {
                    Mention m =
                            new Mention(i, i + 2, EntityType.COUNTRY, sourceCountry, "country:" + sourceCountry, null);
                    insertSorted(mentions, m);
                }
            }
        }
    }

    /**
     * The country of the exchange when token {@code i} ends an instrument code ("<AKZO.AS>", "(7203.T)": opening
     * bracket, code, full stop, suffix, closing bracket, all attached), else null.
     */
    private String exchangeCountry(Tokens t, int i) {
        int open = i - 3;
        if (t.kind[i] != Tokens.WORD
                || !t.isAllCaps(i)
                || t.text.charAt(t.start[i - 1]) != '.'
                || t.end[i - 1] - t.start[i - 1] != 1) {
            return null;
        }
        char o = t.text.charAt(t.start[open]);
        char c = t.text.charAt(t.start[i + 1]);
        if (!((o == '<' && c == '>') || (o == '(' && c == ')'))) {
            return null;
        }
        for (int k = open; k <= i; k++) {
            if (t.end[k] != t.start[k + 1] || t.dropped[k]) {
                return null;
            }
        }
        return rules.exchangeCountries.get(t.text(i));
    }

    private static void insertSorted(List<Mention> mentions, Mention m) {
        int pos = 0;
        while (pos < mentions.size() && mentions.get(pos).from < m.from) {
            pos++;
        }
        if (pos < mentions.size() && mentions.get(pos).from < m.to) {
            return; // overlaps an existing mention
        }
        mentions.add(pos, m);
    }

    private String countryBefore(Tokens t, List<Mention> mentions, int k) {
        Mention m = mentions.get(k);
        int i = m.from - 1;
        int roleWords = 0;
        while (i >= 0 && roleWords < 8 && !t.dropped[i]) {
            if (t.kind[i] == Tokens.WORD
                    && (t.isCapitalized(i)
                            || rules.roleWords.contains(t, i)
                            || t.is(i, "of")
                            || t.is(i, "the")
                            || t.is(i, "'s")
                            || t.is(i, "and"))) {
                Mention prev = mentionEndingAt(mentions, k, i + 1);
                if (prev != null
                        && prev.country != null
                        && (prev.type == EntityType.COUNTRY
                                || prev.type == EntityType.NORP
                                || prev.type == EntityType.ORGANIZATION)) {
                    return roleWords > 0 || prev.type == EntityType.NORP ? prev.country : null;
                }
                if (prev != null) {
                    i = prev.from - 1;
                } else {
                    i--;
                }
                roleWords++;
            } else {
                break;
            }
        }
        return null;
    }

    private String countryAfter(Tokens t, List<Mention> mentions, int k) {
        Mention m = mentions.get(k);
        int i = m.to;
        if (i >= t.size || !(t.text.charAt(t.start[i]) == ',' || t.text.charAt(t.start[i]) == '(')) {
            return null;
        }
        i++;
        boolean sawRole = false;
        for (int steps = 0; i < t.size && steps < 14 && !t.dropped[i]; steps++) {
            Mention next = mentionStartingAt(mentions, k + 1, i);
            if (next != null) {
                if (next.country != null && sawRole && next.type != EntityType.PERSON) {
                    return next.country;
                }
                i = next.to;
                continue;
            }
            if (t.kind[i] != Tokens.WORD) {
                if (t.is(i, "'s")) {
                    i++;
                    continue;
                }
                return null;
            }
            if (rules.roleWords.contains(t, i)) {
                sawRole = true;
            }
            i++;
        }
        return null;
    }

    private static Mention mentionEndingAt(List<Mention> mentions, int before, int tokenEnd) {
        for (int j = before - 1; j >= 0; j--) {
            Mention p = mentions.get(j);
            if (p.to == tokenEnd) {
                return p;
            }
            if (p.to < tokenEnd) {
                return null;
            }
        }
        return null;
    }

    private static Mention mentionStartingAt(List<Mention> mentions, int after, int token) {
        for (int j = after; j < mentions.size(); j++) {
            Mention p = mentions.get(j);
            if (p.from == token) {
                return p;
            }
            if (p.from > token) {
                return null;
            }
        }
        return null;
    }
}
