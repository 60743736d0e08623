package io.bilateral.enrich.topology;

import io.bilateral.schemas.EnrichedArticle;
import io.bilateral.schemas.RelationshipEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Merges the reports of one pair into events. Input is keyed by pair id (so every report of a pair meets the pair's
 * events in one task); the store holds the pair's events under {@code <pair>|<event id>}, found by prefix scan.
 * Emits the new or updated event keyed by event id.
 */
public final class EventClusterProcessor implements Processor<String, EnrichedArticle, String, RelationshipEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(EventClusterProcessor.class);
    private static final Duration EVICTION_INTERVAL = Duration.ofHours(1);

    private final String storeName;
    private final EventClustering clustering;
    private final Clock clock;
    private final Duration retention;
    private ProcessorContext<String, RelationshipEvent> context;
    private KeyValueStore<String, RelationshipEvent> store;

    /**
     * @param retention how long an event stays a candidate after its last report, in stream time; older ones are
     *                  dropped from the store (they stay in relations.events), which keeps the store bounded
     */
    public EventClusterProcessor(String storeName, EventClustering clustering, Clock clock, Duration retention) {
        this.storeName = storeName;
        this.clustering = clustering;
        this.clock = clock;
        this.retention = retention;
    }

    @Override
    public void init(ProcessorContext<String, RelationshipEvent> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
        context.schedule(EVICTION_INTERVAL, PunctuationType.STREAM_TIME, this::evict);
    }

    /** Drops the events whose last report is older than the retention, measured in stream time. */
    void evict(long streamTime) {
        Instant cutoff = Instant.ofEpochMilli(streamTime).minus(retention);
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, RelationshipEvent> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<String, RelationshipEvent> next = it.next();
                if (next.value.getLastUpdated().isBefore(cutoff)) {
                    expired.add(next.key);
                }
            }
        }
        expired.forEach(store::delete);
        if (!expired.isEmpty()) {
            LOG.info("Evicted {} events not reported since {} from {}", expired.size(), cutoff, storeName);
        }
    }

    @Override
    public void process(Record<String, EnrichedArticle> record) {
        String pairId = record.key();
        List<RelationshipEvent> candidates = eventsOf(pairId);
        for (EventReport report : EventReport.forPair(record.value(), pairId)) {
            if (candidates.stream().anyMatch(e -> EventClustering.alreadyMerged(e, report.articleId())
                    && EventReport.isConflict(e.getQuadClass()) == EventReport.isConflict(report.event().getQuadClass()))) {
                LOG.debug("Article {} is already a source of an event of {}: re-delivery ignored", report.articleId(), pairId);
                continue;
            }
            Instant now = clock.instant();
            Optional<RelationshipEvent> match = clustering.bestMatch(candidates, report);
            RelationshipEvent event = match.map(e -> clustering.merge(e, report, now))
                    .orElseGet(() -> clustering.create(report, now));
            match.ifPresent(candidates::remove);
            candidates.add(event);
            store.put(storeKey(pairId, event.getEventId()), event);
            context.forward(new Record<>(event.getEventId(), event, record.timestamp()));
        }
    }

    private List<RelationshipEvent> eventsOf(String pairId) {
        List<RelationshipEvent> events = new ArrayList<>();
        try (KeyValueIterator<String, RelationshipEvent> it =
                store.prefixScan(pairId + "|", new org.apache.kafka.common.serialization.StringSerializer())) {
            while (it.hasNext()) {
                KeyValue<String, RelationshipEvent> next = it.next();
                events.add(next.value);
            }
        }
        return events;
    }

    static String storeKey(String pairId, String eventId) {
        return pairId + "|" + eventId;
    }
}
