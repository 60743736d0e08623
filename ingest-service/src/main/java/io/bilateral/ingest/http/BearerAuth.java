package io.bilateral.ingest.http;

import com.sun.net.httpserver.HttpHandler;
import io.bilateral.ingest.intake.IngestMetrics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Lets a request through only with {@code Authorization: Bearer <token>}; 401 otherwise. Tokens are compared as
 * SHA-256 digests with {@link MessageDigest#isEqual}, which takes the same time wherever they differ, so response
 * times do not leak the token a prefix at a time.
 */
final class BearerAuth {

    private final byte[] expected;
    private final IngestMetrics metrics;

    BearerAuth(String token, IngestMetrics metrics) {
        this.expected = digest(token);
        this.metrics = metrics;
    }

    HttpHandler protect(HttpHandler handler) {
        return exchange -> {
            String problem = problem(exchange.getRequestHeaders().getFirst("Authorization"));
            if (problem == null) {
                handler.handle(exchange);
                return;
            }
            try (exchange) {
                metrics.rejected("unauthorized");
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"bilateral-ingest\"");
                JsonResponses.error(exchange, 401, problem, null);
            } catch (IOException e) {
                // the client went away; nothing to answer
            }
        };
    }

    private String problem(String header) {
        if (header == null || header.isBlank()) {
            return "missing bearer token: send Authorization: Bearer <token>";
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return "unsupported authorization scheme: send Authorization: Bearer <token>";
        }
        return MessageDigest.isEqual(expected, digest(header.substring(7).strip())) ? null : "invalid bearer token";
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            // every Java platform provides SHA-256
            throw new IllegalStateException(e);
        }
    }
}
