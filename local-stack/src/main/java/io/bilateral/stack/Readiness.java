package io.bilateral.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;

/**
 * Waits until a part of the stack answers, polling until a deadline; on failure throws a
 * {@link NotReadyException} that names the part, what it was waiting for, and its log file (with the
 * last lines of it). The deadline is set when the instance is created and shared by all its waits.
 *
 * <pre>{@code
 * Readiness.of("broker", logFile, Duration.ofSeconds(60)).watching(process.handle()).awaitBroker("127.0.0.1:9092");
 * }</pre>
 */
public final class Readiness {

    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    private static final int LOG_TAIL_LINES = 15;

    private final String what;
    private final Path logFile;
    private final Duration timeout;
    private final long deadlineNanos;
    private final Optional<ProcessHandle> process;

    private Readiness(
            String what, Path logFile, Duration timeout, long deadlineNanos, Optional<ProcessHandle> process) {
        this.what = what;
        this.logFile = logFile;
        this.timeout = timeout;
        this.deadlineNanos = deadlineNanos;
        this.process = process;
    }

    /**
     * @param what the part being waited for, as the user knows it, e.g. {@code "broker"}
     * @param logFile where that part logs
     * @param timeout how long all waits of this instance may take together
     */
    public static Readiness of(String what, Path logFile, Duration timeout) {
        return new Readiness(what, logFile, timeout, System.nanoTime() + timeout.toNanos(), Optional.empty());
    }

    /** Fails as soon as {@code process} exits instead of waiting out the deadline. */
    public Readiness watching(ProcessHandle handle) {
        return new Readiness(what, logFile, timeout, deadlineNanos, Optional.of(handle));
    }

    /** Whether something accepts TCP connections on {@code host:port} right now. */
    public static boolean isListening(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) CONNECT_TIMEOUT.toMillis());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits until {@code host:port} accepts TCP connections. */
    public void awaitPort(String host, int port) {
        String condition = host + ":" + port + " accepting connections";
        while (!isListening(host, port)) {
            pause(condition);
        }
    }

    /** Waits until a GET of {@code uri} answers 200. */
    public void awaitHttpOk(URI uri) {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
        HttpRequest request =
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build();
        String condition = "GET " + uri + " answering 200";
        while (true) {
            try {
                int status = client.send(request, HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                if (status == 200) {
                    return;
                }
                condition = "GET " + uri + " answering 200 (last answer: " + status + ")";
            } catch (IOException e) {
                // not listening yet, or reset while starting: poll again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw notReady("interrupted while waiting for " + condition);
            }
            pause(condition);
        }
    }

    /** Waits until the broker at {@code bootstrapServers} accepts connections and describes its cluster. */
    public void awaitBroker(String bootstrapServers) {
        String first = bootstrapServers.split(",")[0].trim();
        int colon = first.lastIndexOf(':');
        awaitPort(first.substring(0, colon), Integer.parseInt(first.substring(colon + 1)));
        int remainingMs = (int) Math.max(1000, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, remainingMs,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(remainingMs, 5000));
        String condition = "a cluster description from " + bootstrapServers;
        try (Admin admin = Admin.create(config)) {
            Collection<Node> nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(remainingMs))
                    .nodes()
                    .get(remainingMs, TimeUnit.MILLISECONDS);
            if (nodes.isEmpty()) {
                throw notReady("waited for " + condition + " but it lists no brokers");
            }
        } catch (ExecutionException | TimeoutException e) {
            throw notReady("waited " + describe(timeout) + " for " + condition + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw notReady("interrupted while waiting for " + condition);
        }
    }

    /** Waits one poll interval; fails if the deadline has passed or the watched process exited. */
    private void pause(String condition) {
        if (System.nanoTime() - deadlineNanos >= 0) {
            throw notReady("did not come up within " + describe(timeout) + " (waited for " + condition + ")");
        }
        try {
            if (process.isPresent()) {
                // doubles as the poll interval: returns early if the process exits
                process.get().onExit().get(POLL.toMillis(), TimeUnit.MILLISECONDS);
                throw notReady(
                        "exited (pid " + process.get().pid() + ") before it was ready (waited for " + condition + ")");
            }
            Thread.sleep(POLL.toMillis());
        } catch (TimeoutException e) {
            // still running: poll again
        } catch (ExecutionException e) {
            throw new IllegalStateException("watching pid " + process.get().pid() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw notReady("interrupted while waiting for " + condition);
        }
    }

    private NotReadyException notReady(String problem) {
        StringBuilder message = new StringBuilder(what)
                .append(' ')
                .append(problem)
                .append("; see ")
                .append(logFile);
        List<String> tail = tail(logFile);
        if (!tail.isEmpty()) {
            message.append(System.lineSeparator()).append("last lines of the log:");
            tail.forEach(
                    line -> message.append(System.lineSeparator()).append("  ").append(line));
        }
        return new NotReadyException(message.toString(), logFile);
    }

    /** "300 ms" or "60 s": timeouts in messages, readable at either scale. */
    static String describe(Duration duration) {
        return duration.compareTo(Duration.ofSeconds(1)) < 0
                ? duration.toMillis() + " ms"
                : duration.toSeconds() + " s";
    }

    static List<String> tail(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            return List.of();
        }
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            List<String> all = lines.toList();
            return all.subList(Math.max(0, all.size() - LOG_TAIL_LINES), all.size());
        } catch (IOException | UncheckedIOException e) {
            return List.of("(log unreadable: " + e + ")");
        }
    }
}
