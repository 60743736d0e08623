package io.bilateral.enrich.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.bilateral.enrich.topology.RelationsTopology;
import io.bilateral.schemas.PairSummary;
import io.bilateral.schemas.RelationshipEvent;
import io.bilateral.serde.AvroJson;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relations query API and dashboard on the JDK's HTTP server: JSON under {@code /pairs} and {@code /countries},
 * pair figures over any time window or category under {@code /relations} (CSV: {@code /pairs.csv}), a pair's events
 * as JSON or CSV, Server-Sent Events under {@code /events/stream}, health under {@code /healthz} and {@code /readyz},
 * the dashboard page at {@code /} with its files under {@code /assets/}.
 *
 * <p>With several instances, a request for one pair goes to the instance that owns the pair (the caller never
 * needs to know which), and a list gathers every instance's part; {@code ?scope=local} asks one instance for its own
 * part only, which is how instances ask each other.
 */
public final class QueryServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(QueryServer.class);
    private static final Pattern PAIR = Pattern.compile("/pairs/([A-Z]{3})-([A-Z]{3})(/events(\\.csv|\\.json)?)?");
    private static final Pattern COUNTRY = Pattern.compile("/countries/([A-Z]{3})/pairs");
    private static final Pattern COUNTRY_PARAM = Pattern.compile("(?:^|&)country=([A-Z]{3})(?:&|$)");
    private static final String LOCAL = "scope=local";
    private static final String CSV = "text/csv; charset=utf-8";
    private static final String JSON = "application/json";
    /** Scripts only from this service, so nothing an article says can ever run in the page. */
    private static final String PAGE_POLICY =
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                    + "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    private static final Duration PEER_TIMEOUT = Duration.ofSeconds(5);

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final RelationsQueries queries;
    private final EventStream events;
    private final HttpClient peers =
            HttpClient.newBuilder().connectTimeout(PEER_TIMEOUT).build();
    private final Assets assets = new Assets();

    /** @param events the live event stream, or null to serve no {@code /events/stream} */
    public QueryServer(String host, int port, RelationsQueries queries, EventStream events) throws IOException {
        this.queries = queries;
        this.events = events;
        if (assets.find("index.html").isEmpty()) {
            throw new IllegalStateException("missing resource /dashboard/index.html");
        }
        this.server = HttpServer.create(new InetSocketAddress(host, port), 64);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
    }

    public QueryServer start() {
        server.start();
        log.info(
                "Relations API and dashboard on http://{}:{}/",
                server.getAddress().getHostString(),
                port());
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if ("GET".equals(exchange.getRequestMethod()) && path.equals("/events/stream") && events != null) {
            streamEvents(exchange);
            return; // the stream keeps the exchange open
        }
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                send(exchange, 405, error("method " + exchange.getRequestMethod() + " not allowed; use GET"));
                return;
            }
            try {
                route(exchange, path);
            } catch (IllegalArgumentException e) {
                send(exchange, 400, error(e.getMessage()));
            } catch (InvalidStateStoreException e) {
                send(exchange, 503, error("state stores are not ready (" + e.getMessage() + "); retry shortly"));
            }
        }
    }

    private void streamEvents(HttpExchange exchange) throws IOException {
        String query = Optional.ofNullable(exchange.getRequestURI().getQuery()).orElse("");
        Matcher country = COUNTRY_PARAM.matcher(query);
        if (!query.isEmpty() && !country.find()) {
            try (exchange) {
                send(exchange, 400, error("country: expected an alpha-3 code, e.g. /events/stream?country=IRN"));
            }
            return;
        }
        events.subscribe(exchange, query.isEmpty() ? null : country.group(1));
    }

    private void route(HttpExchange exchange, String path) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        boolean local = "local".equals(EventFilter.params(query).get("scope"));
        Matcher pair = PAIR.matcher(path);
        Matcher country = COUNTRY.matcher(path);
        if (path.equals("/") || path.equals("/index.html")) {
            exchange.getResponseHeaders().set("Content-Security-Policy", PAGE_POLICY);
            asset(exchange, "index.html");
        } else if (path.startsWith("/assets/")) {
            asset(exchange, path.substring("/assets/".length()));
        } else if (path.equals("/favicon.ico")) {
            asset(exchange, "favicon.svg");
        } else if (path.equals("/healthz")) {
            send(exchange, 200, JsonNodeFactory.instance.objectNode().put("status", "ok"));
        } else if (path.equals("/readyz")) {
            boolean ready = queries.ready();
            send(
                    exchange,
                    ready ? 200 : 503,
                    JsonNodeFactory.instance.objectNode().put("ready", ready));
        } else if (path.equals("/pairs")) {
            send(exchange, 200, gather(path, local, p -> true));
        } else if (path.equals("/relations") || path.equals("/pairs.csv")) {
            List<PairFigures> figures = relations(EventFilter.parse(query), query, local);
            if (path.endsWith(".csv")) {
                Csv csv = new Csv(PairFigures.CSV_HEADER);
                figures.forEach(f -> csv.row(f.csvRow()));
                sendText(exchange, 200, CSV, csv.toString(), "pairs.csv");
            } else {
                send(exchange, 200, AvroJson.mapper().valueToTree(figures));
            }
        } else if (country.matches()) {
            String code = country.group(1);
            send(
                    exchange,
                    200,
                    gather(
                            path,
                            local,
                            p -> p.getCountryA().equals(code) || p.getCountryB().equals(code)));
        } else if (pair.matches()) {
            pair(exchange, pair, local);
        } else {
            send(
                    exchange,
                    404,
                    error("no such resource: " + path
                            + " (try /pairs, /pairs/IRN-UZB, /pairs/IRN-UZB/events, /pairs/IRN-UZB/events.csv,"
                            + " /countries/IRN/pairs, /relations?from=2021-12-01&quad=1, /pairs.csv,"
                            + " /events/stream?country=IRN)"));
        }
    }

    private void asset(HttpExchange exchange, String name) throws IOException {
        Optional<Assets.Asset> asset = assets.find(name);
        if (asset.isEmpty()) {
            send(exchange, 404, error("no such file: " + name));
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", asset.get().contentType());
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, asset.get().body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(asset.get().body());
        }
    }

    private void pair(HttpExchange exchange, Matcher pair, boolean local) throws IOException {
        String pairId = pair.group(1) + "-" + pair.group(2);
        boolean events = pair.group(3) != null;
        boolean csv = ".csv".equals(pair.group(4));
        if (pair.group(1).compareTo(pair.group(2)) >= 0) {
            send(
                    exchange,
                    400,
                    error("pair: '" + pairId
                            + "' must be two different alpha-3 codes in alphabetical order, e.g. IRN-UZB"));
            return;
        }
        String query = exchange.getRequestURI().getRawQuery();
        EventFilter filter = EventFilter.parse(query);
        Optional<HostInfo> owner = local
                ? Optional.empty()
                : queries.remoteOwner(events ? RelationsTopology.CLUSTER_STORE : RelationsTopology.PAIRS_STORE, pairId);
        if (owner.isPresent()) {
            String path = exchange.getRequestURI().getRawPath();
            HttpResponse<String> answer = ask(owner.get(), query == null ? path : path + "?" + query);
            sendText(
                    exchange,
                    answer.statusCode(),
                    answer.headers().firstValue("Content-Type").orElse(JSON),
                    answer.body(),
                    csv ? pairId + "-events.csv" : null);
        } else if (events) {
            List<RelationshipEvent> list =
                    queries.events(pairId).stream().filter(filter::test).toList();
            if (csv) {
                sendText(exchange, 200, CSV, EventsCsv.of(list), pairId + "-events.csv");
            } else {
                send(exchange, 200, array(list));
            }
        } else {
            Optional<PairSummary> summary = queries.pair(pairId);
            if (summary.isPresent()) {
                send(exchange, 200, AvroJson.toJson(summary.get()));
            } else {
                send(exchange, 404, error("pair " + pairId + " has no events"));
            }
        }
    }

    /** The figures of this instance's pairs, plus the other instances' unless {@code local}, in ranking order. */
    private List<PairFigures> relations(EventFilter filter, String query, boolean local) throws IOException {
        List<PairFigures> all = new ArrayList<>(PairFigures.of(queries.allEvents(), filter));
        if (!local) {
            String ask = "/relations?" + (query == null || query.isEmpty() ? "" : query + "&") + LOCAL;
            for (HostInfo peer : queries.peers()) {
                HttpResponse<String> answer = ask(peer, ask);
                if (answer.statusCode() != 200) {
                    throw new InvalidStateStoreException("instance " + peer + " answered " + answer.statusCode());
                }
                all.addAll(AvroJson.mapper().readValue(answer.body(), new TypeReference<List<PairFigures>>() {}));
            }
        }
        all.sort(PairFigures.RANKING);
        return all;
    }

    /** This instance's pairs, plus the other instances' unless {@code local}; most events (then articles) first. */
    private ArrayNode gather(String path, boolean local, Predicate<PairSummary> filter) throws IOException {
        ArrayNode all = JsonNodeFactory.instance.arrayNode();
        queries.pairs().stream().filter(filter).forEach(p -> all.add(AvroJson.toJson(p)));
        if (!local) {
            for (HostInfo peer : queries.peers()) {
                HttpResponse<String> answer = ask(peer, path + "?" + LOCAL);
                if (answer.statusCode() != 200) {
                    throw new InvalidStateStoreException("instance " + peer + " answered " + answer.statusCode());
                }
                AvroJson.mapper().readTree(answer.body()).forEach(all::add);
            }
        }
        List<JsonNode> sorted = new ArrayList<>();
        all.forEach(sorted::add);
        sorted.sort(Comparator.comparing((JsonNode n) -> -n.path("eventCount").asInt())
                .thenComparing(n -> -n.path("articleCount").asInt())
                .thenComparing(n -> n.path("pairId").asText()));
        ArrayNode result = JsonNodeFactory.instance.arrayNode();
        sorted.forEach(result::add);
        return result;
    }

    private HttpResponse<String> ask(HostInfo peer, String pathAndQuery) throws IOException {
        try {
            return peers.send(
                    HttpRequest.newBuilder(URI.create("http://" + peer.host() + ":" + peer.port() + pathAndQuery))
                            .timeout(PEER_TIMEOUT)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking " + peer, e);
        } catch (IOException e) {
            throw new InvalidStateStoreException("instance " + peer + " did not answer: " + e.getMessage());
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
        sendRaw(exchange, status, json.toString());
    }

    private static void sendRaw(HttpExchange exchange, int status, String json) throws IOException {
        sendText(exchange, status, JSON, json, null);
    }

    /** @param download the file name a browser saves the answer as, or null to show it */
    private static void sendText(HttpExchange exchange, int status, String contentType, String text, String download)
            throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        if (download != null && status == 200) {
            exchange.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"" + download + "\"");
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
