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

    /** A context rule for a name that can mean several things (rules/ambiguity.tsv). */
    public record AmbiguityRule(String name, String rule, String argument) {}

    private KnowledgeBase(Collection<ActorEntry> entries, Map<String, List<AmbiguityRule>> ambiguity) {
        this.entries = List.copyOf(entries);
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
        static final KnowledgeBase INSTANCE = new KnowledgeBase(loadBundledEntries(), loadAmbiguity());
    }

    /** A knowledge base of exactly these entries (plus the bundled ambiguity rules). */
    public static KnowledgeBase of(Collection<ActorEntry> entries) {
        return new KnowledgeBase(entries, loadAmbiguity());
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
        return new KnowledgeBase(m.values(), ambiguity);
    }

    // ---------------------------------------------------------------- loading

    static List<ActorEntry> loadBundledEntries() {
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
