package io.bilateral.ingest.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpExchange;
import io.bilateral.ingest.article.ArticleDraft;
import io.bilateral.ingest.article.ArticleJson;
import io.bilateral.ingest.article.InvalidArticleException;
import io.bilateral.ingest.intake.ArticleIntake;
import io.bilateral.ingest.intake.IngestMetrics;
import io.bilateral.ingest.intake.Outcome;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code POST /articles:batch}: many articles as a JSON array ({@code application/json}) or one JSON object a line
 * ({@code application/x-ndjson}). One bad item never spoils the others: the answer is 207 with every item's fate by its
 * index ({@code accepted}, {@code duplicates}, {@code errors} with the field, {@code notStored} to retry). 503 only when
 * the broker stored none of the valid items; 400/413/415 when the request as a whole is unreadable.
 */
final class BatchHandler extends JsonPostHandler {

    static final String PATH = "/articles:batch";
    private static final Set<String> ARRAY = Set.of("application/json");
    private static final Set<String> LINES =
            Set.of("application/x-ndjson", "application/ndjson", "application/jsonl", "application/x-jsonlines");
    private static final Set<String> ACCEPTED = union(ARRAY, LINES);
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final ArticleIntake intake;
    private final int maxItems;
    private final Duration ackTimeout;

    BatchHandler(ArticleIntake intake, int maxBytes, int maxItems, Duration ackTimeout) {
        super(PATH, ACCEPTED, "application/json (an array) or application/x-ndjson", maxBytes, intake.metrics());
        this.intake = intake;
        this.maxItems = maxItems;
        this.ackTimeout = ackTimeout;
    }

    /** One item of the batch: a draft, or why it could not become one. */
    private record Item(ArticleDraft draft, Outcome.Invalid problem) {}

    @Override
    String invalidReason(InvalidArticleException e) {
        return "malformed_batch";
    }

    @Override
    void respond(HttpExchange exchange, String mediaType, String body)
            throws IOException, JsonProcessingException, InvalidArticleException {
        IngestMetrics metrics = intake.metrics();
        List<Item> items = LINES.contains(mediaType) ? lines(body) : array(body);
        if (items.isEmpty()) {
            metrics.rejected("empty_batch");
            JsonResponses.error(exchange, 400, "the batch holds no articles", null);
            return;
        }
        if (items.size() > maxItems) {
            metrics.rejected("too_many_items");
            JsonResponses.error(
                    exchange,
                    413,
                    "the batch holds " + items.size() + " articles, more than the limit of " + maxItems,
                    null);
            return;
        }
        answer(exchange, ingest(items));
    }

    private Map<Integer, Outcome> ingest(List<Item> items) {
        Map<Integer, ArticleDraft> drafts = new LinkedHashMap<>();
        Map<Integer, Outcome> outcomes = new TreeMap<>();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).problem() != null) {
                outcomes.put(i, items.get(i).problem());
                Outcome.Invalid problem = items.get(i).problem();
                intake.metrics().rejected(problem.field() == null ? "malformed_json" : "invalid_" + problem.field());
            } else {
                drafts.put(i, items.get(i).draft());
            }
        }
        outcomes.putAll(intake.ingestAll(drafts, "http", "batch", ackTimeout));
        return outcomes;
    }

    private static void answer(HttpExchange exchange, Map<Integer, Outcome> outcomes) throws IOException {
        List<Map<String, Object>> accepted = new ArrayList<>();
        List<Map<String, Object>> duplicates = new ArrayList<>();
        List<Map<String, Object>> errors = new ArrayList<>();
        List<Map<String, Object>> notStored = new ArrayList<>();
        outcomes.forEach((index, outcome) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("index", index);
            if (outcome instanceof Outcome.Accepted a) {
                entry.put("id", a.id());
                accepted.add(entry);
            } else if (outcome instanceof Outcome.Duplicate d) {
                entry.put("id", d.id());
                duplicates.add(entry);
            } else if (outcome instanceof Outcome.Invalid invalid) {
                if (invalid.field() != null) {
                    entry.put("field", invalid.field());
                }
                entry.put("error", invalid.message());
                errors.add(entry);
            } else if (outcome instanceof Outcome.NotStored n) {
                entry.put("id", n.id());
                entry.put("error", n.message());
                notStored.add(entry);
            }
        });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accepted", accepted);
        body.put("duplicates", duplicates);
        body.put("errors", errors);
        body.put("notStored", notStored);
        int status = 207;
        if (!notStored.isEmpty()) {
            exchange.getResponseHeaders().set("Retry-After", ArticlesHandler.RETRY_AFTER_SECONDS);
            if (accepted.isEmpty()) {
                status = 503; // nothing got through because of the broker: the whole batch should be retried
            }
        }
        JsonResponses.send(exchange, status, body);
    }

    private static List<Item> array(String text) throws JsonProcessingException {
        JsonNode root = MAPPER.readTree(text);
        if (root == null || !root.isArray()) {
            throw new InvalidArticleException(
                    null,
                    "expected a JSON array of article objects (or send " + "application/x-ndjson, one object a line)");
        }
        List<Item> items = new ArrayList<>();
        root.forEach(node -> items.add(item(node)));
        return items;
    }

    /** One item per non-blank line; a malformed line is that item's error, the others still count. */
    private static List<Item> lines(String text) {
        List<Item> items = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                items.add(item(MAPPER.readTree(lines[i])));
            } catch (JsonProcessingException e) {
                items.add(
                        new Item(null, new Outcome.Invalid(null, "line " + (i + 1) + ": " + ArticleJson.describe(e))));
            }
        }
        return items;
    }

    private static Item item(JsonNode node) {
        try {
            return new Item(ArticleJson.toDraft(node), null);
        } catch (InvalidArticleException e) {
            return new Item(null, new Outcome.Invalid(e.field(), e.getMessage()));
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        HashSet<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
