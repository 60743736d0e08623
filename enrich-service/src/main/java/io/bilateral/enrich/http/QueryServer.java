package io.bilateral.enrich.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.bilateral.serde.AvroJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relations query API and dashboard on the JDK's HTTP server: JSON under {@code /pairs} and
 * {@code /countries}, health under {@code /healthz} and {@code /readyz}, the dashboard page at {@code /}.
 */
public final class QueryServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(QueryServer.class);
    private static final Pattern PAIR = Pattern.compile("/pairs/([A-Z]{3})-([A-Z]{3})(/events)?");
    private static final Pattern COUNTRY = Pattern.compile("/countries/([A-Z]{3})/pairs");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final RelationsQueries queries;
    private final byte[] dashboard;

    public QueryServer(String host, int port, RelationsQueries queries) throws IOException {
        this.queries = queries;
        this.dashboard = resource("/dashboard/index.html");
        this.server = HttpServer.create(new InetSocketAddress(host, port), 64);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
    }

    public QueryServer start() {
        server.start();
        LOG.info("Relations API and dashboard on http://{}:{}/", server.getAddress().getHostString(), port());
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                send(exchange, 405, error("method " + exchange.getRequestMethod() + " not allowed; use GET"));
                return;
            }
            String path = exchange.getRequestURI().getPath();
            try {
                route(exchange, path);
            } catch (InvalidStateStoreException e) {
                send(exchange, 503, error("state stores are not ready yet (" + e.getMessage() + "); retry shortly"));
            }
        }
    }

    private void route(HttpExchange exchange, String path) throws IOException {
        Matcher pair = PAIR.matcher(path);
        Matcher country = COUNTRY.matcher(path);
        if (path.equals("/") || path.equals("/index.html")) {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'self'; script-src 'self' 'unsafe-inline'");
            exchange.sendResponseHeaders(200, dashboard.length);
            exchange.getResponseBody().write(dashboard);
        } else if (path.equals("/healthz")) {
            send(exchange, 200, JsonNodeFactory.instance.objectNode().put("status", "ok"));
        } else if (path.equals("/readyz")) {
            boolean ready = queries.ready();
            send(exchange, ready ? 200 : 503, JsonNodeFactory.instance.objectNode().put("ready", ready));
        } else if (path.equals("/pairs")) {
            send(exchange, 200, array(queries.pairs()));
        } else if (pair.matches()) {
            String pairId = pair.group(1) + "-" + pair.group(2);
            if (pair.group(1).compareTo(pair.group(2)) >= 0) {
                send(exchange, 400, error("pair: '" + pairId + "' must be two different alpha-3 codes in alphabetical order, e.g. IRN-UZB"));
            } else if (pair.group(3) != null) {
                send(exchange, 200, array(queries.events(pairId)));
            } else {
                var summary = queries.pair(pairId);
                if (summary.isPresent()) {
                    send(exchange, 200, AvroJson.toJson(summary.get()));
                } else {
                    send(exchange, 404, error("pair " + pairId + " has no events"));
                }
            }
        } else if (country.matches()) {
            send(exchange, 200, array(queries.pairsOf(country.group(1))));
        } else {
            send(exchange, 404, error("no such resource: " + path
                    + " (try /pairs, /pairs/IRN-UZB, /pairs/IRN-UZB/events, /countries/IRN/pairs)"));
        }
    }

    private static ArrayNode array(List<? extends SpecificRecord> records) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        records.forEach(r -> array.add(AvroJson.toJson(r)));
        return array;
    }

    private static ObjectNode error(String message) {
        return JsonNodeFactory.instance.objectNode().put("error", message);
    }

    private static void send(HttpExchange exchange, int status, Object json) throws IOException {
        byte[] body = json.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = QueryServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(1);
        executor.shutdownNow();
    }
}
