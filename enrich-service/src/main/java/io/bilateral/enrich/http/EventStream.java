package io.bilateral.enrich.http;

import com.sun.net.httpserver.HttpExchange;
import io.bilateral.schemas.RelationshipEvent;
import io.bilateral.serde.AvroJson;
import io.bilateral.topics.ClientConfigs;
import io.bilateral.topics.Topic;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server-Sent Events of {@code relations.events}: every new or updated event, as soon as its transaction commits.
 *
 * <p>One consumer per service instance reads the committed events of every partition (no consumer group: each
 * instance serves the whole stream) and writes them to the subscribers whose country filter matches. A subscriber
 * that cannot be written to is dropped; a comment line every 15 s lets both sides notice a dead connection.
 */
public final class EventStream implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EventStream.class);
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final Topic<String, RelationshipEvent> topic;
    private final Map<String, Object> consumerProps;
    private final int maxSubscribers;
    private final Clock clock;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private final CountDownLatch positioned = new CountDownLatch(1);
    private volatile KafkaConsumer<String, RelationshipEvent> consumer;

    private record Subscriber(HttpExchange exchange, String country) {
        boolean wants(RelationshipEvent event) {
            return country == null
                    || country.equals(event.getActor1Country())
                    || country.equals(event.getActor2Country());
        }
    }

    public EventStream(
            Topic<String, RelationshipEvent> topic,
            Map<String, Object> kafkaProperties,
            int maxSubscribers,
            Clock clock) {
        this.topic = topic;
        this.consumerProps = ClientConfigs.committedReader(kafkaProperties);
        this.maxSubscribers = maxSubscribers;
        this.clock = clock;
        this.thread = new Thread(this::run, "event-stream");
        thread.setDaemon(true);
    }

    public EventStream start() {
        thread.start();
        return this;
    }

    /** Whether the stream has found the end of the topic, so that every event committed from now on is streamed. */
    public boolean awaitPositioned(Duration timeout) throws InterruptedException {
        return positioned.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public int subscribers() {
        return subscribers.size();
    }

    /**
     * Starts streaming to {@code exchange}; the exchange stays open after this returns. Answers 503 past the limit.
     *
     * @param country alpha-3 code to filter on (either actor), or null for every event
     */
    public void subscribe(HttpExchange exchange, String country) throws IOException {
        if (subscribers.size() >= maxSubscribers) {
            byte[] body = ("{\"error\":\"too many subscribers (limit " + maxSubscribers + "); retry later\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(503, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        out.write(": subscribed to relations.events\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        subscribers.add(new Subscriber(exchange, country));
    }

    private void run() {
        try (KafkaConsumer<String, RelationshipEvent> c = new KafkaConsumer<>(
                consumerProps,
                topic.keySerde().deserializer(),
                topic.valueSerde().deserializer())) {
            consumer = c;
            List<TopicPartition> partitions = c.partitionsFor(topic.name(), Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            c.assign(partitions);
            c.seekToEnd(partitions);
            partitions.forEach(c::position); // resolves the lazy seek: from here on nothing committed is missed
            positioned.countDown();
            Instant lastHeartbeat = clock.instant();
            while (running.get()) {
                for (ConsumerRecord<String, RelationshipEvent> record : c.poll(Duration.ofMillis(250))) {
                    if (record.value() != null) {
                        broadcast(record.value());
                    }
                }
                if (Duration.between(lastHeartbeat, clock.instant()).compareTo(HEARTBEAT) >= 0) {
                    lastHeartbeat = clock.instant();
                    for (Subscriber s : subscribers) {
                        write(s, ": heartbeat\n\n");
                    }
                }
            }
        } catch (WakeupException e) {
            if (running.get()) {
                throw e;
            }
        } catch (RuntimeException e) {
            log.error("Event stream stopped: {}", e.toString(), e);
        } finally {
            subscribers.forEach(s -> s.exchange().close());
            subscribers.clear();
        }
    }

    private void broadcast(RelationshipEvent event) {
        String frame = "id: " + event.getEventId() + ":" + event.getVersion() + "\nevent: relationship-event\ndata: "
                + AvroJson.toJsonString(event) + "\n\n";
        for (Subscriber s : subscribers) {
            if (s.wants(event)) {
                write(s, frame);
            }
        }
    }

    private void write(Subscriber s, String frame) {
        try {
            OutputStream out = s.exchange().getResponseBody();
            out.write(frame.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            log.debug("Dropping an event-stream subscriber: {}", e.toString());
            subscribers.remove(s);
            s.exchange().close();
        }
    }

    @Override
    public void close() {
        running.set(false);
        KafkaConsumer<String, RelationshipEvent> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
