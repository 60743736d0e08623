package io.bilateral.ingest.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.bilateral.ingest.InMemoryPublisher;
import io.bilateral.ingest.article.ArticleId;
import io.bilateral.ingest.article.ArticleLimits;
import io.bilateral.ingest.article.ArticleValidator;
import io.bilateral.schemas.RawArticle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileIngestTest {

    @TempDir
    Path dir;

    private final FileIngest ingest =
            new FileIngest(new ArticleValidator(ArticleLimits.DEFAULTS), 10_000, Duration.ofSeconds(5));

    @Test
    void shouldPublishTheFiveSamplesKeyedByTheirIds() {
        InMemoryPublisher broker = InMemoryPublisher.acking();

        IngestReport report = ingest.ingest(List.of(Samples.directory()), broker.publisher, ProgressListener.NONE);

        assertEquals("5 files: 5 published, 0 rejected, 0 duplicates, 1 skipped", report.summary());
        assertThat(report.ok()).isTrue();
        List<ProducerRecord<String, RawArticle>> sent = broker.sent();
        assertThat(sent).hasSize(5).allSatisfy(record -> {
            assertEquals("news.articles.raw", record.topic());
            assertEquals(record.value().getId(), record.key());
            assertEquals(
                    ArticleId.forText(record.value().getTitle(), record.value().getBody()), record.key());
            assertEquals(InMemoryPublisher.NOW, record.value().getIngestedAt());
        });
        assertThat(sent)
                .extracting(record -> record.value().getOrigin())
                .containsExactly(
                        "file:000_600784257c125a02.txt",
                        "file:001_13beb62d9077d9a8.txt",
                        "file:002_209c1dd2b27bd5af.txt",
                        "file:003_4776d62a20950e61.txt",
                        "file:004_c0d5be32047a8333.txt");
        RawArticle kyrgyz = sent.get(4).value();
        assertEquals("Iranian, Kyrgyz officials discuss security cooperation", kyrgyz.getTitle());
        assertEquals(Instant.parse("2021-12-05T12:11:00Z"), kyrgyz.getPublished());
        assertNull(kyrgyz.getUrl());
        assertThat(report.published())
                .extracting(IngestReport.Published::id)
                .containsExactlyElementsOf(
                        sent.stream().map(ProducerRecord::key).toList());
    }

    @Test
    void shouldGiveTheSameIdsWhenTheSameFilesAreIngestedAgain() {
        InMemoryPublisher first = InMemoryPublisher.acking();
        InMemoryPublisher second = InMemoryPublisher.acking();
        IngestReport one = ingest.ingest(List.of(Samples.directory()), first.publisher, ProgressListener.NONE);
        IngestReport two = ingest.ingest(List.of(Samples.directory()), second.publisher, ProgressListener.NONE);
        assertEquals(one.published(), two.published());
        assertThat(one.published()).extracting(IngestReport.Published::id).doesNotHaveDuplicates();
    }

    @Test
    void shouldRemoveControlCharactersFromEveryFileFormat() throws IOException {
        Files.writeString(dir.resolve("a.txt"), "\uFEFFTitle\u0000 one\n\nBody\u001B[0m\u202E one.");
        Files.writeString(dir.resolve("b.jsonl"), "{\"title\":\"Title\\u0085 two\",\"body\":\"Body\\u0007 two.\"}");
        Files.writeString(
                dir.resolve("c.html"), "<title>Title&#1; three</title><p>Body \u009Bthree&#x2067;&#x1B;.</p>");
        InMemoryPublisher broker = InMemoryPublisher.acking();

        IngestReport report = ingest.ingest(List.of(dir), broker.publisher, ProgressListener.NONE);

        assertEquals(3, report.published().size(), report.summary());
        assertThat(broker.sent())
                .extracting(r -> r.value().getTitle() + "|" + r.value().getBody())
                .containsExactlyInAnyOrder("Title one|Body[0m one.", "Title two|Body two.", "Title three|Body three.");
    }

    @Test
    void shouldReportEveryBadItemAndStillPublishTheGoodOnes() throws IOException {
        Files.writeString(dir.resolve("a.txt"), "Title\n\nSame body.");
        Files.writeString(
                dir.resolve("b.jsonl"),
                String.join(
                        "\n",
                        "{\"title\":\"Title\",\"body\":\"Same  body.\"}",
                        "{\"title\":\"Other\",\"body\":\"Other body.\",\"url\":\"https://e.com/1?utm_source=x\"}",
                        "{\"title\":\"Other again\",\"body\":\"Different text.\",\"url\":\"https://E.com/1\"}",
                        "{\"title\":\"Broken\"",
                        "{\"title\":\"No body\",\"body\":\"  \"}",
                        "{\"title\":\"Bad country\",\"body\":\"b\",\"sourceCountry\":\"XX\"}"));
        Files.write(dir.resolve("c.txt"), new byte[] {'T', '\n', 'b', (byte) 0xFF});
        Files.writeString(dir.resolve("d.html"), "<p>" + "x".repeat(10_000) + "</p>");
        Files.writeString(dir.resolve("notes.md"), "not an article");
        Path missing = dir.resolve("missing.txt");
        InMemoryPublisher broker = InMemoryPublisher.acking();

        IngestReport report = ingest.ingest(List.of(dir, missing), broker.publisher, ProgressListener.NONE);

        String a = dir.resolve("a.txt").toString();
        String b = dir.resolve("b.jsonl").toString();
        assertEquals(
                List.of(
                        new IngestReport.Published(a, ArticleId.forText("Title", "Same body.")),
                        new IngestReport.Published(b + ":2", ArticleId.forUrl("https://e.com/1"))),
                report.published());
        assertEquals(
                List.of(
                        new IngestReport.Duplicate(b + ":1", ArticleId.forText("Title", "Same body."), a),
                        new IngestReport.Duplicate(b + ":3", ArticleId.forUrl("https://e.com/1"), b + ":2")),
                report.duplicates());
        assertThat(report.rejected())
                .extracting(Object::toString)
                .containsExactly(
                        missing + ": no such file or directory",
                        b
                                + ":4: malformed JSON at line 1, column 18: Unexpected end-of-input: expected close marker for Object",
                        b + ":5: body: must not be empty",
                        b + ":6: sourceCountry: 'XX' is not an ISO 3166-1 alpha-3 country code (e.g. IRN)",
                        dir.resolve("c.txt")
                                + ": not valid UTF-8 (invalid byte 0xFF at offset 3); convert it to UTF-8 first",
                        dir.resolve("d.html") + ": 10007 bytes exceeds the limit of 10000 bytes per file");
        assertThat(report.skipped())
                .extracting(Object::toString)
                .containsExactly(dir.resolve("notes.md")
                        + ": unsupported file type (expected .txt, .jsonl (or .ndjson), .html (or .htm))");
        assertThat(report.ok()).isFalse();
        assertThat(broker.sent()).hasSize(2);
    }

    @Test
    void shouldStopWhenTheBrokerFails() throws IOException {
        Files.writeString(dir.resolve("a.jsonl"), "{\"body\":\"A1\"}\n{\"body\":\"A2\"}\n{\"body\":\"A3\"}");
        Files.writeString(dir.resolve("b.txt"), "Title\nBody B");
        InMemoryPublisher broker = InMemoryPublisher.acking();
        broker.producer.sendException =
                new TimeoutException("Topic news.articles.raw not present in metadata after 10000 ms.");

        IngestReport report = ingest.ingest(List.of(dir), broker.publisher, ProgressListener.NONE);

        assertEquals(1, report.files());
        assertThat(report.published()).isEmpty();
        assertThat(report.failed()).singleElement().satisfies(failed -> {
            assertEquals(dir.resolve("a.jsonl") + ":1", failed.location());
            assertEquals(
                    "could not send article " + failed.id() + " to news.articles.raw: "
                            + "org.apache.kafka.common.errors.TimeoutException: Topic news.articles.raw not present in metadata "
                            + "after 10000 ms.",
                    failed.reason());
        });
        assertThat(report.summary())
                .startsWith("1 file: 0 published, 0 rejected, 0 duplicates, 0 skipped, 1 failed (stopped: ");
    }

    @Test
    void shouldReportAcknowledgementsThatDoNotCome() throws IOException {
        Files.writeString(dir.resolve("a.txt"), "Title\nBody A");
        InMemoryPublisher broker = InMemoryPublisher.manual();
        FileIngest impatient =
                new FileIngest(new ArticleValidator(ArticleLimits.DEFAULTS), 10_000, Duration.ofMillis(50));

        IngestReport report = impatient.ingest(List.of(dir), broker.publisher, ProgressListener.NONE);

        String id = ArticleId.forText("Title", "Body A");
        assertEquals(
                List.of(new IngestReport.Failed(
                        dir.resolve("a.txt").toString(),
                        id,
                        "broker did not acknowledge article " + id + " on news.articles.raw within 50 ms")),
                report.failed());
    }

    @Test
    void shouldReportProgressAfterEveryFile() throws IOException {
        Files.writeString(dir.resolve("a.txt"), "Title\nBody A");
        Files.writeString(dir.resolve("b.jsonl"), "{\"body\":\"B1\"}\n{\"body\":\"\"}\n{\"body\":\"B1\"}");
        Files.writeString(dir.resolve("c.txt"), "");
        List<Object> events = new ArrayList<>();
        ProgressListener recorder = new ProgressListener() {
            @Override
            public void onProgress(IngestProgress progress) {
                events.add(progress);
            }

            @Override
            public void onFinish(IngestReport report) {
                events.add(report.summary());
            }
        };

        ingest.ingest(List.of(dir), InMemoryPublisher.acking().publisher, recorder);

        assertEquals(
                List.of(
                        new IngestProgress(0, 3, 0, 0, 0),
                        new IngestProgress(1, 3, 1, 0, 0),
                        new IngestProgress(2, 3, 2, 1, 1),
                        new IngestProgress(3, 3, 2, 2, 1),
                        "3 files: 2 published, 2 rejected, 1 duplicate, 0 skipped"),
                events);
    }
}
