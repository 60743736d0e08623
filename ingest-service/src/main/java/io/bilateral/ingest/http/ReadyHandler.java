package io.bilateral.ingest.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /readyz}: 200 when every dependency (broker, registry) answers, else 503 naming the one that does not.
 * Unlike {@code /healthz} this is for load balancers: an instance that cannot store articles should get no traffic.
 */
final class ReadyHandler implements HttpHandler {

    private final List<ReadinessCheck> checks;

    ReadyHandler(List<ReadinessCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!exchange.getRequestURI().getPath().equals("/readyz")) {
                JsonResponses.error(
                        exchange,
                        404,
                        "no such resource: " + exchange.getRequestURI().getPath(),
                        null);
                return;
            }
            if (!method.equals("GET") && !method.equals("HEAD")) {
                JsonResponses.methodNotAllowed(exchange, "GET, HEAD");
                return;
            }
            Map<String, String> results = new LinkedHashMap<>();
            boolean ready = true;
            for (ReadinessCheck check : checks) {
                Optional<String> problem = check.problem();
                ready &= problem.isEmpty();
                results.put(check.name(), problem.orElse("ok"));
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", ready ? "ready" : "not ready");
            body.put("checks", results);
            JsonResponses.send(exchange, ready ? 200 : 503, body);
        }
    }
}
