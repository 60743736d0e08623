package io.bilateral.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

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
import io.bilateral.schemas.RawArticle;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The HTTP API against a real JDK server on a free port, publishing into Kafka's MockProducer. */
class IngestServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY_BYTES = 1_000;

    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private IngestServer server;
    private InMemoryPublisher broker;

    private void start(InMemoryPublisher publisher, Duration ackTimeout) throws IOException {
        broker = publisher;
        server = IngestServer.start(
                new HttpSettings("127.0.0.1", 0, MAX_BODY_BYTES, 2, 4, ackTimeout),
                new ArticleValidator(new ArticleLimits(100, 500)),
                broker.publisher);
    }

    private void start() throws IOException {
        start(InMemoryPublisher.acking(), Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(server.uri() + path)).timeout(Duration.ofSeconds(10));
    }

    private HttpResponse<String> post(String contentType, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder builder = request("/articles").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postJson(String json) throws IOException, InterruptedException {
        return post("application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        assertEquals(
                "application/json; charset=utf-8",
                response.headers().firstValue("Content-Type").orElse(null));
        return JSON.readTree(response.body());
    }

    @Test
    void shouldAcceptAnArticleOnceTheBrokerAcknowledgedIt() throws Exception {
        start();
        HttpResponse<String> response = postJson("""
                {"title":"Iran, Uzbekistan sign pact","body":"The document was signed.",
                 "url":"https://example.com/pact?utm_source=feed","sourceCountry":"irn","published":"2021-12-01"}""");

        String id = ArticleId.forUrl("https://example.com/pact");
        assertEquals(202, response.statusCode(), response.body());
        assertEquals(JSON.readTree("{\"id\":\"" + id + "\",\"status\":\"accepted\"}"), json(response));
        RawArticle sent = broker.sent().get(0).value();
        assertEquals(id, broker.sent().get(0).key());
        assertEquals("https://example.com/pact", sent.getUrl());
        assertEquals("IRN", sent.getSourceCountry());
        assertEquals("http", sent.getOrigin());
    }

    @Test
    void shouldKeepTheIdTheClientGave() throws Exception {
        start();
        HttpResponse<String> response = postJson("{\"id\":\"wire-42\",\"title\":\"t\",\"body\":\"b\"}");
        assertEquals(202, response.statusCode(), response.body());
        assertEquals("wire-42", json(response).get("id").asText());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            '{"title":"t","body":""}'                        | body          | body: must not be empty
            '{"title":"t"}'                                  | body          | body: must not be empty
            '{"title":"t","body":"b","sourceCountry":"XYZ"}' | sourceCountry | sourceCountry: 'XYZ' is not an ISO 3166-1 alpha-3 country code (e.g. IRN)
            '{"title":"t","body":"b","url":"ftp://e.com/"}'  | url           | url: 'ftp://e.com/' must be an absolute http or https URL
            '{"title":"t","body":"b","published":"today"}'   | published     | published: 'today' is not an ISO-8601 instant, offset date-time or date (e.g. 2021-12-05T12:11:00Z, 2021-12-05T15:41:00+03:30, 2021-12-05)
            '{"title":7,"body":"b"}'                         | title         | title: expected a string, got number
            '{"title":"t","body":"b","id":"has space"}'      | id            | id: 'has space' may only contain letters, digits, '.', '_', ':' and '-'
            """)
    void shouldRefuseInvalidArticlesNamingTheField(String body, String field, String error) throws Exception {
        start();
        HttpResponse<String> response = postJson(body);
        assertEquals(400, response.statusCode());
        JsonNode answer = json(response);
        assertEquals(error, answer.get("error").asText());
        assertEquals(field, answer.get("field").asText());
        assertThat(broker.sent()).isEmpty();
    }

    @Test
    void shouldNameTheLimitOfATooLongBody() throws Exception {
        start();
        HttpResponse<String> response = postJson("{\"title\":\"t\",\"body\":\"" + "x".repeat(501) + "\"}");
        assertEquals(400, response.statusCode());
        assertEquals(
                JSON.readTree("{\"error\":\"body: 501 characters exceeds the limit of 500\",\"field\":\"body\"}"),
                json(response));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            '{"title":"t","body":'          | malformed JSON at line 1, column 21: Unexpected end-of-input within/between Object entries
            '{"body":"a","body":"b"}'       | malformed JSON at line 1, column 19: Duplicate field 'body'
            '[{"body":"b"}]'                | expected a JSON object, got array
            'body=b'                        | malformed JSON at line 1, column 1: Unrecognized token 'body': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')
            """)
    void shouldRefuseMalformedJson(String body, String errorStart) throws Exception {
        start();
        HttpResponse<String> response = postJson(body);
        assertEquals(400, response.statusCode());
        JsonNode answer = json(response);
        assertThat(answer.get("error").asText()).startsWith(errorStart);
        assertThat(answer.has("field")).isFalse();
    }

    @Test
    void shouldRefuseABodyThatIsNotUtf8() throws Exception {
        start();
        byte[] latin1 = "{\"title\":\"t\",\"body\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        HttpResponse<String> response = post("application/json", latin1);
        assertEquals(400, response.statusCode());
        assertEquals(
                "request body: not valid UTF-8 (invalid byte 0xE9 at offset 24); convert it to UTF-8 first",
                json(response).get("error").asText());
    }

    @ParameterizedTest(name = "{0} bytes")
    @CsvSource({"1001", "5000"})
    void shouldRefuseBodiesOverTheSizeLimit(int size) throws Exception {
        start();
        String padding = " ".repeat(size - "{\"title\":\"t\",\"body\":\"b\"}".length());
        HttpResponse<String> response = postJson("{\"title\":\"t\",\"body\":\"b\"}" + padding);
        assertEquals(413, response.statusCode());
        assertEquals(
                "request body exceeds the limit of 1000 bytes",
                json(response).get("error").asText());
        assertThat(broker.sent()).isEmpty();
    }

    @Test
    void shouldAcceptABodyOfExactlyTheLimit() throws Exception {
        start();
        String json = "{\"title\":\"t\",\"body\":\"b\"}";
        HttpResponse<String> response = postJson(json + " ".repeat(MAX_BODY_BYTES - json.length()));
        assertEquals(202, response.statusCode(), response.body());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NONE", textBlock = """
            text/plain                              | Content-Type text/plain is not supported; send application/json
            application/x-www-form-urlencoded       | Content-Type application/x-www-form-urlencoded is not supported; send application/json
            NONE                                    | Content-Type is missing; send application/json
            application/json; charset=iso-8859-1    | charset iso-8859-1 is not supported; send UTF-8
            """)
    void shouldRefuseOtherContentTypes(String contentType, String error) throws Exception {
        start();
        HttpResponse<String> response =
                post(contentType, "{\"title\":\"t\",\"body\":\"b\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals(415, response.statusCode());
        assertEquals(error, json(response).get("error").asText());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"application/json; charset=UTF-8", "Application/JSON", "application/json;charset=\"utf-8\""})
    void shouldAcceptJsonContentTypesInAnySpelling(String contentType) throws Exception {
        start();
        HttpResponse<String> response =
                post(contentType, "{\"title\":\"t\",\"body\":\"b\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals(202, response.statusCode(), response.body());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            GET    | /articles | POST
            PUT    | /articles | POST
            DELETE | /articles | POST
            POST   | /healthz  | GET, HEAD
            """)
    void shouldRefuseOtherMethods(String method, String path, String allowed) throws Exception {
        start();
        HttpResponse<String> response = client.send(
                request(path)
                        .method(method, HttpRequest.BodyPublishers.ofString("{}"))
                        .header("Content-Type", "application/json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, response.statusCode());
        assertEquals(allowed, response.headers().firstValue("Allow").orElse(null));
        assertEquals(
                "method " + method + " is not allowed on " + path + " (allowed: " + allowed + ")",
                json(response).get("error").asText());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/", "/article", "/articles/123", "/healthz/deep"})
    void shouldAnswer404OutsideTheApi(String path) throws Exception {
        start();
        HttpResponse<String> response = client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, response.statusCode());
        assertThat(json(response).get("error").asText()).startsWith("no such resource: " + path);
    }

    @Test
    void shouldBeHealthy() throws Exception {
        start();
        HttpResponse<String> response =
                client.send(request("/healthz").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertEquals(JSON.readTree("{\"status\":\"ok\"}"), json(response));
    }

    @Test
    void shouldAnswer503WhenTheBrokerFails() throws Exception {
        start();
        broker.producer.sendException =
                new TimeoutException("Topic news.articles.raw not present in metadata after 10000 ms.");
        HttpResponse<String> response = postJson("{\"title\":\"t\",\"body\":\"b\"}");
        assertEquals(503, response.statusCode());
        assertEquals("5", response.headers().firstValue("Retry-After").orElse(null));
        String id = ArticleId.forText("t", "b");
        assertEquals(
                "article " + id + " was not stored, retry later: could not send article " + id
                        + " to news.articles.raw: org.apache.kafka.common.errors.TimeoutException: Topic news.articles.raw "
                        + "not present in metadata after 10000 ms.",
                json(response).get("error").asText());
    }

    @Test
    void shouldAnswer503WhenTheBrokerDoesNotAcknowledgeInTime() throws Exception {
        start(InMemoryPublisher.manual(), Duration.ofMillis(50));
        HttpResponse<String> response = postJson("{\"title\":\"t\",\"body\":\"b\"}");
        assertEquals(503, response.statusCode());
        String id = ArticleId.forText("t", "b");
        assertEquals(
                "article " + id + " was not stored, retry later: broker did not acknowledge article " + id
                        + " on news.articles.raw within 50 ms",
                json(response).get("error").asText());
    }

    @Test
    void shouldLetARunningRequestFinishWhenClosing() throws Exception {
        start(InMemoryPublisher.manual(), Duration.ofSeconds(10));
        CompletableFuture<HttpResponse<String>> pending = client.sendAsync(
                request("/articles")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"t\",\"body\":\"b\"}"))
                        .header("Content-Type", "application/json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        awaitSends(1);

        CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
        awaitStatus("/healthz", 503); // draining has begun: new requests are turned away
        assertThat(closing).as("close waits for the running request").isNotDone();
        assertTrue(broker.producer.completeNext());

        assertEquals(202, pending.get().statusCode());
        closing.get();
        server = null;
    }

    @Test
    void shouldAnswer503WithRetryAfterWithoutReadingTheBodyWhenARequestWaitedTooLongForAWorker() throws Exception {
        broker = InMemoryPublisher.acking();
        AtomicLong nanos = new AtomicLong();
        // every reading of this clock is two seconds after the last: each request waited longer than the 1 s allowed
        server = IngestServer.start(
                new HttpSettings("127.0.0.1", 0, MAX_BODY_BYTES, 2, 4, Duration.ofSeconds(5)),
                new ArticleIntake(
                        new ArticleValidator(new ArticleLimits(100, 500)),
                        broker.publisher,
                        new RecentIds(RecentIds.DEFAULT_CAPACITY),
                        new IngestMetrics()),
                List.of(),
                Optional.empty(),
                () -> nanos.addAndGet(Duration.ofSeconds(2).toNanos()));

        HttpResponse<String> response = postJson("{\"title\":\"t\",\"body\":\"b\"}");
        assertEquals(503, response.statusCode());
        assertEquals("1", response.headers().firstValue("Retry-After").orElse(null));
        assertEquals(
                "ingest-service is overloaded, retry later",
                json(response).get("error").asText());
        assertThat(broker.sent()).as("nothing published").isEmpty();
        HttpResponse<String> health =
                client.send(request("/healthz").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode(), "health checks answer under overload");
    }

    /** Polls {@code path} until it answers {@code status}, failing after 10 s. */
    private void awaitStatus(String path, int status) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (client.send(request(path).GET().build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode()
                != status) {
            if (System.nanoTime() > deadline) {
                fail(path + " never answered " + status);
            }
        }
    }

    /** Polls until the publisher has seen {@code count} sends, failing after 10 s. */
    private void awaitSends(int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (broker.sent().size() < count) {
            if (System.nanoTime() > deadline) {
                fail("the request never reached the publisher");
            }
            Thread.onSpinWait();
        }
    }
}
