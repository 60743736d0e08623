package io.bilateral.bench;

import io.bilateral.enrich.config.EnrichConfig;
import io.bilateral.registry.HttpSchemaRegistryClient;
import io.bilateral.topics.TopicNames;
import io.bilateral.topics.Topics;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * One run of the benchmark on a fresh stack: the enrich-service on a backlog (throughput), then at each offered rate
 * (latency), then the passthrough on a backlog of the same size (baseline). See {@link CommittedProgress} for how
 * "done" is decided and {@link ArticleLoader} for how articles are offered.
 */
final class BenchRun {

    static final String ENRICH = "enrich-service";
    static final String PASSTHROUGH = "passthrough";
    static final String ENRICH_APP_ID = EnrichConfig.DEFAULTS.get("kafka.application.id");
    static final String PASSTHROUGH_APP_ID = "bilateral-bench-passthrough";
    /**
     * The enrich topology's inputs in topological order: raw articles, then its repartition topics (named in
     * {@code RelationsTopology}). A repartition topic not listed here fails the run instead of being missed.
     */
    static final List<String> PIPELINE_REPARTITIONS = List.of("articles-by-pair");

    private static final int BROKER_ID = 1;
    /** How long a committed backlog may take to become visible (its commit markers written). */
    private static final Duration VISIBLE_TIMEOUT = Duration.ofSeconds(60);

    private final BenchOptions options;
    private final Corpus corpus;
    private final Path repoRoot;
    private final String classpath;
    private final PrintStream progress;

    BenchRun(BenchOptions options, Corpus corpus, Path repoRoot, String classpath, PrintStream progress) {
        this.options = options;
        this.corpus = corpus;
        this.repoRoot = repoRoot;
        this.classpath = classpath;
        this.progress = progress;
    }

    RunResult run() throws IOException, InterruptedException {
        progress.println("bench: starting broker and registry on free ports …");
        try (BenchStack stack = BenchStack.start(repoRoot, classpath, options.keep() || options.jfr());
                CommittedProgress committed = new CommittedProgress(stack.bootstrapServers());
                Admin admin =
                        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
            progress.println("bench: data in " + stack.layout().root());
            Topics topics = Topics.create(HttpSchemaRegistryClient.fromSettings(stack.settings()));
            ArticleLoader loader = new ArticleLoader(stack.bootstrapServers(), topics.rawArticles(), corpus);
            long brokerPid = stack.brokerPid();

            List<String> enrichJvm = new ArrayList<>(io.bilateral.enrich.App.JVM_ARGS); // as ./bilateral up runs it
            enrichJvm.addAll(options.enrichJvmArgs()); // later options win, e.g. another -Xmx
            if (options.jfr()) {
                enrichJvm.add("-XX:StartFlightRecording=filename="
                        + stack.layout().logsDir().resolve(ENRICH + ".jfr") + ",settings=profile,dumponexit=true");
            }
            progress.println("bench: starting the enrich-service (exactly_once_v2, the full dictionary) …");
            BenchStack.Service enrich = stack.startService(ENRICH, "io.bilateral.enrich.App", Map.of(), enrichJvm);
            List<String> stages = pipelineStages(committed);
            RunResult.Throughput pipeline =
                    throughput("pipeline", ENRICH_APP_ID, stages, enrich, brokerPid, 0, loader, committed, admin);
            long next = options.warmup() + options.articles();
            List<RunResult.Latency> latencies = new ArrayList<>();
            for (int rate : options.rates()) {
                int count = PacingSchedule.messagesIn(rate, options.duration());
                progress.printf("bench: latency at %d articles/s (%d articles) …%n", rate, count);
                latencies.add(latency(rate, count, next, loader, committed, stages));
                next += count;
            }
            RunResult.Memory enrichMemory = memory(enrich);
            stack.stop(enrich);
            enrichMemory = new RunResult.Memory(enrichMemory.peakRssBytes(), GcLog.read(enrich.gcLog()));

            // the baseline starts at the current end of the raw topic: the backlogs written from now on are its own
            committed.commitEnd(PASSTHROUGH_APP_ID, TopicNames.RAW_ARTICLES);
            progress.println("bench: starting the passthrough baseline (same Streams configuration and serdes) …");
            BenchStack.Service passthrough = stack.startService(
                    PASSTHROUGH,
                    PassthroughMain.class.getName(),
                    Map.of("kafka.application.id", PASSTHROUGH_APP_ID),
                    List.of());
            RunResult.Throughput baseline = throughput(
                    "passthrough",
                    PASSTHROUGH_APP_ID,
                    List.of(TopicNames.RAW_ARTICLES),
                    passthrough,
                    brokerPid,
                    0,
                    loader,
                    committed,
                    admin);
            stack.stop(passthrough);
            long brokerPeak = ProcStats.read(brokerPid).peakRssBytes();
            if (options.jfr()) {
                progress.println(
                        "bench: JFR recording in " + stack.layout().logsDir().resolve(ENRICH + ".jfr"));
            }
            return new RunResult(pipeline, baseline, latencies, enrichMemory, brokerPeak);
        }
    }

    /** Raw articles, then the repartition topics in topological order; fails on a repartition topic it does not know. */
    private static List<String> pipelineStages(CommittedProgress committed) {
        List<String> stages = new ArrayList<>(List.of(TopicNames.RAW_ARTICLES));
        PIPELINE_REPARTITIONS.forEach(name -> stages.add(ENRICH_APP_ID + "-" + name + "-repartition"));
        List<String> actual = committed.topics(ENRICH_APP_ID + "-", "-repartition");
        if (!stages.containsAll(actual)) {
            throw new IllegalStateException(
                    "the enrich topology has repartition topics " + actual + " but the benchmark " + "waits for "
                            + stages + ": add the new one to BenchRun.PIPELINE_REPARTITIONS in topological order");
        }
        return stages;
    }

    /**
     * A warm-up backlog, then the measured one, both of copies {@code first ..}: the elapsed time runs from the
     * moment the measured backlog became visible to the moment everything it caused was committed.
     */
    private RunResult.Throughput throughput(
            String what,
            String appId,
            List<String> stages,
            BenchStack.Service app,
            long brokerPid,
            long first,
            ArticleLoader loader,
            CommittedProgress committed,
            Admin admin)
            throws IOException, InterruptedException {
        if (options.warmup() > 0) {
            progress.printf("bench: %s warm-up, %d articles …%n", what, options.warmup());
            committed.awaitVisible(loader.backlog(first, options.warmup()), VISIBLE_TIMEOUT);
            committed.awaitDone(appId, stages, ArticleLoader.drainTimeout(options.warmup()));
        }
        progress.printf("bench: %s throughput, backlog of %d articles …%n", what, options.articles());
        Map<String, Long> sizesBefore = TopicSizes.of(admin, BROKER_ID);
        ProcStats appBefore = ProcStats.read(app.pid());
        ProcStats brokerBefore = ProcStats.read(brokerPid);
        long visible =
                committed.awaitVisible(loader.backlog(first + options.warmup(), options.articles()), VISIBLE_TIMEOUT);
        long done = committed.awaitDone(appId, stages, ArticleLoader.drainTimeout(options.articles()));
        ProcStats appAfter = ProcStats.read(app.pid());
        ProcStats brokerAfter = ProcStats.read(brokerPid);
        Map<String, Long> sizesAfter = TopicSizes.of(admin, BROKER_ID);
        double perThousand = 1000.0 / options.articles();
        RunResult.Throughput result = new RunResult.Throughput(
                options.articles(),
                (done - visible) / 1e9,
                (appAfter.cpuSeconds() - appBefore.cpuSeconds()) * perThousand,
                (brokerAfter.cpuSeconds() - brokerBefore.cpuSeconds()) * perThousand,
                TopicSizes.perArticle(sizesBefore, sizesAfter, options.articles()));
        progress.printf("bench: %s: %.0f articles/s%n", what, result.articlesPerSecond());
        return result;
    }

    private RunResult.Latency latency(
            int rate, int count, long first, ArticleLoader loader, CommittedProgress committed, List<String> stages)
            throws InterruptedException {
        NanoClock clock = NanoClock.start();
        long from = (long) Math.floor(clock.nowEpochMillis());
        try (LatencyProbe probe =
                new LatencyProbe(loader.bootstrapServers(), TopicNames.RELATION_EVENTS, clock, from)) {
            ArticleLoader.Paced paced = loader.paced(first, count, rate, clock);
            committed.awaitDone(ENRICH_APP_ID, stages, ArticleLoader.drainTimeout(count));
            double[] samples = probe.finish(committed.endOffsets(TopicNames.RELATION_EVENTS), Duration.ofSeconds(60));
            Percentiles percentiles = Percentiles.of(samples);
            progress.printf(
                    "bench: %d/s: p50 %.0f ms, p99 %.0f ms over %d event updates%n",
                    rate, percentiles.p50Ms(), percentiles.p99Ms(), percentiles.count());
            return new RunResult.Latency(rate, paced.sent(), paced.achievedRate(), percentiles);
        }
    }

    private static RunResult.Memory memory(BenchStack.Service service) throws IOException {
        return new RunResult.Memory(ProcStats.read(service.pid()).peakRssBytes(), new GcLog(0, 0, 0, 0));
    }
}
