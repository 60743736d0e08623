package io.bilateral.enrich.topology;

import io.bilateral.schemas.EnrichedArticle;
import io.bilateral.schemas.RelationshipEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Merges the reports of one pair into events. Input is keyed by pair id (so every report of a pair meets the pair's
 * events in one task); the store holds the pair's events under {@code <pair>|<day>|<event id>}, so a report's
 * candidates are one range scan over the window, and a second store remembers which reports were merged.
 * Each merged report emits the event's previous and new version, still keyed by pair id (the key never changes, so the
 * pair summaries downstream need no repartition).
 */
public final class EventClusterProcessor implements FixedKeyProcessor<String, EnrichedArticle, EventUpdate> {

    private static final Logger log = LoggerFactory.getLogger(EventClusterProcessor.class);
    private static final Duration EVICTION_INTERVAL = Duration.ofHours(1);

    private final String storeName;
    private final String reportsStoreName;
    private final EventClustering clustering;
    private final Clock clock;
    private final Duration retention;
    private FixedKeyProcessorContext<String, EventUpdate> context;
    private KeyValueStore<String, RelationshipEvent> store;
    /** report key → record timestamp: the reports already merged, for re-delivery detection in one lookup. */
    private KeyValueStore<String, Long> reports;

    /**
     * @param retention how long an event stays a candidate after its last report, in stream time; older ones are
     *                  dropped from the store (they stay in relations.events), which keeps the store bounded
     */
    public EventClusterProcessor(
            String storeName, String reportsStoreName, EventClustering clustering, Clock clock, Duration retention) {
        this.storeName = storeName;
        this.reportsStoreName = reportsStoreName;
        this.clustering = clustering;
        this.clock = clock;
        this.retention = retention;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, EventUpdate> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
        this.reports = context.getStateStore(reportsStoreName);
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
        List<String> expiredReports = new ArrayList<>();
        try (KeyValueIterator<String, Long> it = reports.all()) {
            while (it.hasNext()) {
                KeyValue<String, Long> next = it.next();
                if (next.value < cutoff.toEpochMilli()) {
                    expiredReports.add(next.key);
                }
            }
        }
        expiredReports.forEach(reports::delete);
        if (!expired.isEmpty()) {
            log.info("Evicted {} events not reported since {} from {}", expired.size(), cutoff, storeName);
        }
    }

    @Override
    public void process(FixedKeyRecord<String, EnrichedArticle> record) {
        String pairId = record.key();
        for (EventReport report : EventReport.forPair(record.value(), pairId)) {
            String reportKey = reportKey(pairId, report);
            if (reports.get(reportKey) != null) {
                log.debug(
                        "Article {} is already a source of an event of {}: re-delivery ignored",
                        report.articleId(),
                        pairId);
                continue;
            }
            Instant now = clock.instant();
            Optional<RelationshipEvent> match = clustering.bestMatch(candidates(pairId, report), report);
            RelationshipEvent event =
                    match.map(e -> clustering.merge(e, report, now)).orElseGet(() -> clustering.create(report, now));
            match.filter(old -> !old.getDate().equals(event.getDate()))
                    .ifPresent(old -> store.delete(storeKey(old))); // an earlier report moved the event's day
            store.put(storeKey(event), event);
            reports.put(reportKey, record.timestamp());
            context.forward(record.withValue(new EventUpdate(match.orElse(null), event)));
        }
    }

    /** The pair's events whose day is within the window of the report's day: one range scan, not the whole pair. */
    private List<RelationshipEvent> candidates(String pairId, EventReport report) {
        long day = report.day().toEpochDay();
        long window = Math.max(0, clustering.window().toDays());
        List<RelationshipEvent> events = new ArrayList<>();
        try (KeyValueIterator<String, RelationshipEvent> it = store.range(
                pairId + "|" + sortableDay(day - window) + "|", pairId + "|" + sortableDay(day + window) + "|~")) {
            while (it.hasNext()) {
                events.add(it.next().value);
            }
        }
        return events;
    }

    /**
     * {@code <pair>|<day>|<event id>}: all events of a pair share a prefix (the query API scans it) and sort by day,
     * so the candidates of a report are one range.
     */
    static String storeKey(RelationshipEvent event) {
        return event.getPairId() + "|" + sortableDay(event.getDate().toEpochDay()) + "|" + event.getEventId();
    }

    /** Epoch day shifted positive and zero-padded, so that string order is day order (also before 1970). */
    static String sortableDay(long epochDay) {
        long shifted = epochDay + 10_000_000L;
        if (shifted < 0 || shifted >= 100_000_000L) {
            return String.format(Locale.ROOT, "%08d", shifted); // days no news report names; kept for their order
        }
        // three keys per report: String.format builds a Formatter and looks up the locale's digits every time
        String digits = Long.toString(shifted);
        return "0".repeat(8 - digits.length()) + digits;
    }

    /** One report of one article for one pair and happening day: what a re-delivery would repeat. */
    static String reportKey(String pairId, EventReport report) {
        return pairId + "|" + report.articleId() + "|" + report.day();
    }
}
