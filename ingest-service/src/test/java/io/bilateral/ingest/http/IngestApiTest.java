package io.bilateral.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bilateral.ingest.InMemoryPublisher;
import io.bilateral.ingest.article.ArticleId;
import io.bilateral.ingest.article.ArticleLimits;
import io.bilateral.ingest.article.ArticleValidator;
import io.bilateral.ingest.config.HttpSettings;
import io.bilateral.ingest.intake.ArticleIntake;
import io.bilateral.ingest.intake.IngestMetrics;
import io.bilateral.ingest.intake.RecentIds;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Batch, duplicates, readiness, metrics and bearer authentication of the API. */
class IngestApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "s3cret-token";

    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final InMemoryPublisher broker = InMemoryPublisher.acking();
    private final IngestMetrics metrics = new IngestMetrics();
    private IngestServer server;

    private void start(Optional<String> token, List<ReadinessCheck> checks) throws Exception {
        server = IngestServer.start(
                new HttpSettings("127.0.0.1", 0, 1_000, 2, 4, Duration.ofSeconds(5), 2_000, 3),
                new ArticleIntake(
                        new ArticleValidator(new ArticleLimits(100, 500)),
                        broker.publisher,
                        new RecentIds(100),
                        metrics),
                checks,
                token);
    }

    private void start() throws Exception {
        start(Optional.empty(), List.of());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body, String auth)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.uri() + path))
                .timeout(Duration.ofSeconds(10))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (auth != null) {
            request.header("Authorization", auth);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** NUL, ESC with a colour sequence, C1 CSI, a BOM and a right-to-left override, as JSON escapes. */
    private static final String DIRTY_TITLE = "\\uFEFFIran\\u0000 \\u001B[31mand\\u009B Turkey\\u202E";

    @Test
    void shouldRemoveControlCharactersFromAPostedArticleAndCountThem() throws Exception {
        start();
        HttpResponse<String> response = send(
                "POST",
                "/articles",
                "application/json",
                "{\"title\":\"" + DIRTY_TITLE + "\",\"body\":\"Talks\\u0007 in Ankara\\uD800.\"}",
                null);

        assertEquals(202, response.statusCode());
        assertEquals("Iran [31mand Turkey", broker.sent().get(0).value().getTitle());
        assertEquals("Talks in Ankara.", broker.sent().get(0).value().getBody());
        assertThat(metrics.render())
                .contains("bilateral_ingest_text_chars_removed_total{field=\"title\"} 5")
                .contains("bilateral_ingest_text_chars_removed_total{field=\"body\"} 2");
    }

    @Test
    void shouldRemoveControlCharactersFromEveryItemOfABatch() throws Exception {
        start();
        HttpResponse<String> response = send(
                "POST",
                "/articles:batch",
                "application/x-ndjson",
                "{\"title\":\"" + DIRTY_TITLE
                        + "\",\"body\":\"one\"}\n{\"title\":\"b\",\"body\":\"\\u0000two\\u007F\"}",
                null);

        assertEquals(207, response.statusCode());
        assertEquals("Iran [31mand Turkey", broker.sent().get(0).value().getTitle());
        assertEquals("two", broker.sent().get(1).value().getBody());
    }

    @Test
    void shouldAnswerDuplicateForARepeatedArticleWithoutPublishingAgain() throws Exception {
        start();
        String article = "{\"title\":\"t\",\"body\":\"b\",\"url\":\"https://e.com/a?utm_source=x\"}";
        assertEquals(
                202,
                send("POST", "/articles", "application/json", article, null).statusCode());
        HttpResponse<String> again =
                send("POST", "/articles", "application/json", article.replace("?utm_source=x", "?fbclid=y"), null);

        assertEquals(200, again.statusCode());
        assertEquals(
                JSON.readTree("{\"id\":\"" + ArticleId.forUrl("https://e.com/a") + "\",\"status\":\"duplicate\"}"),
                JSON.readTree(again.body()));
        assertEquals(1, broker.sent().size());
        assertEquals(1, metrics.duplicateCount());
    }

    private static String item(String headline, String language) {
        return "{\"title\":\"" + headline + "\",\"body\":\"" + headline + "\""
                + (language == null ? "" : ",\"language\":\"" + language + "\"") + "}";
    }

    @Test
    void shouldDetectTheLanguageUnlessDeclaredAndCountArticlesPerLanguage() throws Exception {
        start();
        String batch = "[" + item("Казахстан и Китай подписали соглашение о транзите", null) + ","
                + item("Le Maroc rappelle son ambassadeur à Alger", null) + ","
                + item("Iran and Uzbekistan sign a transit deal", "FA") + "]";
        assertEquals(
                207,
                send("POST", "/articles:batch", "application/json", batch, null).statusCode());

        assertEquals(
                List.of("ru", "fr", "fa"),
                broker.sent().stream().map(r -> r.value().getLanguage()).toList());
        assertEquals(1, metrics.count("languages", "ru"));
        assertEquals(1, metrics.count("languages", "fa"));
        assertTrue(metrics.render().contains("bilateral_ingest_articles_by_language_total{language=\"fr\"} 1"));
    }

    @Test
    void shouldReportEachItemOfAJsonArrayBatch() throws Exception {
        start();
        HttpResponse<String> response = send("POST", "/articles:batch", "application/json", """
                [{"title":"a","body":"one"}, {"title":"b","body":""}, {"title":"a","body":"one"},
                 {"title":"c","body":"x","published":"soon"}]""", null);
        // 4 items > the limit of 3
        assertEquals(413, response.statusCode());
        assertEquals(
                "the batch holds 4 articles, more than the limit of 3",
                JSON.readTree(response.body()).get("error").asText());

        response = send("POST", "/articles:batch", "application/json", """
                [{"title":"a","body":"one"}, {"title":"b","body":""}, {"title":"a","body":"one"}]""", null);
        assertEquals(207, response.statusCode());
        String id = ArticleId.forText("a", "one");
        assertEquals(JSON.readTree("""
                {"accepted":[{"index":0,"id":"%s"}],"duplicates":[{"index":2,"id":"%s"}],
                 "errors":[{"index":1,"field":"body","error":"body: must not be empty"}],"notStored":[]}""".formatted(id, id)), JSON.readTree(response.body()));
        assertEquals(1, broker.sent().size());
    }

    @Test
    void shouldReadNdjsonBatchesLineByLine() throws Exception {
        start();
        HttpResponse<String> response = send(
                "POST",
                "/articles:batch",
                "application/x-ndjson",
                "{\"title\":\"a\",\"body\":\"one\"}\n\n{\"title\":\n{\"title\":\"c\",\"body\":\"two\",\"sourceCountry\":\"ZZZ\"}\n",
                null);
        assertEquals(207, response.statusCode());
        JsonNode body = JSON.readTree(response.body());
        assertEquals(1, body.get("accepted").size());
        assertEquals(1, body.get("errors").get(0).get("index").asInt());
        assertThat(body.get("errors").get(0).get("error").asText()).startsWith("line 3: malformed JSON");
        assertEquals("sourceCountry", body.get("errors").get(1).get("field").asText());
        assertEquals(2, body.get("errors").get(1).get("index").asInt());
    }

    @Test
    void shouldAnswer503WhenTheBrokerStoresNothingOfABatch() throws Exception {
        start();
        broker.producer.sendException = new TimeoutException("broker down");
        HttpResponse<String> response =
                send("POST", "/articles:batch", "application/json", "[{\"title\":\"a\",\"body\":\"one\"}]", null);
        assertEquals(503, response.statusCode());
        assertEquals("5", response.headers().firstValue("Retry-After").orElseThrow());
        assertThat(JSON.readTree(response.body())
                        .get("notStored")
                        .get(0)
                        .get("error")
                        .asText())
                .contains("broker down");
    }

    /** Batches refused as a whole: one line each. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            object, not array | application/json | '{"title":"a","body":"b"}' | 400 | expected a JSON array of article objects (or send application/x-ndjson, one object a line)
            empty array       | application/json | '[]'                      | 400 | the batch holds no articles
            blank lines only  | application/x-ndjson | '  '                  | 400 | the batch holds no articles
            malformed         | application/json | '[{'                      | 400 | malformed JSON at line 1, column 3: Unexpected end-of-input: expected close marker for Object
            wrong type        | text/csv         | 'a,b'                     | 415 | Content-Type text/csv is not supported; send application/json (an array) or application/x-ndjson
            """)
    void shouldRefuseUnreadableBatches(String name, String type, String body, int status, String error)
            throws Exception {
        start();
        HttpResponse<String> response = send("POST", "/articles:batch", type, body, null);
        assertEquals(status, response.statusCode());
        assertThat(JSON.readTree(response.body()).get("error").asText()).startsWith(error);
    }

    @Test
    void shouldRefuseABatchOverTheByteLimit() throws Exception {
        start();
        HttpResponse<String> response =
                send("POST", "/articles:batch", "application/json", "[" + " ".repeat(2_000) + "]", null);
        assertEquals(413, response.statusCode());
        assertEquals(
                "request body exceeds the limit of 2000 bytes",
                JSON.readTree(response.body()).get("error").asText());
    }

    /** With a token: one line per request, the health endpoints stay open. */
    @ParameterizedTest(name = "{0} {1} with {2}")
    @CsvSource(delimiter = '|', nullValues = "NONE", textBlock = """
            POST | /articles       | NONE                   | 401 | missing bearer token: send Authorization: Bearer <token>
            POST | /articles       | Bearer wrong           | 401 | invalid bearer token
            POST | /articles       | Basic czNjcmV0         | 401 | unsupported authorization scheme: send Authorization: Bearer <token>
            POST | /articles:batch | NONE                   | 401 | missing bearer token: send Authorization: Bearer <token>
            GET  | /metrics        | Bearer s3cret-token-x  | 401 | invalid bearer token
            POST | /articles       | Bearer s3cret-token    | 202 | NONE
            GET  | /healthz        | NONE                   | 200 | NONE
            GET  | /readyz         | NONE                   | 200 | NONE
            """)
    void shouldRequireTheTokenExceptForHealth(String method, String path, String auth, int status, String error)
            throws Exception {
        start(Optional.of(TOKEN), List.of());
        HttpResponse<String> response = send(
                method,
                path,
                "application/json",
                method.equals("POST") ? "{\"title\":\"t\",\"body\":\"b\"}" : null,
                auth);
        assertEquals(status, response.statusCode(), response.body());
        if (error != null) {
            assertEquals(error, JSON.readTree(response.body()).get("error").asText());
            assertEquals(
                    "Bearer realm=\"bilateral-ingest\"",
                    response.headers().firstValue("WWW-Authenticate").orElseThrow());
            assertThat(broker.sent()).isEmpty();
        }
    }

    @Test
    void shouldReportReadinessPerDependency() throws Exception {
        ReadinessCheck broker = check("broker", Optional.empty());
        ReadinessCheck registry = check("registry", Optional.of("unreachable: connection refused"));
        start(Optional.empty(), List.of(broker, registry));
        HttpResponse<String> response = send("GET", "/readyz", null, null, null);
        assertEquals(503, response.statusCode());
        assertEquals(JSON.readTree("""
                {"status":"not ready","checks":{"broker":"ok","registry":"unreachable: connection refused"}}"""), JSON.readTree(response.body()));
    }

    @Test
    void shouldExposePrometheusMetrics() throws Exception {
        start();
        send("POST", "/articles", "application/json", "{\"title\":\"t\",\"body\":\"b\"}", null);
        send("POST", "/articles", "application/json", "{\"title\":\"t\",\"body\":\"\"}", null);
        send("POST", "/articles", "text/plain", "x", null);
        HttpResponse<String> response = send("GET", "/metrics", null, null, null);

        assertEquals(200, response.statusCode());
        assertEquals(
                "text/plain; version=0.0.4; charset=utf-8",
                response.headers().firstValue("Content-Type").orElseThrow());
        assertThat(response.body())
                .contains(
                        "# TYPE bilateral_ingest_articles_accepted_total counter\n",
                        "bilateral_ingest_articles_accepted_total{channel=\"http\"} 1\n",
                        "bilateral_ingest_articles_rejected_total{reason=\"invalid_body\"} 1\n",
                        "bilateral_ingest_articles_rejected_total{reason=\"unsupported_media_type\"} 1\n",
                        "bilateral_ingest_articles_published_total 1\n",
                        "bilateral_ingest_articles_duplicate_total 0\n",
                        "# TYPE bilateral_ingest_http_request_duration_seconds histogram\n",
                        "bilateral_ingest_http_request_duration_seconds_count{path=\"/articles\"} 3\n",
                        "bilateral_ingest_http_request_duration_seconds_bucket{path=\"/articles\",le=\"+Inf\"} 3\n");
    }

    private static ReadinessCheck check(String name, Optional<String> problem) {
        return new ReadinessCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Optional<String> problem() {
                return problem;
            }
        };
    }
}
