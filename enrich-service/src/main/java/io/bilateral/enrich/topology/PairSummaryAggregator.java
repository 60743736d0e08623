package io.bilateral.enrich.topology;

import io.bilateral.schemas.PairSummary;
import io.bilateral.schemas.RelationshipEvent;
import java.time.Clock;
import java.time.Instant;
import org.apache.kafka.streams.kstream.Aggregator;

/**
 * Adapts {@link PairSummaries} to Kafka Streams' aggregate: the initializer has no key, so the first add names the
 * pair from the record key.
 */
final class PairSummaryAggregator implements Aggregator<String, RelationshipEvent, PairSummary> {

    private final Clock clock;
    private final boolean adds;

    PairSummaryAggregator(Clock clock, boolean adds) {
        this.clock = clock;
        this.adds = adds;
    }

    static PairSummary initial() {
        return PairSummaries.empty("", Instant.EPOCH);
    }

    @Override
    public PairSummary apply(String pairId, RelationshipEvent event, PairSummary summary) {
        Instant now = clock.instant();
        PairSummary base = summary.getPairId().isEmpty() ? PairSummaries.empty(pairId, now) : summary;
        return adds ? PairSummaries.add(base, event, now) : PairSummaries.subtract(base, event, now);
    }
}
