package io.bilateral.ingest.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.bilateral.ingest.article.ArticleJson;
import io.bilateral.ingest.article.InvalidArticleException;
import io.bilateral.ingest.files.TextFiles;
import io.bilateral.ingest.files.UnreadableFileException;
import io.bilateral.ingest.intake.IngestMetrics;
import java.io.IOException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The envelope every article POST shares, in one place: the exact path, POST only, an accepted content type, a body
 * read up to a limit (413 past it), UTF-8 text (400 otherwise), and JSON problems answered 400 with what was wrong.
 * Each refusal is counted by reason. Subclasses only turn the decoded text into articles.
 */
abstract class JsonPostHandler implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(JsonPostHandler.class);

    private final String path;
    private final Set<String> accepted;
    private final String acceptedHint;
    private final int maxBytes;
    private final IngestMetrics metrics;

    JsonPostHandler(String path, Set<String> accepted, String acceptedHint, int maxBytes, IngestMetrics metrics) {
        this.path = path;
        this.accepted = accepted;
        this.acceptedHint = acceptedHint;
        this.maxBytes = maxBytes;
        this.metrics = metrics;
    }

    /**
     * Answers a request whose body was read and decoded.
     *
     * @param mediaType the request's media type, one of the accepted ones
     * @throws InvalidArticleException when the body as a whole is not what the endpoint takes (answered 400)
     */
    abstract void respond(HttpExchange exchange, String mediaType, String body)
            throws IOException, JsonProcessingException, InvalidArticleException;

    /** The metrics reason for an {@link InvalidArticleException} out of {@link #respond}. */
    abstract String invalidReason(InvalidArticleException e);

    @Override
    public final void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            read(exchange);
        } catch (IOException e) {
            // The client went away mid-exchange; there is no one left to answer.
            log.debug("Connection to {} lost: {}", exchange.getRemoteAddress(), e.toString());
        }
    }

    private void read(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getPath().equals(path)) {
            JsonResponses.error(
                    exchange,
                    404,
                    "no such resource: " + exchange.getRequestURI().getPath(),
                    null);
            return;
        }
        if (!exchange.getRequestMethod().equals("POST")) {
            JsonResponses.methodNotAllowed(exchange, "POST");
            return;
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        String unsupported = RequestBodies.unsupported(contentType, accepted, acceptedHint);
        if (unsupported != null) {
            metrics.rejected("unsupported_media_type");
            JsonResponses.error(exchange, 415, unsupported, null);
            return;
        }
        byte[] bytes = RequestBodies.read(exchange, maxBytes);
        if (bytes == null) {
            metrics.rejected("too_large");
            JsonResponses.error(exchange, 413, "request body exceeds the limit of " + maxBytes + " bytes", null);
            return;
        }
        try {
            respond(exchange, RequestBodies.mediaType(contentType), TextFiles.decode("request body", bytes));
        } catch (UnreadableFileException e) {
            metrics.rejected("not_utf8");
            JsonResponses.error(exchange, 400, e.getMessage(), null);
        } catch (JsonProcessingException e) {
            metrics.rejected("malformed_json");
            JsonResponses.error(exchange, 400, ArticleJson.describe(e), null);
        } catch (InvalidArticleException e) {
            metrics.rejected(invalidReason(e));
            JsonResponses.error(exchange, 400, e.getMessage(), e.field());
        }
    }
}
