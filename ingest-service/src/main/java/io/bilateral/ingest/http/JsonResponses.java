package io.bilateral.ingest.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes small JSON answers; every answer of the API is a JSON object, errors included. */
final class JsonResponses {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonResponses() {}

    static void send(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
        byte[] bytes;
        try {
            bytes = MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            // A map of strings always serialises; reaching this is a programming error.
            throw new IllegalStateException("cannot write JSON answer " + body, e);
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** {@code {"error": message}}, plus {@code "field"} when one field is at fault. */
    static void error(HttpExchange exchange, int status, String message, String field) throws IOException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", message);
        if (field != null) {
            body.put("field", field);
        }
        send(exchange, status, body);
    }

    /** 405 with the {@code Allow} header listing what the resource accepts. */
    static void methodNotAllowed(HttpExchange exchange, String allowed) throws IOException {
        exchange.getResponseHeaders().set("Allow", allowed);
        error(
                exchange,
                405,
                "method " + exchange.getRequestMethod() + " is not allowed on "
                        + exchange.getRequestURI().getPath() + " (allowed: " + allowed + ")",
                null);
    }
}
