package io.bilateral.enrich.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.bilateral.serde.AvroJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** A minimal Server-Sent Events reader for tests: queues the JSON of every {@code data:} line as it arrives. */
final class SseClient implements AutoCloseable {

    private record Received(JsonNode json, Instant at) {}

    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final Thread reader;
    private Instant lastReceivedAt;

    private SseClient(Stream<String> lines) {
        reader = new Thread(
                () -> lines.filter(l -> l.startsWith("data: ")).forEach(l -> {
                    try {
                        received.add(new Received(AvroJson.mapper().readTree(l.substring(6)), Instant.now()));
                    } catch (IOException e) {
                        throw new IllegalStateException("not JSON: " + l, e);
                    }
                }),
                "sse-client");
        reader.setDaemon(true);
        reader.start();
    }

    static SseClient open(String url) throws Exception {
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + response.statusCode());
        }
        return new SseClient(response.body());
    }

    /** The first event matching {@code wanted}; fails when none arrives before the deadline. */
    JsonNode awaitEvent(Predicate<JsonNode> wanted, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Received next =
                    received.poll(Duration.between(Instant.now(), deadline).toMillis(), TimeUnit.MILLISECONDS);
            if (next != null && wanted.test(next.json())) {
                lastReceivedAt = next.at();
                return next.json();
            }
        }
        throw new AssertionError("no matching event within " + timeout);
    }

    Instant receivedAt() {
        return lastReceivedAt;
    }

    @Override
    public void close() {
        reader.interrupt();
    }
}
