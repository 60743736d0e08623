package io.bilateral.enrich.engine.events;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which state acts for a code in a pair: a dependent territory's sovereign (rules/territories.tsv), and whether a
 * code may stand in a pair at all (ISO 3166-1 alpha-3, or XKX for Kosovo).
 */
final class Territories {

    private final Map<String, String> sovereign;
    private final Set<String> states = new HashSet<>(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3));

    Territories(Map<String, String> sovereign) {
        this.sovereign = sovereign;
        states.add("XKX");
    }

    /** The state that acts for {@code code}: itself unless it is a dependent territory. */
    String sovereign(String code) {
        return sovereign.getOrDefault(code, code);
    }

    /** True for a code that may stand in a pair. */
    boolean isState(String code) {
        return states.contains(code);
    }
}
