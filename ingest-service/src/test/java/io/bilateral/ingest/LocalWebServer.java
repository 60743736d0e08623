package io.bilateral.ingest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;

/**
 * A JDK HTTP server on 127.0.0.1 serving what a test puts at a path — feeds, pages, and hostile answers (redirect
 * loops, gzip bombs, servers that stall). It records the requests it got, so tests can check conditional headers.
 */
public final class LocalWebServer implements AutoCloseable {

    /** One request as received. */
    public record Request(String path, Map<String, List<String>> headers) {
        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null ? null : values.get(0);
        }
    }

    private final HttpServer server;
    private final Map<String, HttpHandler> routes = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    /** Released on close: handlers that stall wait on it, so no test thread outlives the server. */
    private final CountDownLatch closing = new CountDownLatch(1);

    public LocalWebServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "local-web-server");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", exchange -> {
            requests.add(new Request(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders())));
            HttpHandler handler = routes.get(exchange.getRequestURI().getPath());
            try (exchange) {
                if (handler == null) {
                    exchange.sendResponseHeaders(404, -1);
                } else {
                    handler.handle(exchange);
                }
            } catch (IOException e) {
                // the client gave up (timeouts, size limits): expected in these tests
            }
        });
        server.start();
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public LocalWebServer route(String path, HttpHandler handler) {
        routes.put(path, handler);
        return this;
    }

    /** Serves {@code body} with status 200 and {@code contentType}. */
    public LocalWebServer serve(String path, String contentType, String body) {
        return serve(path, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    public LocalWebServer serve(String path, String contentType, byte[] body) {
        return route(path, exchange -> {
            exchange.getResponseHeaders().set("Content-Type", contentType);
            send(exchange, 200, body);
        });
    }

    /** Answers {@code status} with a Location header. */
    public LocalWebServer redirect(String path, int status, String location) {
        return route(path, exchange -> {
            exchange.getResponseHeaders().set("Location", location);
            exchange.sendResponseHeaders(status, -1);
        });
    }

    /** Sends the headers of a 200 and then nothing until the server closes (slow-loris). */
    public LocalWebServer stall(String path) {
        return route(path, exchange -> {
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write('<');
            exchange.getResponseBody().flush();
            await();
        });
    }

    /** Streams bytes without end, one flush per byte group, until the client goes away. */
    public LocalWebServer endless(String path) {
        return route(path, exchange -> {
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            byte[] chunk = "<rss>".getBytes(StandardCharsets.UTF_8);
            while (closing.getCount() > 0) {
                out.write(chunk);
                out.flush();
            }
        });
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requests(String path) {
        return requests.stream().filter(request -> request.path().equals(path)).toList();
    }

    public static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** {@code text} gzip-compressed. */
    public static byte[] gzip(byte[] text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private void await() {
        try {
            closing.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
    }
}
