package io.bilateral.ingest.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;

/** Everything outside the API's resources: a JSON 404 rather than the server's HTML page. */
final class NotFoundHandler implements HttpHandler {

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonResponses.error(
                    exchange,
                    404,
                    "no such resource: " + exchange.getRequestURI().getPath()
                            + " (try POST /articles, POST /articles:batch, GET /healthz, GET /readyz or GET /metrics)",
                    null);
        }
    }
}
