package io.bilateral.ingest.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.bilateral.ingest.article.ArticleDraft;
import io.bilateral.ingest.article.ArticleJson;
import io.bilateral.ingest.article.InvalidArticleException;
import io.bilateral.ingest.files.TextFiles;
import io.bilateral.ingest.files.UnreadableFileException;
import io.bilateral.ingest.intake.ArticleIntake;
import io.bilateral.ingest.intake.IngestMetrics;
import io.bilateral.ingest.intake.Outcome;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /articles}: one article as JSON ({@link ArticleJson}). Answers 202 only once the broker has acknowledged
 * the article, so a client that got 202 never needs to send it again; 200 {@code "duplicate"} when it was published
 * recently (nothing is sent again); 400 names the field at fault, 413/415 refuse what is not read at all, 503 tells
 * the client to retry later.
 */
final class ArticlesHandler implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(ArticlesHandler.class);

    static final String PATH = "/articles";
    /** Seconds a client is asked to wait after a 503: about the time a broker needs to fail over. */
    static final String RETRY_AFTER_SECONDS = "5";
    private static final Set<String> JSON = Set.of("application/json");

    private final ArticleIntake intake;
    private final int maxBodyBytes;
    private final Duration ackTimeout;

    ArticlesHandler(ArticleIntake intake, int maxBodyBytes, Duration ackTimeout) {
        this.intake = intake;
        this.maxBodyBytes = maxBodyBytes;
        this.ackTimeout = ackTimeout;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            respond(exchange);
        } catch (IOException e) {
            // The client went away mid-exchange; there is no one left to answer.
            log.debug("Connection to {} lost: {}", exchange.getRemoteAddress(), e.toString());
        }
    }

    private void respond(HttpExchange exchange) throws IOException {
        IngestMetrics metrics = intake.metrics();
        if (!exchange.getRequestURI().getPath().equals(PATH)) {
            JsonResponses.error(exchange, 404, "no such resource: " + exchange.getRequestURI().getPath(), null);
            return;
        }
        if (!exchange.getRequestMethod().equals("POST")) {
            JsonResponses.methodNotAllowed(exchange, "POST");
            return;
        }
        String unsupported = unsupportedContentType(exchange.getRequestHeaders().getFirst("Content-Type"));
        if (unsupported != null) {
            metrics.rejected("unsupported_media_type");
            JsonResponses.error(exchange, 415, unsupported, null);
            return;
        }
        byte[] bytes = RequestBodies.read(exchange, maxBodyBytes);
        if (bytes == null) {
            metrics.rejected("too_large");
            JsonResponses.error(exchange, 413, "request body exceeds the limit of " + maxBodyBytes + " bytes", null);
            return;
        }
        ArticleDraft draft;
        try {
            draft = ArticleJson.parse(TextFiles.decode("request body", bytes));
        } catch (UnreadableFileException e) {
            metrics.rejected("not_utf8");
            JsonResponses.error(exchange, 400, e.getMessage(), null);
            return;
        } catch (JsonProcessingException e) {
            metrics.rejected("malformed_json");
            JsonResponses.error(exchange, 400, ArticleJson.describe(e), null);
            return;
        } catch (InvalidArticleException e) {
            metrics.rejected(e.field() == null ? "invalid_article" : "invalid_" + e.field());
            JsonResponses.error(exchange, 400, e.getMessage(), e.field());
            return;
        }
        Outcome outcome = intake.ingest(draft, "http", "http", ackTimeout);
        if (outcome instanceof Outcome.Accepted accepted) {
            JsonResponses.send(exchange, 202, Map.of("id", accepted.id(), "status", "accepted"));
        } else if (outcome instanceof Outcome.Duplicate duplicate) {
            JsonResponses.send(exchange, 200, Map.of("id", duplicate.id(), "status", "duplicate"));
        } else if (outcome instanceof Outcome.Invalid invalid) {
            JsonResponses.error(exchange, 400, invalid.message(), invalid.field());
        } else if (outcome instanceof Outcome.NotStored notStored) {
            log.warn("Answering 503 for article {}: {}", notStored.id(), notStored.message());
            exchange.getResponseHeaders().set("Retry-After", RETRY_AFTER_SECONDS);
            JsonResponses.error(exchange, 503, "article " + notStored.id() + " was not stored, retry later: "
                    + notStored.message(), null);
        }
    }

    /** Null when the content type is JSON in UTF-8 (the default for JSON), else why it is refused. */
    static String unsupportedContentType(String header) {
        return RequestBodies.unsupported(header, JSON, "application/json");
    }
}
