package io.bilateral.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./bilateral bench}: throughput of the enrich-service against a passthrough baseline, latency percentiles at
 * fixed offered rates, and memory and CPU of the enrich-service, on a broker and registry of its own. Progress goes to
 * {@code err}; the result (a table, or one JSON object with {@code --json}) to {@code out}.
 */
public final class BenchCommand {

    private BenchCommand() {}

    /** @return the exit status: 0 done, 1 failed, 2 wrong usage */
    public static int run(List<String> argv, PrintStream out, PrintStream err) {
        BenchOptions options;
        try {
            options = BenchOptions.parse(argv);
        } catch (BenchUsageException e) {
            err.println("bilateral bench: " + e.getMessage());
            err.println("usage: ./bilateral " + BenchOptions.USAGE);
            return 2;
        }
        // the offset checker re-assigns one consumer from partition to partition, which Kafka reports at WARN
        System.setProperty(
                "org.slf4j.simpleLogger.log.org.apache.kafka.clients.consumer.internals.OffsetFetcherUtils", "error");
        if (!ProcStats.available()) {
            err.println("bilateral bench: needs Linux /proc to measure memory and CPU time");
            return 1;
        }
        Path repoRoot = Path.of(System.getProperty("bilateral.repo.root", "."))
                .toAbsolutePath()
                .normalize();
        List<Path> corpusPaths = options.corpus().isEmpty() ? List.of(repoRoot.resolve("samples")) : options.corpus();
        try {
            Corpus corpus = Corpus.load(corpusPaths);
            String corpusName = options.corpus().isEmpty() ? "samples/" : corpus.description();
            List<RunResult> runs = new ArrayList<>();
            for (int i = 1; i <= options.repeat(); i++) {
                if (options.repeat() > 1) {
                    err.printf("bench: run %d of %d%n", i, options.repeat());
                }
                runs.add(new BenchRun(options, corpus, repoRoot, System.getProperty("java.class.path"), err).run());
            }
            Report report = new Report(options, corpusName, corpus.size(), Machine.describe(repoRoot), runs);
            out.print(options.json() ? report.json() + System.lineSeparator() : report.table());
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("bilateral bench: interrupted");
            return 1;
        }
    }
}
