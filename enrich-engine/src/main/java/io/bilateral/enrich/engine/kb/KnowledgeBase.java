package io.bilateral.enrich.engine.kb;

import io.bilateral.enrich.engine.text.Fold;
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

/**
 * The actor dictionary: immutable, built once and shared by all threads. Runtime updates (from
 * {@code reference.actors}) produce a new instance with {@link #withChanges}; the automaton is rebuilt then, never
 * per article.
 */
public final class KnowledgeBase {

    private final List<DictionaryEntry> entries;
    private final Map<String, Integer> indexById;
    private final PhraseMatcher matcher;
    private final Map<String, List<AmbiguityRule>> ambiguity;

    /** A context rule for a name that can mean several things (rules/ambiguity.tsv). */
    public record AmbiguityRule(String name, Kind rule, String argument) {

        /** The rules of rules/ambiguity.tsv (see its header). */
        public enum Kind {
            NOT_PERSON,
            NOT_BEFORE,
            ALT_CONTEXT
        }
    }

    private KnowledgeBase(Collection<DictionaryEntry> entries, Map<String, List<AmbiguityRule>> ambiguity) {
        this.entries = List.copyOf(entries);
        Map<String, Integer> idx = new HashMap<>();
        PhraseMatcher.Builder b = new PhraseMatcher.Builder();
        for (int i = 0; i < this.entries.size(); i++) {
            DictionaryEntry e = this.entries.get(i);
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

    /**
     * The dictionary the engine starts with (kb/ and rules/ambiguity.tsv, each replaced by its copy in the rules
     * folder when one is set: {@link TableSource#fromSettings}), loaded once.
     */
    public static KnowledgeBase bundled() {
        return Bundled.INSTANCE;
    }

    /** The dictionary of {@code source}, loaded now; a bad row fails with its file, line and column. */
    public static KnowledgeBase load(TableSource source) {
        return new KnowledgeBase(loadEntries(source), loadAmbiguity(source));
    }

    /** Loaded on first use, once (the class holder idiom: no lock, no volatile read). */
    private static final class Bundled {
        static final KnowledgeBase INSTANCE = load(TableSource.fromSettings());
    }

    /** A knowledge base of exactly these entries (plus the ambiguity rules the engine starts with). */
    public static KnowledgeBase of(Collection<DictionaryEntry> entries) {
        return new KnowledgeBase(entries, loadAmbiguity(TableSource.fromSettings()));
    }

    /** Every entry as plain records, in a stable order (what the service loads into {@code reference.actors}). */
    public List<DictionaryEntry> entries() {
        return entries;
    }

    public int size() {
        return entries.size();
    }

    public DictionaryEntry entry(int index) {
        return entries.get(index);
    }

    public DictionaryEntry byId(String id) {
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
    public KnowledgeBase withChanges(Collection<DictionaryEntry> upserts, Collection<String> removedIds) {
        Map<String, DictionaryEntry> m = new LinkedHashMap<>();
        for (DictionaryEntry e : entries) {
            m.put(e.id(), e);
        }
        for (String id : removedIds) {
            m.remove(id);
        }
        for (DictionaryEntry e : upserts) {
            m.put(e.id(), e);
        }
        return new KnowledgeBase(m.values(), ambiguity);
    }

    // ---------------------------------------------------------------- loading

    static List<DictionaryEntry> loadEntries(TableSource source) {
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
        return new ArrayList<>(m.values());
    }

    private static final Set<String> COUNTRY_STATUS = Set.of("independent", "territory");
    private static final Set<String> PLACE_KINDS = Set.of("city", "capital", "admin1", "admin2");

    /** Adds an entry, merging aliases when the id exists (hand-written rows extend generated ones). */
    private static void put(Map<String, DictionaryEntry> m, DictionaryEntry e) {
        DictionaryEntry old = m.get(e.id());
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
                new DictionaryEntry(
                        e.id(),
                        e.name(),
                        new ArrayList<>(aliases),
                        e.type(),
                        e.country() != null ? e.country() : old.country(),
                        e.role() != null ? e.role() : old.role()));
    }

    static Map<String, List<AmbiguityRule>> loadAmbiguity(TableSource source) {
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

    public static String slug(String s) {
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
    static String plural(String demonym) {
        return demonym.endsWith("an") || demonym.endsWith("i") || demonym.endsWith("ot") ? demonym + "s" : null;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "KnowledgeBase[%d entries]", entries.size());
    }
}
