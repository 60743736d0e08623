package io.bilateral.ingest.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the JSON form of an article, shared by the HTTP API and {@code .jsonl} files:
 * {@code {"id"?, "title", "body", "url"?, "source"?, "sourceCountry"?, "published"?, "language"?}}. Fields must be strings or
 * null; other fields are ignored so that richer exports (e.g. with tags) can be ingested as they are.
 */
public final class ArticleJson {

    // Strict on purpose: a duplicated key or trailing garbage means the sender's JSON is not what they think it is.
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private static final Pattern JACKSON_HINTS = Pattern.compile(
            "\\s*\\(start marker at \\[Source:[^\\]]*\\]\\)|\\s*\\(bound as `[^`]*`\\)|: not allowed as per `[^`]*`");

    private ArticleJson() {}

    /**
     * The draft in the JSON document {@code json}.
     *
     * @throws JsonProcessingException when {@code json} is not well-formed JSON (see {@link #describe})
     * @throws InvalidArticleException when it is JSON but not an article object
     */
    public static ArticleDraft parse(String json) throws JsonProcessingException {
        return toDraft(MAPPER.readTree(json));
    }

    /** A one-line description of a JSON syntax error with its position, e.g. for a 400 answer. */
    public static String describe(JsonProcessingException e) {
        String where = e.getLocation() == null
                ? ""
                : " at line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr();
        String what = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : firstLine(e.getOriginalMessage());
        return "malformed JSON" + where + ": " + what;
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        String line = newline < 0 ? text : text.substring(0, newline);
        // Jackson's hints name its own classes and features, which mean nothing to the sender of the JSON.
        return JACKSON_HINTS.matcher(line).replaceAll("");
    }

    /** The draft {@code node} describes; {@link InvalidArticleException} naming the field when a type is wrong. */
    public static ArticleDraft toDraft(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new InvalidArticleException(null, "expected a JSON object, got " + describe(node));
        }
        return new ArticleDraft(
                text(node, "id"),
                text(node, "title"),
                text(node, "body"),
                text(node, "url"),
                text(node, "source"),
                text(node, "sourceCountry"),
                text(node, "published"),
                text(node, "language"));
    }

    private static String text(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidArticleException(field, "expected a string, got " + describe(value));
        }
        return value.textValue();
    }

    private static String describe(JsonNode node) {
        return node == null ? "nothing" : node.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
