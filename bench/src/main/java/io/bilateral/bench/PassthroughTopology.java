package io.bilateral.bench;

import io.bilateral.schemas.RawArticle;
import io.bilateral.topics.Topic;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The baseline of the throughput benchmark: raw articles read and written back unchanged, with the same serdes
 * (the Avro {@link RawArticle} is deserialised and serialised again) and the same Streams configuration as the
 * enrich-service. What the pipeline costs on top of this is the enrichment and the clustering.
 */
public final class PassthroughTopology {

    /** Where the passthrough writes; created by the benchmark with the policy of {@code news.articles.raw}. */
    public static final String OUTPUT_TOPIC = "bench.passthrough";

    private PassthroughTopology() {}

    public static Topology build(Topic<String, RawArticle> raw, String outputTopic) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(
                        raw.name(),
                        Consumed.with(raw.keySerde(), raw.valueSerde()).withName("raw-articles"))
                .to(outputTopic, Produced.with(raw.keySerde(), raw.valueSerde()).withName("passthrough"));
        return builder.build();
    }
}
