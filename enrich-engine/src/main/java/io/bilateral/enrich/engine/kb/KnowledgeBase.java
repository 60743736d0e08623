package io.bilateral.enrich.engine.kb;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The actor dictionary: immutable, built once and shared by all threads. Runtime updates (from
 * {@code reference.actors}) produce a new instance with {@link #withChanges}; the automaton is rebuilt then, never
 * per article. {@link DictionaryTables} reads the tables it is built from.
 */
public final class KnowledgeBase {

    private final List<DictionaryEntry> entries;
    private final Map<String, Integer> indexById;
    private final PhraseMatcher matcher;
    private final Map<String, List<AmbiguityRule>> ambiguity;
    private final Officials officials;

    /** Role of an armed non-state group (kb/armed-groups.tsv, kb/groups-own.tsv): never a country actor. */
    public static final String ARMED_GROUP = "armed group";
    /** Role of an international organisation (kb/international-orgs.tsv, kb/groups-own.tsv): never a country actor. */
    public static final String INTERNATIONAL_ORGANIZATION = "international organization";

    /** A context rule for a name that can mean several things (rules/ambiguity.tsv). */
    public record AmbiguityRule(String name, Kind rule, String argument) {

        /** The rules of rules/ambiguity.tsv (see its header). */
        public enum Kind {
            NOT_PERSON,
            NOT_BEFORE,
            ALT_CONTEXT
        }
    }

    private KnowledgeBase(
            Collection<DictionaryEntry> entries, Map<String, List<AmbiguityRule>> ambiguity, Officials officials) {
        this.entries = List.copyOf(entries);
        this.officials = officials;
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
        DictionaryTables.Contents tables = DictionaryTables.read(source);
        return new KnowledgeBase(tables.entries(), DictionaryTables.readAmbiguity(source), tables.officials());
    }

    /** Loaded on first use, once (the class holder idiom: no lock, no volatile read). */
    private static final class Bundled {
        static final KnowledgeBase INSTANCE = load(TableSource.fromSettings());
    }

    /** A knowledge base of exactly these entries (plus the ambiguity rules the engine starts with), without terms. */
    public static KnowledgeBase of(Collection<DictionaryEntry> entries) {
        return new KnowledgeBase(entries, DictionaryTables.readAmbiguity(TableSource.fromSettings()), Officials.NONE);
    }

    /** A knowledge base of these entries with these terms of office (keyed by the entries' ids). */
    static KnowledgeBase of(Collection<DictionaryEntry> entries, Officials officials) {
        return new KnowledgeBase(entries, DictionaryTables.readAmbiguity(TableSource.fromSettings()), officials);
    }

    /** The terms of office of the dictionary's persons (by actor id), for choosing by an article's date. */
    public Officials officials() {
        return officials;
    }

    /** Whether an entry is an armed non-state group or an international organisation: never a country actor. */
    public static boolean nonState(DictionaryEntry e) {
        return ARMED_GROUP.equals(e.role()) || INTERNATIONAL_ORGANIZATION.equals(e.role());
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
        return new KnowledgeBase(m.values(), ambiguity, officials);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "KnowledgeBase[%d entries]", entries.size());
    }
}
