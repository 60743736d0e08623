package io.bilateral.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bilateral.config.Settings;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SchemaRegistryClient} speaking the Confluent Schema Registry REST API, so it works against Confluent's
 * registry and against Apicurio's {@code /apis/ccompat/v7}. Registered ids and fetched schemas are cached (ids never
 * change), so the serializer and deserializer hot paths reach the network once per schema and subject; {@link #latest}
 * and the compatibility calls are never cached, since their answers change. Thread-safe.
 */
public final class HttpSchemaRegistryClient implements SchemaRegistryClient {

    /** The media type of the Confluent API, version 1. */
    public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private static final Logger log = LoggerFactory.getLogger(HttpSchemaRegistryClient.class);
    private static final String ACCEPT =
            CONTENT_TYPE + ", application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";
    private static final int MAX_ERROR_BODY_CHARS = 500;
    // Confluent error codes meaning "no such subject" / "no such version": nothing to be incompatible with.
    private static final int SUBJECT_NOT_FOUND = 40401;
    private static final int VERSION_NOT_FOUND = 40402;

    private final RegistryClientOptions options;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Map<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

    public HttpSchemaRegistryClient(RegistryClientOptions options) {
        this.options = options;
        this.http =
                HttpClient.newBuilder().connectTimeout(options.connectTimeout()).build();
    }

    /** A client configured from the {@code registry.*} settings (see {@link RegistryClientOptions#fromSettings}). */
    public static HttpSchemaRegistryClient fromSettings(Settings settings) {
        return new HttpSchemaRegistryClient(RegistryClientOptions.fromSettings(settings));
    }

    /** The options this client was built with. */
    public RegistryClientOptions options() {
        return options;
    }

    @Override
    public int register(String subject, Schema schema) {
        Map<Schema, Integer> ids = idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>());
        Integer cached = ids.get(schema);
        if (cached != null) {
            return cached;
        }
        // Not computeIfAbsent: that would hold a map lock during an HTTP call. Two threads racing here both get the
        // same id back, since registering an existing schema is idempotent.
        JsonNode answer;
        try {
            answer = call(
                    "register",
                    "subject '" + subject + "'",
                    "POST",
                    "/subjects/" + encode(subject) + "/versions",
                    schemaBody(schema));
        } catch (SchemaRegistryException e) {
            if (!isCreateRace(e)) {
                throw e;
            }
            // Apicurio answers 409 "artifact ... already exists" to the loser of two first registrations of one subject
            // at once (three Streams instances starting together do that); the winner's schema is ours, so look it up.
            // Failing instead dropped the record being serialized (ClusterFailoverIT lost a report that way).
            answer = call(
                    "register",
                    "subject '" + subject + "' (lookup after a concurrent first registration)",
                    "POST",
                    "/subjects/" + encode(subject),
                    schemaBody(schema));
        }
        int id = requiredInt(answer, "id", "register", subject);
        ids.put(schema, id);
        schemasById.putIfAbsent(id, schema);
        log.info("Schema {} registered under subject {} with id {}", schema.getFullName(), subject, id);
        return id;
    }

    @Override
    public Schema getById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = call("getById", "id " + id, "GET", "/schemas/ids/" + id, null);
        Schema schema = parseSchema(requiredText(answer, "schema", "getById", "id " + id), "getById", "id " + id);
        schemasById.putIfAbsent(id, schema);
        log.debug("Fetched schema id {}: {}", id, schema.getFullName());
        return schema;
    }

    @Override
    public SchemaVersion latest(String subject) {
        String what = "subject '" + subject + "'";
        JsonNode answer = call("latest", what, "GET", "/subjects/" + encode(subject) + "/versions/latest", null);
        int id = requiredInt(answer, "id", "latest", subject);
        Schema schema = parseSchema(requiredText(answer, "schema", "latest", what), "latest", what);
        schemasById.putIfAbsent(id, schema);
        return new SchemaVersion(subject, requiredInt(answer, "version", "latest", subject), id, schema);
    }

    @Override
    public boolean isCompatible(String subject, Schema schema) {
        try {
            JsonNode answer = call(
                    "isCompatible",
                    "subject '" + subject + "'",
                    "POST",
                    "/compatibility/subjects/" + encode(subject) + "/versions/latest",
                    schemaBody(schema));
            JsonNode verdict = answer.get("is_compatible");
            if (verdict == null || !verdict.isBoolean()) {
                throw new SchemaRegistryException("isCompatible subject '" + subject
                        + "': answer has no boolean 'is_compatible': " + abbreviate(answer.toString()));
            }
            return verdict.booleanValue();
        } catch (SchemaRegistryException e) {
            if (e.isNotFound() && (e.errorCode() == SUBJECT_NOT_FOUND || e.errorCode() == VERSION_NOT_FOUND)) {
                log.debug("Subject {} has no versions yet, so any schema is compatible", subject);
                return true;
            }
            throw e;
        }
    }

    @Override
    public void setCompatibility(String subject, String level) {
        CompatibilityLevel parsed = CompatibilityLevel.parse(level);
        ObjectNode body = json.createObjectNode().put("compatibility", parsed.name());
        String path = subject == null ? "/config" : "/config/" + encode(subject);
        call("setCompatibility", subject == null ? "global config" : "subject '" + subject + "'", "PUT", path, body);
        log.info("Compatibility of {} set to {}", subject == null ? "the registry (global)" : subject, parsed);
    }

    private ObjectNode schemaBody(Schema schema) {
        // schemaType is left out: AVRO is the default, and old registries reject the field.
        return json.createObjectNode().put("schema", schema.toString());
    }

    /**
     * One HTTP exchange. Returns the parsed JSON answer of a 2xx response; anything else becomes a
     * {@link SchemaRegistryException} naming the call, its subject or id, the status and the registry's error body.
     */
    private static boolean isCreateRace(SchemaRegistryException e) {
        return e.httpStatus() == 409 && e.getMessage() != null && e.getMessage().contains("already exists");
    }

    private JsonNode call(String call, String what, String method, String path, JsonNode body) {
        URI uri = URI.create(options.baseUrl() + path);
        HttpRequest request = request(uri, method, body);
        HttpResponse<byte[]> response = send(request, call, what);
        String text = new String(response.body(), StandardCharsets.UTF_8);
        if (response.statusCode() / 100 != 2) {
            throw new SchemaRegistryException(
                    call + " " + what + ": HTTP " + response.statusCode() + " from " + method + " " + uri + ": "
                            + abbreviate(text),
                    response.statusCode(),
                    errorCode(text));
        }
        try {
            return text.isBlank() ? json.createObjectNode() : json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new SchemaRegistryException(
                    call + " " + what + ": " + method + " " + uri + " answered HTTP " + response.statusCode()
                            + " with a body that is not JSON: " + abbreviate(text),
                    e);
        }
    }

    private HttpRequest request(URI uri, String method, JsonNode body) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(uri).timeout(options.requestTimeout()).header("Accept", ACCEPT);
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", CONTENT_TYPE)
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        }
        options.basicAuth()
                .ifPresent(userInfo -> builder.header(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8))));
        return builder.build();
    }

    private HttpResponse<byte[]> send(HttpRequest request, String call, String what) {
        String where = call + " " + what + ": " + request.method() + " " + request.uri();
        CompletableFuture<HttpResponse<byte[]>> future =
                http.sendAsync(request, info -> new BoundedBodySubscriber(options.maxResponseBytes()));
        // The request timeout only covers the wait for the response headers; this deadline also covers the body.
        long deadlineMillis =
                options.requestTimeout().plus(options.connectTimeout()).toMillis();
        try {
            return future.get(deadlineMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException(where + ": interrupted", e);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new SchemaRegistryException(where + ": no complete answer within " + deadlineMillis + " ms", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String reason = cause instanceof IOException && cause.getMessage() != null
                    ? cause.getClass().getSimpleName() + ": " + cause.getMessage()
                    : String.valueOf(cause);
            throw new SchemaRegistryException(
                    where + ": registry not reachable or answer unreadable: " + reason, cause);
        }
    }

    private int errorCode(String body) {
        try {
            JsonNode code = json.readTree(body).get("error_code");
            return code != null && code.canConvertToInt() ? code.intValue() : SchemaRegistryException.NONE;
        } catch (JsonProcessingException e) {
            // an error page that is not JSON (a proxy, a wrong URL) simply has no Confluent error code
            log.debug("Registry error body is not JSON: {}", e.getOriginalMessage());
            return SchemaRegistryException.NONE;
        }
    }

    private static int requiredInt(JsonNode answer, String field, String call, String subject) {
        JsonNode value = answer.get(field);
        if (value == null || !value.canConvertToInt()) {
            throw new SchemaRegistryException(call + " subject '" + subject + "': answer has no integer '" + field
                    + "': " + abbreviate(answer.toString()));
        }
        return value.intValue();
    }

    private static String requiredText(JsonNode answer, String field, String call, String what) {
        JsonNode value = answer.get(field);
        if (value == null || !value.isTextual()) {
            throw new SchemaRegistryException(
                    call + " " + what + ": answer has no text '" + field + "': " + abbreviate(answer.toString()));
        }
        return value.textValue();
    }

    private static Schema parseSchema(String text, String call, String what) {
        try {
            // a new parser each time: a parser remembers named types and would refuse to see a record name twice
            return new Schema.Parser().parse(text);
        } catch (SchemaParseException e) {
            throw new SchemaRegistryException(
                    call + " " + what + ": registry returned a schema that is not valid Avro: " + e.getMessage(), e);
        }
    }

    private static String encode(String pathSegment) {
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_ERROR_BODY_CHARS ? oneLine : oneLine.substring(0, MAX_ERROR_BODY_CHARS) + "...";
    }
}
