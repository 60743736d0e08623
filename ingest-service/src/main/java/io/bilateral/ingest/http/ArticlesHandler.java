package io.bilateral.ingest.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import io.bilateral.ingest.article.ArticleDraft;
import io.bilateral.ingest.article.ArticleJson;
import io.bilateral.ingest.article.InvalidArticleException;
import io.bilateral.ingest.intake.ArticleIntake;
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
final class ArticlesHandler extends JsonPostHandler {

    private static final Logger log = LoggerFactory.getLogger(ArticlesHandler.class);

    static final String PATH = "/articles";
    /** Seconds a client is asked to wait after a 503: about the time a broker needs to fail over. */
    static final String RETRY_AFTER_SECONDS = "5";

    private static final Set<String> JSON = Set.of("application/json");

    private final ArticleIntake intake;
    private final Duration ackTimeout;

    ArticlesHandler(ArticleIntake intake, int maxBodyBytes, Duration ackTimeout) {
        super(PATH, JSON, "application/json", maxBodyBytes, intake.metrics());
        this.intake = intake;
        this.ackTimeout = ackTimeout;
    }

    @Override
    String invalidReason(InvalidArticleException e) {
        return e.field() == null ? "invalid_article" : "invalid_" + e.field();
    }

    @Override
    void respond(HttpExchange exchange, String mediaType, String body)
            throws IOException, JsonProcessingException, InvalidArticleException {
        ArticleDraft draft = ArticleJson.parse(body);
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
            JsonResponses.error(
                    exchange,
                    503,
                    "article " + notStored.id() + " was not stored, retry later: " + notStored.message(),
                    null);
        }
    }
}
