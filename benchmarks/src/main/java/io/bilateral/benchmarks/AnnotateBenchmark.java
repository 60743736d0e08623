package io.bilateral.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bilateral.enrich.engine.Annotation;
import io.bilateral.enrich.engine.ArticleInput;
import io.bilateral.enrich.engine.Enricher;
import io.bilateral.enrich.engine.RuleBasedEnricher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of the whole annotate step ({@link Enricher#annotate}) on one thread. One operation is one byte
 * (UTF-8) of article text (title + body): the score in ops/us is MB/s. {@code -prof gc} adds the allocation rate
 * ({@code gc.alloc.rate.norm} is then bytes allocated per byte of text).
 *
 * <p>The corpus is the bundled samples ({@code samples/*.txt}: first line title, rest body) unless
 * {@code -Dbench.corpus=FILE.jsonl[,MORE.jsonl]} names JSONL files of {@code {"id","title","body","language"?}} lines
 * (a Reuters development file; the project's own items in seven languages, {@code devsets/languages/*.jsonl}); {@code -Dbench.samples=DIR} points at another samples directory.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class AnnotateBenchmark {

    private Enricher enricher;
    private List<ArticleInput> articles;
    private long bytes;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        enricher = RuleBasedEnricher.create();
        articles = load();
        if (articles.isEmpty()) {
            throw new IllegalStateException("no articles: set -Dbench.corpus=FILE.jsonl or -Dbench.samples=DIR");
        }
        for (ArticleInput a : articles) {
            bytes += a.text().getBytes(StandardCharsets.UTF_8).length;
        }
    }

    /** The whole corpus once per invocation; the byte count makes the score MB/s. */
    @Benchmark
    public void annotateCorpus(Blackhole bh, CorpusBytes counter) {
        for (ArticleInput a : articles) {
            bh.consume(enricher.annotate(a));
        }
        counter.bytes += bytes;
    }

    /** One article per invocation, round robin (latency-like view; score is articles/us). */
    @Benchmark
    public Annotation annotateOneArticle() {
        ArticleInput a = articles.get(next);
        next = next + 1 == articles.size() ? 0 : next + 1;
        return enricher.annotate(a);
    }

    /** Counts the bytes processed so that JMH reports them as a secondary result in bytes/us (= MB/s). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class CorpusBytes {
        public long bytes;

        @Setup(Level.Iteration)
        public void reset() {
            bytes = 0;
        }
    }

    static List<ArticleInput> load() throws IOException {
        String corpus = System.getProperty("bench.corpus");
        if (corpus != null) {
            ObjectMapper json = new ObjectMapper();
            List<ArticleInput> out = new ArrayList<>();
            for (String file : corpus.split(",")) {
                for (String line : Files.readAllLines(Path.of(file.strip()), StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        out.add(article(json.readTree(line)));
                    }
                }
            }
            return out;
        }
        Path dir = Path.of(System.getProperty("bench.samples", findSamples()));
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".txt"))
                    .sorted()
                    .map(AnnotateBenchmark::sample)
                    .toList();
        }
    }

    /**
     * One JSONL line as {@code ./bilateral annotate} reads it: {"id","title","body","published"?,"source"?,
     * "sourceCountry"?,"language"?}. The stated language is kept (no detection here: that is ingest's cost, not the
     * engine's), so a non-English corpus runs through its language pack.
     */
    private static ArticleInput article(JsonNode j) {
        Instant published = null;
        String p = text(j, "published");
        if (p != null) {
            try {
                published = Instant.parse(p);
            } catch (DateTimeParseException e) {
                published = null; // free-form dates are not needed to annotate
            }
        }
        return new ArticleInput(
                text(j, "id"),
                nz(text(j, "title")),
                nz(text(j, "body")),
                published,
                text(j, "source"),
                text(j, "sourceCountry"),
                text(j, "language"));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String text(JsonNode j, String f) {
        JsonNode v = j.get(f);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static ArticleInput sample(Path p) {
        try {
            String text = Files.readString(p, StandardCharsets.UTF_8);
            int nl = text.indexOf('\n');
            String title = nl < 0 ? text : text.substring(0, nl).strip();
            String body = nl < 0 ? "" : text.substring(nl + 1).strip();
            return new ArticleInput(p.getFileName().toString(), title, body, null, null, null);
        } catch (IOException e) {
            throw new UncheckedIOException("reading sample " + p, e);
        }
    }

    /** samples/ of the repository, from the repository root or a module directory. */
    private static String findSamples() {
        for (String c : new String[] {"samples", "../samples"}) {
            if (Files.isDirectory(Path.of(c))) {
                return c;
            }
        }
        return "samples";
    }
}
