package io.bilateral.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every current schema must read what every released version wrote: the registry enforces BACKWARD too. */
class SchemaHistoryTest {

    private static final Path CURRENT = Path.of("src/main/avro");
    private static final Path HISTORY = Path.of("src/history");
    /** EventActor is defined in EnrichedArticle and reused by RelationshipEvent: parse that file first. */
    private static final String DEFINES_SHARED_TYPES = "EnrichedArticle.avsc";

    static Map<String, Schema> parse(Path dir) throws IOException {
        Schema.Parser parser = new Schema.Parser();
        Map<String, Schema> schemas = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = new ArrayList<>(
                    list.filter(p -> p.toString().endsWith(".avsc")).sorted().toList());
        }
        files.sort((a, b) -> Boolean.compare(!a.endsWith(DEFINES_SHARED_TYPES), !b.endsWith(DEFINES_SHARED_TYPES)));
        for (Path file : files) {
            Schema schema = parser.parse(file.toFile());
            schemas.put(schema.getName(), schema);
        }
        return schemas;
    }

    static List<Path> releases() throws IOException {
        try (Stream<Path> list = Files.list(HISTORY)) {
            return list.filter(Files::isDirectory).sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("releases")
    void shouldReadEveryRecordWrittenWithAReleasedSchema(Path release) throws IOException {
        Map<String, Schema> current = parse(CURRENT);
        Map<String, Schema> released = parse(release);

        assertThat(current.keySet()).as("a released schema was removed").containsAll(released.keySet());
        released.forEach((name, writer) -> {
            var result = SchemaCompatibility.checkReaderWriterCompatibility(current.get(name), writer)
                    .getResult();
            assertThat(result.getCompatibility())
                    .as("%s of %s: %s", name, release.getFileName(), result.getIncompatibilities())
                    .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
        });
    }

    @Test
    void shouldDocumentEveryField() throws IOException {
        parse(CURRENT).values().forEach(SchemaHistoryTest::assertDocumented);
    }

    @Test
    void shouldDetectABreakingChange() throws IOException {
        Schema released = parse(CURRENT).get("RawArticle");
        String breaking = released.toString()
                .replace(
                        "{\"name\":\"ingestedAt\"",
                        "{\"name\":\"mandatoryNewField\",\"type\":\"string\"},{\"name\":\"ingestedAt\"");
        Schema reader = new Schema.Parser().parse(breaking);

        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(reader, released)
                        .getType())
                .isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
    }

    private static void assertDocumented(Schema schema) {
        if (schema.getType() == Schema.Type.RECORD) {
            assertThat(schema.getDoc()).as("doc of record %s", schema.getName()).isNotBlank();
            for (Schema.Field field : schema.getFields()) {
                assertThat(field.doc())
                        .as("doc of %s.%s", schema.getName(), field.name())
                        .isNotBlank();
                assertDocumented(field.schema());
            }
        } else if (schema.getType() == Schema.Type.UNION) {
            schema.getTypes().forEach(SchemaHistoryTest::assertDocumented);
        } else if (schema.getType() == Schema.Type.ARRAY) {
            assertDocumented(schema.getElementType());
        } else if (schema.getType() == Schema.Type.MAP) {
            assertDocumented(schema.getValueType());
        }
    }
}
