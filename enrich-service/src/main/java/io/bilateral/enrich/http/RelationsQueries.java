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
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** Read-only views of the topology's state stores (interactive queries), in plain lists. */
public final class RelationsQueries {

    private final KafkaStreams streams;

    public RelationsQueries(KafkaStreams streams) {
        this.streams = streams;
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

    public List<PairSummary> pairsOf(String country) {
        return pairs().stream().filter(p -> p.getCountryA().equals(country) || p.getCountryB().equals(country)).toList();
    }

    /** The events of a pair, newest first. */
    public List<RelationshipEvent> events(String pairId) {
        ReadOnlyKeyValueStore<String, RelationshipEvent> store = streams.store(StoreQueryParameters.fromNameAndType(
                RelationsTopology.CLUSTER_STORE, QueryableStoreTypes.keyValueStore()));
        List<RelationshipEvent> result = new ArrayList<>();
        try (KeyValueIterator<String, RelationshipEvent> it = store.prefixScan(pairId + "|", new StringSerializer())) {
            while (it.hasNext()) {
                KeyValue<String, RelationshipEvent> next = it.next();
                result.add(next.value);
            }
        }
        result.sort(Comparator.comparing(RelationshipEvent::getDate).reversed()
                .thenComparing(RelationshipEvent::getEventId));
        return result;
    }

    private ReadOnlyKeyValueStore<String, PairSummary> pairStore() {
        return streams.store(StoreQueryParameters.fromNameAndType(RelationsTopology.PAIRS_STORE,
                QueryableStoreTypes.keyValueStore()));
    }
}
