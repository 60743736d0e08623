package io.bilateral.enrich.http;

import io.bilateral.enrich.topology.RelationsTopology;
import io.bilateral.schemas.PairSummary;
import io.bilateral.schemas.RelationshipEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Read-only views of this instance's part of the topology's state stores (interactive queries), and where the
 * other parts live when several instances share the work.
 */
public final class RelationsQueries {

    private final KafkaStreams streams;
    private final HostInfo self;

    /** @param self this instance's {@code application.server}, to tell local keys from those of other instances */
    public RelationsQueries(KafkaStreams streams, HostInfo self) {
        this.streams = streams;
        this.self = self;
    }

    /**
     * The instance that owns {@code pairId} in {@code store}, when it is another one; empty when it is this one.
     *
     * @throws InvalidStateStoreException while the group is rebalancing and no instance owns the key yet
     */
    public Optional<HostInfo> remoteOwner(String store, String pairId) {
        KeyQueryMetadata metadata = streams.queryMetadataForKey(store, pairId, new StringSerializer());
        if (metadata == null || metadata.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
            throw new InvalidStateStoreException("no instance owns " + pairId + " in " + store + " yet (rebalancing)");
        }
        return metadata.activeHost().equals(self) ? Optional.empty() : Optional.of(metadata.activeHost());
    }

    /** The other instances of the application, each serving part of the stores. */
    public List<HostInfo> peers() {
        return streams.metadataForAllStreamsClients().stream()
                .map(StreamsMetadata::hostInfo)
                .filter(h -> !h.equals(self))
                .distinct()
                .toList();
    }

    public boolean ready() {
        return streams.state() == KafkaStreams.State.RUNNING;
    }

    public List<PairSummary> pairs() {
        List<PairSummary> result = new ArrayList<>();
        try (KeyValueIterator<String, PairSummary> it = pairStore().all()) {
            it.forEachRemaining(kv -> result.add(kv.value));
        }
        result.sort(Comparator.comparing(PairSummary::getEventCount).reversed().thenComparing(PairSummary::getPairId));
        return result;
    }

    public Optional<PairSummary> pair(String pairId) {
        return Optional.ofNullable(pairStore().get(pairId));
    }

    /** The events of a pair, newest first. */
    public List<RelationshipEvent> events(String pairId) {
        List<RelationshipEvent> result = new ArrayList<>();
        try (KeyValueIterator<String, RelationshipEvent> it =
                eventStore().prefixScan(pairId + "|", new StringSerializer())) {
            while (it.hasNext()) {
                KeyValue<String, RelationshipEvent> next = it.next();
                result.add(next.value);
            }
        }
        result.sort(Comparator.comparing(RelationshipEvent::getDate)
                .reversed()
                .thenComparing(RelationshipEvent::getEventId));
        return result;
    }

    /**
     * Every event of this instance's pairs, in no particular order. A pair's events all live on the instance that owns
     * the pair, so figures computed per pair from this list are whole.
     */
    public List<RelationshipEvent> allEvents() {
        List<RelationshipEvent> result = new ArrayList<>();
        try (KeyValueIterator<String, RelationshipEvent> it = eventStore().all()) {
            it.forEachRemaining(kv -> result.add(kv.value));
        }
        return result;
    }

    private ReadOnlyKeyValueStore<String, RelationshipEvent> eventStore() {
        return streams.store(StoreQueryParameters.fromNameAndType(
                RelationsTopology.CLUSTER_STORE, QueryableStoreTypes.keyValueStore()));
    }

    private ReadOnlyKeyValueStore<String, PairSummary> pairStore() {
        return streams.store(StoreQueryParameters.fromNameAndType(
                RelationsTopology.PAIRS_STORE, QueryableStoreTypes.keyValueStore()));
    }
}
