package io.bilateral.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bilateral.ingest.files.FileItem;
import io.bilateral.ingest.files.TxtFormat;
import io.bilateral.language.LanguageDetection;
import io.bilateral.schemas.RawArticle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.Stream;

/**
 * The articles a benchmark feeds, endlessly: copy {@code i} is base article {@code i % size} re-keyed, so any number
 * of articles can be drawn from a small corpus and each is a new article to the pipeline, never a re-delivery. A copy
 * gets a new id, a one-line change of text, and — from the second pass over the corpus on — a publication date
 * {@link #ROUND_SHIFT} later per pass, so copies of one article never merge into the same event as their original
 * (a 72 h clustering window) and events do not grow without bound as they would if thousands of copies of five
 * articles reported the same happening.
 *
 * <p>A copy carries the language the ingest-service would have given it: the ingest-service detects every article's
 * language at intake, so the enrich-service only detects for producers that leave it out. Feeding language-less
 * articles made the benchmark measure that fallback instead: Lingua took 60 % of the stream thread's CPU samples on
 * reut2-003 (JFR), and the pipeline/passthrough ratio fell from 0.74 to 0.16. Detected once per base article.
 */
public final class Corpus {

    /** Date shift between passes over the corpus: more than the 72 h clustering window. */
    static final Duration ROUND_SHIFT = Duration.ofDays(28);
    /** Publication date of articles that come without one. */
    static final Instant DEFAULT_PUBLISHED = Instant.parse("2024-01-01T09:00:00Z");

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Reuters-21578's own date format, e.g. {@code 26-FEB-1987 15:01:01.79}. */
    private static final DateTimeFormatter REUTERS_DATE = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("d-MMM-yyyy HH:mm:ss")
            .optionalStart()
            .appendPattern(".SS")
            .optionalEnd()
            .toFormatter(Locale.ROOT);

    /** One article as the corpus gives it. */
    public record Base(String id, String title, String body, String source, Instant published) {}

    private final List<Base> articles;
    private final String description;
    private final AtomicReferenceArray<String> languages;

    Corpus(List<Base> articles, String description) {
        if (articles.isEmpty()) {
            throw new IllegalArgumentException("the corpus " + description + " holds no articles");
        }
        this.articles = List.copyOf(articles);
        this.description = description;
        this.languages = new AtomicReferenceArray<>(articles.size());
    }

    /**
     * Reads {@code .jsonl} files (one {@code {"id","title","body",...}} object a line) and {@code .txt} files (the first
     * non-empty line is the title, as {@code ./bilateral ingest} reads them); a directory stands for the {@code .txt}
     * and {@code .jsonl} files in it.
     */
    public static Corpus load(List<Path> paths) {
        List<Base> articles = new ArrayList<>();
        for (Path path : paths) {
            for (Path file : files(path)) {
                String name = file.getFileName().toString();
                String text = read(file);
                if (name.endsWith(".jsonl")) {
                    articles.addAll(parseJsonl(file.toString(), text));
                } else {
                    articles.addAll(parseTxt(file.toString(), text));
                }
            }
        }
        return new Corpus(
                articles, String.join(" ", paths.stream().map(Path::toString).toList()));
    }

    public int size() {
        return articles.size();
    }

    public String description() {
        return description;
    }

    /** Copy {@code i} (from 0) of the corpus, re-keyed; see the class comment. */
    public RawArticle copy(long i, Instant ingestedAt) {
        int index = (int) (i % articles.size());
        Base base = articles.get(index);
        long round = i / articles.size();
        return RawArticle.newBuilder()
                .setLanguage(language(index, base))
                .setId("bench-" + i + "-" + base.id())
                .setTitle(base.title())
                .setBody(base.body() + "\n\n(Benchmark copy " + i + ".)")
                .setSource(base.source())
                .setPublished(base.published().plus(ROUND_SHIFT.multipliedBy(round)))
                .setIngestedAt(ingestedAt)
                .setOrigin("bench")
                .build();
    }

    /** The language the ingest-service's intake would detect for the base article; computed on its first copy. */
    private String language(int index, Base base) {
        String known = languages.get(index);
        if (known == null) {
            known = LanguageDetection.detect(base.title(), base.body());
            languages.set(index, known);
        }
        return known;
    }

    static List<Base> parseJsonl(String location, String text) {
        List<Base> articles = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n");
        for (int n = 0; n < lines.length; n++) {
            if (lines[n].isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(lines[n]);
            } catch (IOException e) {
                throw new IllegalArgumentException(
                        location + ":" + (n + 1) + ": not a JSON object: " + e.getMessage(), e);
            }
            String body = node.path("body").asText("");
            if (body.isBlank()) {
                continue; // Reuters has articles with a title only; the ingest-service rejects an empty body too
            }
            String id = node.hasNonNull("id") ? node.get("id").asText() : "line" + (n + 1);
            String source = node.hasNonNull("source") ? node.get("source").asText() : null;
            Instant published = date(node.path("published").asText(null));
            if (published == null) {
                published = date(node.path("date").asText(null));
            }
            articles.add(new Base(
                    id,
                    node.path("title").asText(""),
                    body,
                    source,
                    published == null ? DEFAULT_PUBLISHED : published));
        }
        return articles;
    }

    static List<Base> parseTxt(String location, String text) {
        List<Base> articles = new ArrayList<>();
        for (FileItem item : new TxtFormat().parse(location, text)) {
            if (item instanceof FileItem.Draft d
                    && d.draft().body() != null
                    && !d.draft().body().isBlank()) {
                String name = Path.of(location).getFileName().toString();
                Instant published = date(d.draft().published());
                articles.add(new Base(
                        name.replaceFirst("\\.txt$", ""),
                        d.draft().title(),
                        d.draft().body(),
                        null,
                        published == null ? DEFAULT_PUBLISHED : published));
            }
        }
        return articles;
    }

    /** An ISO instant, offset date-time or date, or Reuters' format; null when absent or unreadable. */
    static Instant date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            // try the next format
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            // try the next format
        }
        try {
            return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            // try the next format
        }
        try {
            return LocalDateTime.parse(v, REUTERS_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static List<Path> files(Path path) {
        if (!Files.isDirectory(path)) {
            if (!Files.isRegularFile(path)) {
                throw new IllegalArgumentException("corpus file " + path + " does not exist");
            }
            return List.of(path);
        }
        try (Stream<Path> entries = Files.list(path)) {
            return entries.filter(
                            p -> p.toString().endsWith(".txt") || p.toString().endsWith(".jsonl"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + path + ": " + e.getMessage(), e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
