package io.bilateral.ingest.http;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.bilateral.ingest.article.ArticleValidator;
import io.bilateral.ingest.config.HttpSettings;
import io.bilateral.ingest.intake.ArticleIntake;
import io.bilateral.ingest.intake.IngestMetrics;
import io.bilateral.ingest.intake.RecentIds;
import io.bilateral.ingest.publish.ArticlePublisher;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest HTTP API on the JDK's built-in server: {@code POST /articles}, {@code POST /articles:batch},
 * {@code GET /healthz}, {@code GET /readyz}, {@code GET /metrics}. Requests run on a
 * bounded pool ({@code threads} workers, {@code queue} waiting). A request that waited longer than
 * {@code maxQueueWait} is answered 503 with {@code Retry-After} without reading its body ({@link LoadShedding}), so
 * overload is answered, quickly, instead of piling up; only when the queue itself is full does the server close new
 * connections (a waiting request holds no body yet, so the queue is cheap, but not unbounded).
 */
public final class IngestServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IngestServer.class);

    private final HttpServer server;
    private final ExecutorService executor;
    private final InFlightRequests inFlight;
    private final HttpSettings settings;

    private IngestServer(
            HttpServer server, ExecutorService executor, InFlightRequests inFlight, HttpSettings settings) {
        this.server = server;
        this.executor = executor;
        this.inFlight = inFlight;
        this.settings = settings;
    }

    /**
     * Binds {@code settings.host():settings.port()} and starts serving; port 0 picks a free port. With a
     * {@code token}, every resource but {@code /healthz} and {@code /readyz} needs it as a bearer token.
     */
    public static IngestServer start(
            HttpSettings settings, ArticleIntake intake, List<ReadinessCheck> readiness, Optional<String> token)
            throws IOException {
        return start(settings, intake, readiness, token, System::nanoTime);
    }

    /** {@link #start(HttpSettings, ArticleIntake, List, Optional)} measuring queue waits on {@code nanoTime}. */
    static IngestServer start(
            HttpSettings settings,
            ArticleIntake intake,
            List<ReadinessCheck> readiness,
            Optional<String> token,
            LongSupplier nanoTime)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 0);
        ExecutorService executor = boundedExecutor(settings.threads(), settings.queue());
        InFlightRequests inFlight = new InFlightRequests();
        IngestMetrics metrics = intake.metrics();
        UnaryOperator<HttpHandler> guard =
                token.isPresent() ? new BearerAuth(token.get(), metrics)::protect : UnaryOperator.identity();
        LoadShedding shedding = new LoadShedding(settings.maxQueueWait(), metrics, nanoTime);
        server.setExecutor(shedding.timing(executor));
        Map<String, HttpHandler> handlers = new LinkedHashMap<>();
        handlers.put(
                ArticlesHandler.PATH,
                guard.apply(new ArticlesHandler(intake, settings.maxBodyBytes(), settings.ackTimeout())));
        handlers.put(
                BatchHandler.PATH,
                guard.apply(new BatchHandler(
                        intake, settings.maxBatchBytes(), settings.maxBatchItems(), settings.ackTimeout())));
        handlers.put("/metrics", guard.apply(new MetricsHandler(metrics)));
        handlers.put("/healthz", new HealthHandler());
        handlers.put("/readyz", new ReadyHandler(readiness));
        handlers.put("/", guard.apply(new NotFoundHandler()));
        handlers.forEach((path, handler) -> {
            HttpHandler served = inFlight.track(timed(path, handler, metrics));
            // health checks answer even under overload: a busy service is alive and ready, only full
            server.createContext(
                    path, path.equals("/healthz") || path.equals("/readyz") ? served : shedding.guard(served));
        });
        server.start();
        return new IngestServer(server, executor, inFlight, settings);
    }

    /** A server without authentication whose readiness checks always pass (tests). */
    public static IngestServer start(HttpSettings settings, ArticleValidator validator, ArticlePublisher publisher)
            throws IOException {
        return start(
                settings,
                new ArticleIntake(validator, publisher, new RecentIds(RecentIds.DEFAULT_CAPACITY), new IngestMetrics()),
                List.of(),
                Optional.empty());
    }

    private static HttpHandler timed(String path, HttpHandler handler, IngestMetrics metrics) {
        String label = path.equals("/") ? "other" : path;
        return exchange -> {
            long start = System.nanoTime();
            try {
                handler.handle(exchange);
            } finally {
                metrics.requestLatency(label, Duration.ofNanos(System.nanoTime() - start));
            }
        };
    }

    /** The port actually bound. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The base URI, e.g. {@code http://127.0.0.1:8080}. */
    public URI uri() {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + port());
    }

    /**
     * Lets running requests finish (each waits at most the ack timeout for the broker), answering 503 to new ones,
     * then stops the server and its workers. Call before closing the publisher, which the running requests still use.
     */
    @Override
    public void close() {
        try {
            if (!inFlight.drain(settings.ackTimeout().plusSeconds(1))) {
                log.warn("HTTP requests still running after {}; cutting them off", settings.ackTimeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.stop(0);
        executor.shutdownNow();
    }

    private static ExecutorService boundedExecutor(int threads, int queue) {
        BlockingQueue<Runnable> waiting = queue == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queue);
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = task -> {
            Thread thread = new Thread(task, "ingest-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        return new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, waiting, factory, (task, pool) -> {
            // The JDK server closes the connection when the executor refuses; say why in the log.
            log.warn("Refusing a connection: all {} HTTP workers busy and {} requests waiting", threads, queue);
            throw new RejectedExecutionException("HTTP request queue full");
        });
    }
}
