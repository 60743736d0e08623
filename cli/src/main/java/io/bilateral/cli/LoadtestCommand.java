package io.bilateral.cli;

import io.bilateral.config.Settings;
import io.bilateral.stack.StackLayout;
import io.bilateral.topics.ClientConfigs;
import io.bilateral.topics.TopicNames;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * {@code ./bilateral loadtest}: offers {@code --rate} articles per second to the running ingest API for
 * {@code --seconds}, open loop (each request leaves at its scheduled time, whatever the answers before it did), with
 * at most {@code --connections} requests open at once. Then reads {@code news.articles.raw} back and checks what a
 * client may rely on under overload: every 202 is in the topic (compared by id), a refusal is 503 with
 * {@code Retry-After}, there is no other 5xx; and reports the ingest-service's peak RSS, sampled from {@code /proc}.
 * 127.0.0.1 only, like the stack it tests. Exit status 0 when every check holds.
 */
final class LoadtestCommand {

    static final String USAGE =
            "loadtest [--rate N] [--seconds S] [--connections C]   overload the ingest API, check every 202 is stored";

    private final Settings settings;
    private final PrintStream out;

    LoadtestCommand(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    int run(List<String> argv) {
        try {
            return offer(argv);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.println("loadtest: interrupted");
            return 1;
        }
    }

    private int offer(List<String> argv) throws InterruptedException {
        Args args = Args.parse(argv, Set.of("rate", "seconds", "connections"), Set.of());
        int rate = positive(args, "rate", 2_000);
        int seconds = positive(args, "seconds", 20);
        int connections = positive(args, "connections", 256);
        URI uri = URI.create("http://127.0.0.1:" + settings.integer(CliSettings.INGEST_PORT) + "/articles");
        Optional<Path> pidFile = Optional.of(
                        new StackLayout(Path.of(settings.string(CliSettings.DATA_DIR))).pidFile(StackCommand.INGEST))
                .filter(Files::isReadable);
        String run = "loadtest-" + UUID.randomUUID().toString().substring(0, 8);

        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        LongAdder withoutRetryAfter = new LongAdder();
        LongAdder transportErrors = new LongAdder();
        LongAdder notSent = new LongAdder();
        Map<String, LongAdder> errorKinds = new ConcurrentHashMap<>();
        AtomicLong peakRssKib = new AtomicLong();
        Semaphore open = new Semaphore(connections);
        int total = rate * seconds;
        out.printf(
                "loadtest: offering %d articles at %d/s for %d s to %s, at most %d open requests (run %s)%n",
                total, rate, seconds, uri, connections, run);

        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        pidFile.ifPresent(file -> sampler.scheduleAtFixedRate(
                () -> rssKib(file).ifPresent(kib -> peakRssKib.accumulateAndGet(kib, Math::max)),
                0,
                200,
                TimeUnit.MILLISECONDS));
        long startRss = pidFile.flatMap(LoadtestCommand::rssKib).orElse(0L);
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        long start = System.nanoTime();
        long intervalNanos = 1_000_000_000L / rate;
        try {
            for (int i = 0; i < total; i++) {
                long due = start + i * intervalNanos;
                long early = due - System.nanoTime();
                if (early > 0) {
                    LockSupport.parkNanos(early); // pacing the schedule, not waiting for a result
                }
                if (!open.tryAcquire()) {
                    notSent.increment(); // the client's own bound: counted, never queued
                    continue;
                }
                String id = run + "-" + i;
                HttpRequest request = HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(article(id, i)))
                        .build();
                client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                        .whenComplete((response, error) -> {
                            try {
                                if (error != null) {
                                    transportErrors.increment();
                                    errorKinds
                                            .computeIfAbsent(
                                                    rootCause(error).getClass().getSimpleName(), k -> new LongAdder())
                                            .increment();
                                    return;
                                }
                                int status = response.statusCode();
                                statuses.computeIfAbsent(status, k -> new LongAdder())
                                        .increment();
                                if (status == 202) {
                                    accepted.add(id);
                                } else if (status == 503
                                        && response.headers()
                                                .firstValue("Retry-After")
                                                .isEmpty()) {
                                    withoutRetryAfter.increment();
                                }
                            } finally {
                                open.release();
                            }
                        });
            }
            long offeredNanos = System.nanoTime() - start;
            // every request has a 30 s timeout, so all permits come back within it
            if (!open.tryAcquire(connections, 60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("requests still open 60 s after the last was sent");
            }
            long answeredNanos = System.nanoTime() - start;
            sampler.shutdownNow();
            Set<String> stored = readBack(run);
            Set<String> missing = new HashSet<>(accepted);
            missing.removeAll(stored);
            long other5xx = statuses.entrySet().stream()
                    .filter(e -> e.getKey() >= 500 && e.getKey() != 503)
                    .mapToLong(e -> e.getValue().sum())
                    .sum();
            Map<Integer, Long> byStatus = new TreeMap<>();
            statuses.forEach((status, n) -> byStatus.put(status, n.sum()));

            out.printf(
                    "offered %d in %.1f s (%.0f/s); all answered after %.1f s; %d not sent (client bound of %d)%n",
                    total - notSent.sum(),
                    offeredNanos / 1e9,
                    (total - notSent.sum()) / (offeredNanos / 1e9),
                    answeredNanos / 1e9,
                    notSent.sum(),
                    connections);
            out.printf(
                    "answers: %s; no answer (connection): %d %s%n",
                    byStatus, transportErrors.sum(), errorKinds.isEmpty() ? "" : errorKinds);
            out.printf(
                    "accepted (202): %d, %.0f/s over the run; in news.articles.raw: %d of them, %d missing%n",
                    accepted.size(),
                    accepted.size() / (answeredNanos / 1e9),
                    accepted.size() - missing.size(),
                    missing.size());
            out.printf("503 without Retry-After: %d; other 5xx: %d%n", withoutRetryAfter.sum(), other5xx);
            if (pidFile.isPresent()) {
                out.printf(
                        "ingest-service RSS: %d MiB before, %d MiB peak (sampled every 200 ms)%n",
                        startRss / 1024, Math.max(startRss, peakRssKib.get()) / 1024);
            }
            boolean ok = missing.isEmpty() && withoutRetryAfter.sum() == 0 && other5xx == 0;
            out.println(ok ? "loadtest: OK" : "loadtest: FAILED " + (missing.isEmpty() ? "" : "missing " + missing));
            return ok ? 0 : 1;
        } finally {
            sampler.shutdownNow();
        }
    }

    /** The ids of this run's articles in {@code news.articles.raw}, read committed up to the current end. */
    private Set<String> readBack(String run) {
        Map<String, Object> props = ClientConfigs.committedReader(settings.kafkaProperties());
        Set<String> ids = new HashSet<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(TopicNames.RAW_ARTICLES, Duration.ofSeconds(10)).stream()
                            .map(p -> new TopicPartition(p.topic(), p.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read news.articles.raw to its end within 120 s");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key() != null && record.key().startsWith(run + "-")) {
                        ids.add(record.key());
                    }
                }
            }
        }
        return ids;
    }

    private static String article(String id, int n) {
        return "{\"id\":\"" + id + "\",\"title\":\"Load test article " + n + "\",\"body\":\"Article " + n
                + " of a load test: France and Germany signed a trade agreement in Paris on Monday.\"}";
    }

    private static Optional<Long> rssKib(Path pidFile) {
        try {
            String pid = Files.readAllLines(pidFile).get(0).trim();
            for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Optional.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // the process is gone or /proc is not Linux's: no sample
        }
        return Optional.empty();
    }

    private static Throwable rootCause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static int positive(Args args, String name, int fallback) {
        return args.option(name)
                .map(v -> {
                    try {
                        int n = Integer.parseInt(v);
                        if (n < 1) {
                            throw new NumberFormatException();
                        }
                        return n;
                    } catch (NumberFormatException e) {
                        throw new UsageException("--" + name + ": '" + v + "' is not a positive whole number");
                    }
                })
                .orElse(fallback);
    }
}
