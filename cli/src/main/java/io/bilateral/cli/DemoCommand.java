package io.bilateral.cli;

import io.bilateral.config.Settings;
import io.bilateral.enrich.topology.EventReport;
import io.bilateral.ingest.files.IngestReport;
import io.bilateral.ingest.files.ProgressBar;
import io.bilateral.registry.HttpSchemaRegistryClient;
import io.bilateral.schemas.ArticleEvent;
import io.bilateral.schemas.EnrichedArticle;
import io.bilateral.schemas.PairSummary;
import io.bilateral.topics.TopicTableReader;
import io.bilateral.topics.Topics;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code ./bilateral demo [--exit]}: the main job on the embedded stack. Starts broker, registry and both services,
 * ingests {@code samples/}, waits until every sample's reports are in {@code relations.pairs}, prints the pair table,
 * then serves the dashboard until Ctrl-C (or stops at once with {@code --exit}).
 */
final class DemoCommand {

    private static final Duration PROCESSING_TIMEOUT = Duration.ofMinutes(3);

    private final Settings settings;
    private final PrintStream out;
    private final AtomicBoolean stopped;

    DemoCommand(Settings settings, PrintStream out, AtomicBoolean stopped) {
        this.settings = settings;
        this.out = out;
        this.stopped = stopped;
    }

    int run(List<String> argv) {
        Args args = Args.parse(argv, Set.of("samples"), Set.of("exit"));
        Path samples = Path.of(args.option("samples")
                .orElse(Path.of(settings.string(CliSettings.REPO_ROOT))
                        .resolve("samples")
                        .toString()));
        StackCommand stackCommand = new StackCommand(settings, out);
        stackCommand.printEndpoints(stackCommand.startAll());

        out.println();
        out.println("Ingesting " + samples + " …");
        IngestReport report = new IngestCommand(settings, out)
                .ingest(List.of(samples), new ProgressBar(out, System.console() != null, 30));
        out.println(report.summary());
        if (!report.failed().isEmpty()) {
            report.failed().forEach(f -> out.println("  failed " + f.location() + ": " + f.reason()));
            return 1;
        }
        List<String> ids =
                report.published().stream().map(IngestReport.Published::id).toList();

        Topics topics = Topics.create(HttpSchemaRegistryClient.fromSettings(settings));
        TopicTableReader reader = new TopicTableReader(settings.kafkaProperties());
        Map<String, EnrichedArticle> enriched = reader.readUntil(
                topics.enrichedArticles(),
                table -> table.keySet().containsAll(ids),
                PROCESSING_TIMEOUT,
                "the " + ids.size() + " sample articles");
        Map<String, Integer> expected =
                expectedArticleCounts(ids.stream().map(enriched::get).toList());
        Map<String, PairSummary> pairs = reader.readUntil(
                topics.relationPairs(),
                table -> expected.entrySet().stream()
                        .allMatch(e -> table.containsKey(e.getKey())
                                && table.get(e.getKey()).getArticleCount() >= e.getValue()),
                PROCESSING_TIMEOUT,
                "the summaries of pairs " + expected.keySet());

        out.println();
        printTable(pairs.values().stream()
                .sorted(Comparator.comparing(PairSummary::getEventCount)
                        .thenComparing(PairSummary::getArticleCount)
                        .reversed()
                        .thenComparing(PairSummary::getPairId))
                .toList());
        if (args.flag("exit")) {
            return stackCommand.down(List.of());
        }
        out.println();
        out.println("Dashboard: http://127.0.0.1:" + settings.integer(CliSettings.ENRICH_PORT)
                + "/  — serving until Ctrl-C (the stack is stopped then; data kept).");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stackCommand.down(List.of()), "demo-down"));
        awaitCtrlC();
        return 0;
    }

    /** Reports per pair the samples give (one per happening told, usually one per article): what the pair table must show. */
    static Map<String, Integer> expectedArticleCounts(List<EnrichedArticle> articles) {
        Map<String, Integer> expected = new HashMap<>();
        for (EnrichedArticle article : articles) {
            for (String pair : pairsOf(article)) {
                expected.merge(pair, EventReport.forPair(article, pair).size(), Integer::sum);
            }
        }
        return expected;
    }

    private static List<String> pairsOf(EnrichedArticle article) {
        return article.getEvents().stream()
                .map(ArticleEvent::getPairId)
                .distinct()
                .toList();
    }

    private void printTable(List<PairSummary> pairs) {
        out.printf(
                Locale.ROOT,
                "%-9s %6s %8s %5s %8s %10s  %s%n",
                "pair",
                "events",
                "articles",
                "coop",
                "conflict",
                "goldstein",
                "latest event");
        for (PairSummary p : pairs) {
            var latest =
                    p.getLatestEvents().isEmpty() ? null : p.getLatestEvents().get(0);
            out.printf(
                    Locale.ROOT,
                    "%-9s %6d %8d %5d %8d %10.1f  %s%n",
                    p.getPairId(),
                    p.getEventCount(),
                    p.getArticleCount(),
                    p.getCooperationCount(),
                    p.getConflictCount(),
                    p.getEventCount() == 0 ? 0.0 : p.getGoldsteinSum() / p.getEventCount(),
                    latest == null
                            ? ""
                            : latest.getDate() + " " + latest.getEventCode() + " " + shorten(latest.getSentence()));
        }
        out.println(
                "(" + pairs.size() + " pairs; events merge reports of the same happening; "
                        + "relations.events holds each one, see ./bilateral tail --topic relations.events --from-beginning --until-idle 5)");
    }

    private static String shorten(String sentence) {
        return sentence.length() <= 70 ? sentence : sentence.substring(0, 69) + "…";
    }

    private void awaitCtrlC() {
        CountDownLatch forever = new CountDownLatch(1);
        try {
            while (!stopped.get()) {
                forever.await(1, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
