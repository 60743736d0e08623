package io.bilateral.registry;

import static io.bilateral.registry.TestSchemas.V1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bilateral.registry.FakeRegistryServer.Request;
import io.bilateral.registry.SchemaRegistryClient.SchemaVersion;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpSchemaRegistryClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUBJECT = "news.articles.raw-value";

    private FakeRegistryServer server;
    private HttpSchemaRegistryClient client;

    @BeforeEach
    void start() throws IOException {
        server = new FakeRegistryServer();
        client = new HttpSchemaRegistryClient(RegistryClientOptions.of(server.url()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void shouldRegisterWithTheConfluentMediaTypeAndCacheTheId() throws IOException {
        server.answer("POST", "/subjects/" + SUBJECT + "/versions", 200, "{\"id\":7}");

        int first = client.register(SUBJECT, V1);
        int second = client.register(SUBJECT, V1);

        assertEquals(7, first);
        assertEquals(7, second);
        List<Request> requests = server.requests();
        assertEquals(1, requests.size(), "the second register is served from the cache");
        assertEquals("application/vnd.schemaregistry.v1+json", requests.get(0).contentType());
        JsonNode body = JSON.readTree(requests.get(0).body());
        assertEquals(V1, new Schema.Parser().parse(body.get("schema").textValue()));
        assertNull(requests.get(0).authorization());
    }

    @Test
    void shouldServeTheIdOfAJustRegisteredSchemaWithoutAnotherCall() {
        server.answer("POST", "/subjects/" + SUBJECT + "/versions", 200, "{\"id\":7}");

        client.register(SUBJECT, V1);

        assertEquals(V1, client.getById(7));
        assertEquals(1, server.requests().size());
    }

    @Test
    void shouldFetchASchemaByIdOnce() {
        server.answer("GET", "/schemas/ids/3", 200, schemaJson(V1));

        assertEquals(V1, client.getById(3));
        assertEquals(V1, client.getById(3));

        assertEquals(1, server.requests().size());
    }

    @Test
    void shouldAskForTheLatestVersionEveryTime() {
        ObjectNode answer = JSON.createObjectNode()
                .put("subject", SUBJECT)
                .put("version", 4)
                .put("id", 9)
                .put("schema", V1.toString());
        server.answer("GET", "/subjects/" + SUBJECT + "/versions/latest", 200, answer.toString());

        assertEquals(new SchemaVersion(SUBJECT, 4, 9, V1), client.latest(SUBJECT));
        assertEquals(new SchemaVersion(SUBJECT, 4, 9, V1), client.latest(SUBJECT));

        assertEquals(2, server.requests().size(), "latest changes, so it is never cached");
    }

    @Test
    void shouldReportTheRegistryVerdictOnCompatibility() {
        String path = "/compatibility/subjects/" + SUBJECT + "/versions/latest";
        server.answer("POST", path, 200, "{\"is_compatible\":false}");
        assertFalse(client.isCompatible(SUBJECT, V1));

        server.answer("POST", path, 200, "{\"is_compatible\":true}");
        assertTrue(client.isCompatible(SUBJECT, V1));
    }

    @Test
    void shouldTreatAnUnknownSubjectAsCompatible() {
        server.answer(
                "POST",
                "/compatibility/subjects/" + SUBJECT + "/versions/latest",
                404,
                "{\"error_code\":40401,\"message\":\"Subject 'news.articles.raw-value' not found.\"}");

        assertTrue(client.isCompatible(SUBJECT, V1));
    }

    @Test
    void shouldNotMistakeAWrongUrlForAnUnknownSubject() {
        server.answer(
                "POST",
                "/compatibility/subjects/" + SUBJECT + "/versions/latest",
                404,
                "<html><body>Not Found</body></html>");

        SchemaRegistryException e = assertThrows(SchemaRegistryException.class, () -> client.isCompatible(SUBJECT, V1));

        assertThat(e.getMessage())
                .startsWith("isCompatible subject '" + SUBJECT + "': HTTP 404 from POST " + server.url()
                        + "/compatibility/subjects/" + SUBJECT
                        + "/versions/latest: <html><body>Not Found</body></html>");
    }

    @Test
    void shouldSetGlobalAndSubjectCompatibility() throws IOException {
        server.answer("PUT", "/config", 200, "{\"compatibility\":\"BACKWARD\"}");
        server.answer("PUT", "/config/" + SUBJECT, 200, "{\"compatibility\":\"FULL\"}");

        client.setCompatibility(null, "backward");
        client.setCompatibility(SUBJECT, "FULL");

        List<Request> requests = server.requests();
        assertEquals("/config", requests.get(0).path());
        assertEquals(
                "BACKWARD",
                JSON.readTree(requests.get(0).body()).get("compatibility").textValue());
        assertEquals("/config/" + SUBJECT, requests.get(1).path());
        assertEquals(
                "FULL",
                JSON.readTree(requests.get(1).body()).get("compatibility").textValue());
    }

    @Test
    void shouldLookTheIdUpWhenAConcurrentFirstRegistrationOfTheSubjectWon() {
        server.answer(
                "POST",
                "/subjects/" + SUBJECT + "/versions",
                409,
                "{\"message\":\"An artifact with ID '" + SUBJECT
                        + "' in group 'null' already exists.\",\"error_code\":409}");
        server.answer("POST", "/subjects/" + SUBJECT, 200, "{\"subject\":\"" + SUBJECT + "\",\"id\":3,\"version\":1}");

        assertEquals(3, client.register(SUBJECT, V1));
    }

    @Test
    void shouldNameCallSubjectStatusAndRegistryMessageOnError() {
        server.answer(
                "POST",
                "/subjects/" + SUBJECT + "/versions",
                409,
                "{\"error_code\":409,\"message\":\"Schema being registered is incompatible with an earlier schema\"}");

        SchemaRegistryException e = assertThrows(SchemaRegistryException.class, () -> client.register(SUBJECT, V1));

        assertEquals(
                "register subject '" + SUBJECT + "': HTTP 409 from POST " + server.url() + "/subjects/" + SUBJECT
                        + "/versions: {\"error_code\":409,\"message\":\"Schema being registered is incompatible with an earlier"
                        + " schema\"}",
                e.getMessage());
        assertEquals(409, e.httpStatus());
        assertEquals(409, e.errorCode());
        assertFalse(e.isTransient(), "an incompatible schema stays incompatible");
    }

    @Test
    void shouldCallAServerErrorTransient() {
        // what Apicurio on H2 answers the losers of a race of first registrations
        server.answer(
                "POST",
                "/subjects/" + SUBJECT + "/versions",
                500,
                "{\"message\":\"org.h2.jdbc.JdbcSQLTimeoutException: Timeout trying to lock table\",\"error_code\":0}");

        SchemaRegistryException e = assertThrows(SchemaRegistryException.class, () -> client.register(SUBJECT, V1));

        assertEquals(500, e.httpStatus());
        assertTrue(e.isTransient());
    }

    @Test
    void shouldNameTheIdThatWasNotFound() {
        server.answer("GET", "/schemas/ids/42", 404, "{\"error_code\":40403,\"message\":\"Schema 42 not found\"}");

        SchemaRegistryException e = assertThrows(SchemaRegistryException.class, () -> client.getById(42));

        assertThat(e.getMessage()).startsWith("getById id 42: HTTP 404 from GET ");
        assertTrue(e.isNotFound());
        assertEquals(40403, e.errorCode());
        assertFalse(e.isTransient());
    }

    @Test
    void shouldRejectAnAnswerWithoutTheExpectedField() {
        server.answer("POST", "/subjects/" + SUBJECT + "/versions", 200, "{\"identifier\":7}");

        SchemaRegistryException e = assertThrows(SchemaRegistryException.class, () -> client.register(SUBJECT, V1));

        assertEquals(
                "register subject '" + SUBJECT + "': answer has no integer 'id': {\"identifier\":7}", e.getMessage());
    }

    @Test
    void shouldEncodeSubjectsInThePath() {
        server.answer("POST", "/subjects/odd%20subject%2Fvalue/versions", 200, "{\"id\":1}");

        assertEquals(1, client.register("odd subject/value", V1));
    }

    @Test
    void shouldSendBasicAuthWhenConfigured() {
        client = new HttpSchemaRegistryClient(
                RegistryClientOptions.of(server.url()).withBasicAuth("svc", "s3cret"));
        server.answer("GET", "/schemas/ids/1", 200, schemaJson(V1));

        client.getById(1);

        String expected = "Basic " + Base64.getEncoder().encodeToString("svc:s3cret".getBytes(StandardCharsets.UTF_8));
        assertEquals(expected, server.requests().get(0).authorization());
    }

    @Test
    void shouldRefuseAResponseLargerThanTheLimit() {
        RegistryClientOptions small = new RegistryClientOptions(
                URI.create(server.url()), Duration.ofSeconds(5), Duration.ofSeconds(5), 64, null);
        client = new HttpSchemaRegistryClient(small);
        server.answer("GET", "/schemas/ids/1", 200, schemaJson(V1));

        SchemaRegistryException e = assertThrows(SchemaRegistryException.class, () -> client.getById(1));

        assertThat(e.getMessage())
                .startsWith("getById id 1: GET " + server.url() + "/schemas/ids/1: registry not"
                        + " reachable or answer unreadable: ")
                .contains("response body larger than 64 bytes");
    }

    @Test
    void shouldGiveUpWhenTheRegistryDoesNotAnswerInTime() {
        RegistryClientOptions impatient = new RegistryClientOptions(
                URI.create(server.url()), Duration.ofSeconds(5), Duration.ofMillis(200), 1024, null);
        client = new HttpSchemaRegistryClient(impatient);
        server.stall();

        SchemaRegistryException e = assertThrows(SchemaRegistryException.class, () -> client.getById(1));

        assertThat(e.getMessage())
                .startsWith("getById id 1: GET " + server.url() + "/schemas/ids/1:")
                .containsAnyOf("HttpTimeoutException", "no complete answer within");
        assertEquals(SchemaRegistryException.NONE, e.httpStatus());
        assertTrue(e.isTransient());
    }

    @Test
    void shouldSayTheRegistryIsUnreachable() throws IOException {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        client = new HttpSchemaRegistryClient(RegistryClientOptions.of("http://127.0.0.1:" + freePort));

        SchemaRegistryException e = assertThrows(SchemaRegistryException.class, () -> client.latest(SUBJECT));

        assertThat(e.getMessage())
                .startsWith("latest subject '" + SUBJECT + "': GET http://127.0.0.1:" + freePort + "/subjects/"
                        + SUBJECT + "/versions/latest: registry not reachable or answer unreadable: ")
                .contains("ConnectException");
        assertTrue(e.isTransient());
    }

    private static String schemaJson(Schema schema) {
        return JSON.createObjectNode().put("schema", schema.toString()).toString();
    }
}
