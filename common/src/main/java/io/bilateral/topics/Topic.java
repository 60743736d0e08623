package io.bilateral.topics;

import org.apache.kafka.common.serialization.Serde;

/**
 * A topic with the serdes of its key and value: the single place where a topic's name and wire format meet,
 * used alike by producers, the topology and tests.
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {}
