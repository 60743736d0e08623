package io.bilateral.enrich.engine.kb;

import io.bilateral.enrich.engine.kb.KnowledgeBase.AmbiguityRule;
import io.bilateral.enrich.engine.text.Fold;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the dictionary's tables ({@code kb/*.tsv}, {@code rules/ambiguity.tsv}) into what a {@link KnowledgeBase}
 * holds. Several tables describe the same actor (a country's row and its extra names in {@code kb/actors.tsv}, an
 * office-holder in both officials tables), so reading is mostly merging rows by id; how rows merge is decided here.
 */
final class DictionaryTables {

    /** The entries of the tables in a stable order, and the terms of office of the persons among them. */
    record Contents(List<DictionaryEntry> entries, Officials officials) {}

    /** Armed groups and international organisations: the hand-written table, then those generated from Phoenix. */
    private static final String[] GROUP_TABLES = {
        "kb/groups-own.tsv", "kb/armed-groups.tsv", "kb/international-orgs.tsv"
    };

    /** Office-holders: the hand-written table (since 2015) first, then the one generated from Phoenix (to 2014). */
    private static final String OFFICIALS_OWN = "kb/officials-since-2015.tsv";

    private static final String OFFICIALS_GENERATED = "kb/officials.tsv";

    private static final Set<String> COUNTRY_STATUS = Set.of("independent", "territory");
    private static final Set<String> PLACE_KINDS = Set.of("city", "capital", "admin1", "admin2");
    private static final Set<String> NON_STATE_ROLES =
            Set.of(KnowledgeBase.ARMED_GROUP, KnowledgeBase.INTERNATIONAL_ORGANIZATION);

    private DictionaryTables() {}

    /**
     * Territories in world-countries that the relations guide counts as states of their own (Taiwan, Palestine,
     * Kosovo): their capitals stand for their governments ("Taipei protested"), as other capitals do.
     */
    private static final Set<String> PAIR_STATES = Set.of("TWN", "PSE", "UNK");

    /** The dictionary of {@code source}; a bad row fails with its file, line and column. */
    static Contents read(TableSource source) {
        Map<String, DictionaryEntry> m = new LinkedHashMap<>();
        Set<String> independentDemonyms = new HashSet<>();
        Table countries = Table.read(source, "kb/geo-countries.tsv", 6, 6);
        countries.forEach(c -> {
            if (c.oneOf(6, COUNTRY_STATUS).equals("independent")) {
                independentDemonyms.addAll(split(c.raw(4)));
            }
        });
        countries.forEach(c -> {
            String a3 = c.alpha3(1);
            boolean territory = !c.raw(6).equals("independent");
            List<String> names = split(c.raw(3));
            put(m, new DictionaryEntry("country:" + a3, c.text(2), names, ActorType.COUNTRY, a3, null));
            // "American" is the USA, not the Northern Mariana Islands; "Douglas" is rarely the Isle of Man
            List<String> dem = split(c.raw(4)).stream()
                    .filter(d -> !territory || !independentDemonyms.contains(d))
                    .toList();
            if (territory && !PAIR_STATES.contains(a3)) {
                return;
            }
            if (!dem.isEmpty()) {
                List<String> aliases = new ArrayList<>(dem.subList(1, dem.size()));
                for (String d : dem) {
                    String plural = plural(d);
                    if (plural != null) {
                        aliases.add(plural);
                    }
                }
                put(m, new DictionaryEntry("norp:" + a3, dem.get(0), aliases, ActorType.NORP, a3, null));
            }
            for (String cap : split(c.raw(5))) {
                put(m, new DictionaryEntry("place:" + slug(cap), cap, List.of(), ActorType.LOCATION, a3, "capital"));
            }
        });
        Table.read(source, "kb/actors.tsv", 6, 6)
                .forEach(c -> put(
                        m,
                        new DictionaryEntry(
                                c.text(1),
                                c.text(5),
                                split(c.raw(6)),
                                c.kind(2, ActorType.class),
                                c.optionalAlpha3(3),
                                c.optional(4))));
        for (String groups : GROUP_TABLES) {
            Table.read(source, groups, 5, 5)
                    .forEach(c -> putNonState(
                            m,
                            new DictionaryEntry(
                                    c.text(1),
                                    c.text(2),
                                    split(c.raw(3)),
                                    ActorType.ORGANIZATION,
                                    null,
                                    c.oneOf(4, NON_STATE_ROLES))));
        }
        Officials officials = putOfficials(source, m);
        Table.read(source, "kb/organizations.tsv", 1, 1)
                .forEach(c -> m.putIfAbsent(
                        "org:" + slug(c.text(1)),
                        new DictionaryEntry(
                                "org:" + slug(c.text(1)), c.text(1), List.of(), ActorType.ORGANIZATION, null, null)));
        Table.read(source, "kb/geo-places.tsv", 1, 4).forEach(c -> {
            String id = "place:" + slug(c.text(1));
            if (m.containsKey(id)) {
                return; // a capital or hand-written entry already says what this name is
            }
            String country = c.raw(2).isEmpty() ? null : c.alpha3(2);
            String kind = c.columns() > 3 ? c.oneOf(4, PLACE_KINDS) : "city";
            m.put(id, new DictionaryEntry(id, c.text(1), List.of(), ActorType.LOCATION, country, kind));
        });
        return new Contents(new ArrayList<>(m.values()), officials);
    }

    /** The context rules of names that can mean several things, keyed by folded name. */
    static Map<String, List<AmbiguityRule>> readAmbiguity(TableSource source) {
        Map<String, List<AmbiguityRule>> m = new HashMap<>();
        Table.read(source, "rules/ambiguity.tsv", 3, 3).forEach(c -> {
            AmbiguityRule.Kind kind = c.kind(2, AmbiguityRule.Kind.class);
            String argument = c.optional(3);
            if (kind != AmbiguityRule.Kind.NOT_PERSON && argument == null) {
                throw c.fail(3, kind + " needs an argument");
            }
            if (kind == AmbiguityRule.Kind.ALT_CONTEXT && !argument.matches("[^=]+=.+")) {
                throw c.fail(3, "ALT_CONTEXT needs 'entry-id=word|word', got '" + argument + "'");
            }
            m.computeIfAbsent(Fold.fold(c.text(1)), k -> new ArrayList<>())
                    .add(new AmbiguityRule(c.text(1), kind, argument));
        });
        return Collections.unmodifiableMap(m);
    }

    /**
     * Adds an armed group or international organisation; one that an earlier table already has keeps its place and
     * name, gains the aliases, and loses any country (kb/actors.tsv once gave Hamas and Hezbollah one).
     */
    private static void putNonState(Map<String, DictionaryEntry> m, DictionaryEntry e) {
        m.merge(
                e.id(),
                e,
                (old, add) -> new DictionaryEntry(
                        add.id(),
                        old.name(),
                        namesBut(old.name(), old.aliases(), add.aliases(), List.of(add.name())),
                        ActorType.ORGANIZATION,
                        null,
                        KnowledgeBase.nonState(old) ? old.role() : add.role()));
    }

    /**
     * Adds the office-holders of both tables as persons and returns their terms. A row takes the id of a person
     * already known by one of its full names (kb/actors.tsv, or an earlier row), so the tables and the hand-written
     * actors describe one person once; the entry's country and role are those of the latest term (what an article
     * without a date gets).
     */
    private static Officials putOfficials(TableSource source, Map<String, DictionaryEntry> m) {
        List<Officials.Row> rows = new ArrayList<>(Officials.read(source, OFFICIALS_OWN, false));
        rows.addAll(Officials.read(source, OFFICIALS_GENERATED, true));
        Map<String, String> byName = new HashMap<>();
        for (DictionaryEntry e : m.values()) {
            if (e.type() == ActorType.PERSON) {
                registerNames(byName, e.name(), e.aliases(), e.id());
            }
        }
        Map<String, String> idOf = new HashMap<>();
        Map<String, List<Officials.Row>> rowsById = new LinkedHashMap<>();
        for (Officials.Row r : rows) {
            String id = idOf.get(r.id());
            if (id == null) {
                id = byName.get(Fold.fold(r.name()));
                for (int k = 0; id == null && k < r.aliases().size(); k++) {
                    id = r.aliases().get(k).indexOf(' ') > 0
                            ? byName.get(Fold.fold(r.aliases().get(k)))
                            : null;
                }
                id = id == null ? r.id() : id;
                idOf.put(r.id(), id);
            }
            registerNames(byName, r.name(), r.aliases(), id);
            rowsById.computeIfAbsent(id, k -> new ArrayList<>()).add(r);
        }
        Officials officials = Officials.build(rows, idOf);
        for (Map.Entry<String, List<Officials.Row>> e : rowsById.entrySet()) {
            Set<String> aliases = new LinkedHashSet<>();
            String name = e.getValue().get(0).name();
            for (Officials.Row r : e.getValue()) {
                aliases.add(r.name());
                aliases.addAll(r.aliases());
            }
            aliases.remove(name);
            Officials.Term latest = Officials.latest(officials.terms(e.getKey()));
            put(
                    m,
                    new DictionaryEntry(
                            e.getKey(),
                            name,
                            new ArrayList<>(aliases),
                            ActorType.PERSON,
                            latest.country(),
                            latest.role()));
        }
        return officials;
    }

    /** Remembers the full names (two words or more) of a person: a lone surname joins no two persons. */
    private static void registerNames(Map<String, String> byName, String name, List<String> aliases, String id) {
        if (name.indexOf(' ') > 0) {
            byName.putIfAbsent(Fold.fold(name), id);
        }
        for (String a : aliases) {
            if (a.indexOf(' ') > 0) {
                byName.putIfAbsent(Fold.fold(a), id);
            }
        }
    }

    /** Adds an entry, merging aliases when the id exists (hand-written rows extend generated ones). */
    private static void put(Map<String, DictionaryEntry> m, DictionaryEntry e) {
        m.merge(
                e.id(),
                e,
                (old, add) -> new DictionaryEntry(
                        add.id(),
                        add.name(),
                        namesBut(add.name(), old.aliases(), List.of(old.name()), add.aliases()),
                        add.type(),
                        add.country() != null ? add.country() : old.country(),
                        add.role() != null ? add.role() : old.role()));
    }

    /** The aliases of a merged entry: every name of {@code names} in order, once, except the one it is known by. */
    @SafeVarargs
    private static List<String> namesBut(String name, List<String>... names) {
        Set<String> aliases = new LinkedHashSet<>();
        for (List<String> n : names) {
            aliases.addAll(n);
        }
        aliases.remove(name);
        return new ArrayList<>(aliases);
    }

    /** The id part of a name ("Sao Tome" → "sao-tome"), for places and organisations the tables give no id. */
    private static String slug(String s) {
        return Fold.fold(s).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    private static List<String> split(String s) {
        if (s == null || s.isEmpty() || s.equals("-")) {
            return List.of();
        }
        return Arrays.stream(s.split("\\|"))
                .map(String::trim)
                .filter(x -> !x.isEmpty())
                .toList();
    }

    /**
     * The plural of a demonym that takes one ("Algerian" → "Algerians", "Iraqi" → "Iraqis"); null for those that
     * do not ("Swiss", "Chinese", "British").
     */
    private static String plural(String demonym) {
        return demonym.endsWith("an") || demonym.endsWith("i") || demonym.endsWith("ot") ? demonym + "s" : null;
    }
}
