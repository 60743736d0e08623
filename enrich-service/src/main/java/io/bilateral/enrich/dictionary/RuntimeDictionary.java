package io.bilateral.enrich.dictionary;

import io.bilateral.enrich.engine.Annotation;
import io.bilateral.enrich.engine.ArticleInput;
import io.bilateral.enrich.engine.Enricher;
import io.bilateral.enrich.engine.RuleBasedEnricher;
import io.bilateral.enrich.engine.kb.DictionaryEntry;
import io.bilateral.enrich.engine.kb.KnowledgeBase;
import io.bilateral.schemas.ActorEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine over the bundled dictionary plus the changes read from {@code reference.actors}: a new minister
 * published there is recognised in the next article, without a restart.
 *
 * <p>Changes arrive one record at a time (thousands when the topic is first read) and rebuilding the automaton costs
 * tens of milliseconds, so a change only bumps a version and the first article after it rebuilds once. Articles never
 * see a half-applied change: each uses one immutable snapshot.
 */
public final class RuntimeDictionary implements Enricher, ActorUpdates {

    private static final Logger log = LoggerFactory.getLogger(RuntimeDictionary.class);

    private final RuleBasedEnricher bundled;
    /** id → entry, or null for a removed id; in arrival order. Guarded by {@code this}. */
    private final Map<String, DictionaryEntry> changes = new LinkedHashMap<>();

    private volatile long version;
    private volatile Snapshot snapshot;

    private record Snapshot(long version, RuleBasedEnricher enricher) {}

    public RuntimeDictionary(RuleBasedEnricher bundled) {
        this.bundled = bundled;
        this.snapshot = new Snapshot(0, bundled);
    }

    @Override
    public synchronized void upsert(ActorEntry entry) {
        try {
            changes.put(entry.getId(), ActorEntries.toEngine(entry));
            version++;
        } catch (IllegalArgumentException e) {
            // a bad entry must not stop the dictionary; it is reported and the previous value stays
            log.warn("Ignoring dictionary entry: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void remove(String id) {
        changes.put(id, null);
        version++;
    }

    /** The bundled entries, to load into {@code reference.actors} on first start. */
    public List<DictionaryEntry> bundledEntries() {
        return bundled.knowledgeBase().entries();
    }

    /** The number of changes applied so far; grows with every upsert and removal. */
    public long version() {
        return version;
    }

    @Override
    public Annotation annotate(ArticleInput article) {
        return current().annotate(article);
    }

    /** The engine for the latest dictionary, rebuilt here if a change arrived since the last article. */
    RuleBasedEnricher current() {
        Snapshot s = snapshot;
        if (s.version() == version) {
            return s.enricher();
        }
        synchronized (this) {
            if (snapshot.version() == version) {
                return snapshot.enricher();
            }
            long start = System.nanoTime();
            List<DictionaryEntry> upserts = new ArrayList<>();
            List<String> removed = new ArrayList<>();
            changes.forEach((id, entry) -> {
                if (entry == null) {
                    removed.add(id);
                } else {
                    upserts.add(entry);
                }
            });
            KnowledgeBase kb = bundled.knowledgeBase().withChanges(upserts, removed);
            snapshot = new Snapshot(version, bundled.withKnowledgeBase(kb));
            log.info(
                    "Dictionary rebuilt with {} runtime changes ({} entries) in {} ms",
                    changes.size(),
                    kb.size(),
                    (System.nanoTime() - start) / 1_000_000);
            return snapshot.enricher();
        }
    }
}
