package io.bilateral.enrich.engine.kb;

import io.bilateral.enrich.engine.text.Fold;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The actor dictionary: immutable, built once and shared by all threads. Runtime updates (from
 * {@code reference.actors}) produce a new instance with {@link #withChanges}; the automaton is rebuilt then, never
 * per article.
 */
public final class KnowledgeBase {

    private final List<ActorEntry> entries;
    private final Map<String, Integer> indexById;
    private final PhraseMatcher matcher;
    private final Map<String, List<AmbiguityRule>> ambiguity;
    private final Officials officials;

    /** Role of an armed non-state group (kb/armed-groups.tsv, kb/groups-own.tsv): never a country actor. */
    public static final String ARMED_GROUP = "armed group";
    /** Role of an international organisation (kb/international-orgs.tsv, kb/groups-own.tsv): never a country actor. */
    public static final String INTERNATIONAL_ORGANIZATION = "international organization";

    /** A context rule for a name that can mean several things (rules/ambiguity.tsv). */
    public record AmbiguityRule(String name, String rule, String argument) {}

    private KnowledgeBase(
            Collection<ActorEntry> entries, Map<String, List<AmbiguityRule>> ambiguity, Officials officials) {
        this.entries = List.copyOf(entries);
        this.officials = officials;
        Map<String, Integer> idx = new HashMap<>();
        PhraseMatcher.Builder b = new PhraseMatcher.Builder();
        for (int i = 0; i < this.entries.size(); i++) {
            ActorEntry e = this.entries.get(i);
            idx.put(e.id(), i);
            b.add(e.name(), i);
            for (String a : e.aliases()) {
                b.add(a, i);
            }
        }
        this.indexById = Collections.unmodifiableMap(idx);
        this.matcher = b.build();
        this.ambiguity = ambiguity;
    }

    /** The dictionary shipped in the jar (resources kb/ and rules/ambiguity.tsv), loaded once. */
    public static KnowledgeBase bundled() {
        return Bundled.INSTANCE;
    }

    /** Loaded on first use, once (the class holder idiom: no lock, no volatile read). */
    private static final class Bundled {
        static final KnowledgeBase INSTANCE = load();

        private static KnowledgeBase load() {
            Officials[] officials = new Officials[1];
            List<ActorEntry> entries = loadBundledEntries(officials);
            return new KnowledgeBase(entries, loadAmbiguity(), officials[0]);
        }
    }

    /** A knowledge base of exactly these entries (plus the bundled ambiguity rules), without terms of office. */
    public static KnowledgeBase of(Collection<ActorEntry> entries) {
        return new KnowledgeBase(entries, loadAmbiguity(), Officials.NONE);
    }

    /** A knowledge base of these entries with these terms of office (keyed by the entries' ids). */
    static KnowledgeBase of(Collection<ActorEntry> entries, Officials officials) {
        return new KnowledgeBase(entries, loadAmbiguity(), officials);
    }

    /** The terms of office of the dictionary's persons (by actor id), for choosing by an article's date. */
    public Officials officials() {
        return officials;
    }

    /** Whether an entry is an armed non-state group or an international organisation: never a country actor. */
    public static boolean nonState(ActorEntry e) {
        return ARMED_GROUP.equals(e.role()) || INTERNATIONAL_ORGANIZATION.equals(e.role());
    }

    /** Every entry as plain records, in a stable order (what the service loads into {@code reference.actors}). */
    public List<ActorEntry> entries() {
        return entries;
    }

    public int size() {
        return entries.size();
    }

    public ActorEntry entry(int index) {
        return entries.get(index);
    }

    public ActorEntry byId(String id) {
        Integer i = indexById.get(id);
        return i == null ? null : entries.get(i);
    }

    public PhraseMatcher matcher() {
        return matcher;
    }

    /** Ambiguity rules for a (folded) name, never null. */
    public List<AmbiguityRule> ambiguity(String foldedName) {
        return ambiguity.getOrDefault(foldedName, List.of());
    }

    public boolean hasAmbiguityRules() {
        return !ambiguity.isEmpty();
    }

    /**
     * A new knowledge base with entries added or replaced (same id) and entries removed by id. This instance is
     * unchanged.
     */
    public KnowledgeBase withChanges(Collection<ActorEntry> upserts, Collection<String> removedIds) {
        Map<String, ActorEntry> m = new LinkedHashMap<>();
        for (ActorEntry e : entries) {
            m.put(e.id(), e);
        }
        for (String id : removedIds) {
            m.remove(id);
        }
        for (ActorEntry e : upserts) {
            m.put(e.id(), e);
        }
        return new KnowledgeBase(m.values(), ambiguity, officials);
    }

    // ---------------------------------------------------------------- loading

    static List<ActorEntry> loadBundledEntries() {
        return loadBundledEntries(new Officials[1]);
    }

    /** The bundled entries; {@code officials[0]} receives the terms of office of its persons. */
    static List<ActorEntry> loadBundledEntries(Officials[] officials) {
        Map<String, ActorEntry> m = new LinkedHashMap<>();
        Set<String> independentDemonyms = new HashSet<>();
        readTsv("kb/geo-countries.tsv", c -> {
            if (c[5].equals("independent")) {
                independentDemonyms.addAll(split(c[3]));
            }
        });
        readTsv("kb/geo-countries.tsv", c -> {
            String a3 = c[0];
            boolean territory = !c[5].equals("independent");
            List<String> names = split(c[2]);
            put(m, new ActorEntry("country:" + a3, c[1], names, ActorType.COUNTRY, a3, null));
            // "American" is the USA, not the Northern Mariana Islands; "Douglas" is rarely the Isle of Man
            List<String> dem = split(c[3]).stream()
                    .filter(d -> !territory || !independentDemonyms.contains(d))
                    .toList();
            if (territory) {
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
                put(m, new ActorEntry("norp:" + a3, dem.get(0), aliases, ActorType.NORP, a3, null));
            }
            for (String cap : split(c[4])) {
                put(m, new ActorEntry("place:" + slug(cap), cap, List.of(), ActorType.LOCATION, a3, "capital"));
            }
        });
        readTsv(
                "kb/actors.tsv",
                c -> put(m, new ActorEntry(c[0], c[4], split(c[5]), ActorType.valueOf(c[1]), dash(c[2]), dash(c[3]))));
        for (String groups : GROUP_TABLES) {
            readTsv(
                    groups,
                    c -> putNonState(m, new ActorEntry(c[0], c[1], split(c[2]), ActorType.ORGANIZATION, null, c[3])));
        }
        officials[0] = putOfficials(m);
        readTsv(
                "kb/organizations.tsv",
                c -> m.putIfAbsent(
                        "org:" + slug(c[0]),
                        new ActorEntry("org:" + slug(c[0]), c[0], List.of(), ActorType.ORGANIZATION, null, null)));
        readTsv("kb/geo-places.tsv", c -> {
            String id = "place:" + slug(c[0]);
            if (m.containsKey(id)) {
                return; // a capital or hand-written entry already says what this name is
            }
            String country = c.length > 1 && !c[1].isEmpty() ? c[1] : null;
            String kind = c.length > 3 ? c[3] : "city";
            m.put(id, new ActorEntry(id, c[0], List.of(), ActorType.LOCATION, country, kind));
        });
        return new ArrayList<>(m.values());
    }

    /** Armed groups and international organisations: the hand-written table, then those generated from Phoenix. */
    static final String[] GROUP_TABLES = {"kb/groups-own.tsv", "kb/armed-groups.tsv", "kb/international-orgs.tsv"};

    /** Office-holders: the hand-written table (since 2015) first, then the one generated from Phoenix (to 2014). */
    static final String OFFICIALS_OWN = "kb/officials-since-2015.tsv";

    static final String OFFICIALS_GENERATED = "kb/officials.tsv";

    /**
     * Adds an armed group or international organisation; one that an earlier table already has keeps its place and
     * name, gains the aliases, and loses any country (kb/actors.tsv once gave Hamas and Hezbollah one).
     */
    private static void putNonState(Map<String, ActorEntry> m, ActorEntry e) {
        ActorEntry old = m.get(e.id());
        if (old == null) {
            m.put(e.id(), e);
            return;
        }
        Set<String> aliases = new java.util.LinkedHashSet<>(old.aliases());
        aliases.addAll(e.aliases());
        aliases.add(e.name());
        aliases.remove(old.name());
        m.put(
                e.id(),
                new ActorEntry(
                        e.id(),
                        old.name(),
                        new ArrayList<>(aliases),
                        ActorType.ORGANIZATION,
                        null,
                        nonState(old) ? old.role() : e.role()));
    }

    /**
     * Adds the office-holders of both tables as persons and returns their terms. A row takes the id of a person
     * already known by one of its full names (kb/actors.tsv, or an earlier row), so the tables and the hand-written
     * actors describe one person once; the entry's country and role are those of the latest term (what an article
     * without a date gets).
     */
    static Officials putOfficials(Map<String, ActorEntry> m) {
        List<Officials.Row> rows = new ArrayList<>(Officials.read(OFFICIALS_OWN, false));
        rows.addAll(Officials.read(OFFICIALS_GENERATED, true));
        Map<String, String> byName = new HashMap<>();
        for (ActorEntry e : m.values()) {
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
            Set<String> aliases = new java.util.LinkedHashSet<>();
            String name = e.getValue().get(0).name();
            for (Officials.Row r : e.getValue()) {
                aliases.add(r.name());
                aliases.addAll(r.aliases());
            }
            aliases.remove(name);
            Officials.Term latest = Officials.latest(officials.terms(e.getKey()));
            put(
                    m,
                    new ActorEntry(
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
    private static void put(Map<String, ActorEntry> m, ActorEntry e) {
        ActorEntry old = m.get(e.id());
        if (old == null) {
            m.put(e.id(), e);
            return;
        }
        Set<String> aliases = new java.util.LinkedHashSet<>(old.aliases());
        aliases.add(old.name());
        aliases.addAll(e.aliases());
        aliases.remove(e.name());
        m.put(
                e.id(),
                new ActorEntry(
                        e.id(),
                        e.name(),
                        new ArrayList<>(aliases),
                        e.type(),
                        e.country() != null ? e.country() : old.country(),
                        e.role() != null ? e.role() : old.role()));
    }

    static Map<String, List<AmbiguityRule>> loadAmbiguity() {
        Map<String, List<AmbiguityRule>> m = new HashMap<>();
        readTsv(
                "rules/ambiguity.tsv",
                c -> m.computeIfAbsent(Fold.fold(c[0]), k -> new ArrayList<>())
                        .add(new AmbiguityRule(c[0], c[1], dash(c[2]))));
        return Collections.unmodifiableMap(m);
    }

    public static String slug(String s) {
        return Fold.fold(s).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    private static String dash(String s) {
        return s == null || s.isEmpty() || s.equals("-") ? null : s;
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
    static String plural(String demonym) {
        return demonym.endsWith("an") || demonym.endsWith("i") || demonym.endsWith("ot") ? demonym + "s" : null;
    }

    /** Reads a bundled TSV resource, skipping blank lines and '#' comments. */
    public static void readTsv(String resource, Consumer<String[]> row) {
        for (String line : readLines(resource)) {
            row.accept(line.split("\t", -1));
        }
    }

    /** Non-comment, non-blank lines of a bundled resource. */
    public static List<String> readLines(String resource) {
        InputStream in = KnowledgeBase.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("bundled resource " + resource + " is missing from the classpath");
        }
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                out.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource, e);
        }
        return out;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "KnowledgeBase[%d entries]", entries.size());
    }
}
