package io.bilateral.ingest.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.bilateral.ingest.article.Article;
import io.bilateral.ingest.article.ArticleDraft;
import io.bilateral.ingest.article.ArticleJson;
import io.bilateral.ingest.article.ArticleValidator;
import io.bilateral.ingest.article.InvalidArticleException;
import io.bilateral.ingest.files.TextFiles;
import io.bilateral.ingest.files.UnreadableFileException;
import io.bilateral.ingest.publish.ArticlePublisher;
import io.bilateral.ingest.publish.PublishException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /articles}: one article as JSON ({@link ArticleJson}). Answers 202 only once the broker has acknowledged
 * the article, so a client that got 202 never needs to send it again; 400 names the field at fault, 413/415 refuse
 * what is not read at all, 503 tells the client to retry later.
 */
final class ArticlesHandler implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(ArticlesHandler.class);

    static final String PATH = "/articles";
    /** Seconds a client is asked to wait after a 503: about the time a broker needs to fail over. */
    private static final String RETRY_AFTER_SECONDS = "5";

    private final ArticleValidator validator;
    private final ArticlePublisher publisher;
    private final int maxBodyBytes;
    private final Duration ackTimeout;

    ArticlesHandler(ArticleValidator validator, ArticlePublisher publisher, int maxBodyBytes, Duration ackTimeout) {
        this.validator = validator;
        this.publisher = publisher;
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
            JsonResponses.error(exchange, 415, unsupported, null);
            return;
        }
        byte[] bytes = readBody(exchange);
        if (bytes == null) {
            JsonResponses.error(exchange, 413, "request body exceeds the limit of " + maxBodyBytes + " bytes", null);
            return;
        }
        Article article;
        try {
            ArticleDraft draft = ArticleJson.parse(TextFiles.decode("request body", bytes));
            article = validator.validate(draft, "http");
        } catch (UnreadableFileException e) {
            JsonResponses.error(exchange, 400, e.getMessage(), null);
            return;
        } catch (JsonProcessingException e) {
            JsonResponses.error(exchange, 400, ArticleJson.describe(e), null);
            return;
        } catch (InvalidArticleException e) {
            JsonResponses.error(exchange, 400, e.getMessage(), e.field());
            return;
        }
        try {
            RecordMetadata metadata = publisher.sendAndWait(article, ackTimeout);
            log.debug("Accepted article {} at {}-{}@{}", article.id(), metadata.topic(), metadata.partition(),
                    metadata.offset());
        } catch (PublishException e) {
            log.warn("Answering 503 for article {}: {}", article.id(), e.getMessage());
            exchange.getResponseHeaders().set("Retry-After", RETRY_AFTER_SECONDS);
            JsonResponses.error(exchange, 503, "article " + article.id() + " was not stored, retry later: "
                    + e.getMessage(), null);
            return;
        }
        JsonResponses.send(exchange, 202, Map.of("id", article.id(), "status", "accepted"));
    }

    /** Null when the content type is JSON in UTF-8 (the default for JSON), else why it is refused. */
    static String unsupportedContentType(String header) {
        if (header == null || header.isBlank()) {
            return "Content-Type is missing; send application/json";
        }
        String[] parts = header.split(";");
        String mediaType = parts[0].strip().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json")) {
            return "Content-Type " + mediaType + " is not supported; send application/json";
        }
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter.length == 2 && parameter[0].strip().equalsIgnoreCase("charset")) {
                String charset = parameter[1].strip().replace("\"", "");
                if (!charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
                    return "charset " + charset + " is not supported; send UTF-8";
                }
            }
        }
        return null;
    }

    /** The body, or null when it is larger than the limit; never reads more than limit + 1 bytes. */
    private byte[] readBody(HttpExchange exchange) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.strip()) > maxBodyBytes) {
                    return null;
                }
            } catch (NumberFormatException e) {
                // The server itself refuses a malformed Content-Length before calling us; nothing to decide here.
                log.debug("Ignoring unparsable Content-Length {}", declared);
            }
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(maxBodyBytes + 1);
            return bytes.length > maxBodyBytes ? null : bytes;
        }
    }
}
