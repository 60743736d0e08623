package io.bilateral.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bilateral.registry.InMemorySchemaRegistry;
import io.bilateral.schemas.RawArticle;
import io.bilateral.topics.Topic;
import io.bilateral.topics.Topics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** {@code ./bilateral tail} never hands a control character to the terminal. */
class RecordPrinterTest {

    private static final String HOSTILE = "red \u001B[31mtext\u0007\u009B\u202Eevil\u0000 تهران\u200Cها";

    private final Topic<String, RawArticle> topic =
            Topics.create(new InMemorySchemaRegistry()).rawArticles();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private ConsumerRecord<byte[], byte[]> record() {
        RawArticle article = RawArticle.newBuilder()
                .setId("a1")
                .setTitle(HOSTILE)
                .setBody("body")
                .setUrl(null)
                .setSource(null)
                .setSourceCountry(null)
                .setLanguage(null)
                .setPublished(null)
                .setIngestedAt(Instant.parse("2024-05-01T10:00:00Z"))
                .setOrigin("http")
                .build();
        byte[] value = topic.valueSerde().serializer().serialize(topic.name(), article);
        return new ConsumerRecord<>(topic.name(), 0, 7, "a1".getBytes(StandardCharsets.UTF_8), value);
    }

    private String print(boolean json) {
        RecordPrinter printer = new RecordPrinter(topic, out, json);
        ConsumerRecord<byte[], byte[]> record = record();
        printer.print(record, printer.decode(record));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldEscapeControlCharactersInHumanLines() {
        String printed = print(false);
        assertTrue(printed.strip().chars().noneMatch(RecordPrinterTest::isControl), printed);
        assertTrue(printed.contains("\\u001B[31mtext\\u0007\\u009B\\u202Eevil\\u0000 تهران\u200Cها"), printed);
    }

    @Test
    void shouldPrintJsonLinesThatStillDecodeToTheStoredText() throws Exception {
        String printed = print(true);
        assertTrue(printed.strip().chars().noneMatch(RecordPrinterTest::isControl), printed);
        assertEquals(
                HOSTILE,
                new ObjectMapper().readTree(printed).path("value").path("title").asText());
    }

    private static boolean isControl(int c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E);
    }
}
