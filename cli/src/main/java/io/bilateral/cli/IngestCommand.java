package io.bilateral.cli;

import io.bilateral.config.Settings;
import io.bilateral.ingest.article.ArticleValidator;
import io.bilateral.ingest.config.IngestSettings;
import io.bilateral.ingest.files.FileIngest;
import io.bilateral.ingest.files.IngestReport;
import io.bilateral.ingest.files.ProgressBar;
import io.bilateral.ingest.publish.ArticlePublisher;
import io.bilateral.registry.HttpSchemaRegistryClient;
import io.bilateral.topics.Topics;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code ./bilateral ingest PATH...}: publishes article files to {@code news.articles.raw} with a progress bar, then
 * lists what was rejected and why. Exit status 1 when anything was rejected or could not be published.
 */
final class IngestCommand {

    private final Settings settings;
    private final PrintStream out;

    IngestCommand(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    int run(List<String> argv) {
        Args args = Args.parse(argv, Set.of(), Set.of());
        if (args.positional().isEmpty()) {
            throw new UsageException("ingest needs at least one file or directory");
        }
        IngestReport report = ingest(
                args.positional().stream().map(Path::of).toList(), new ProgressBar(out, System.console() != null, 30));
        out.println(report.summary());
        report.rejected().forEach(r -> out.println("  rejected " + r.location() + ": " + r.reason()));
        report.failed().forEach(f -> out.println("  failed   " + f.location() + ": " + f.reason()));
        report.duplicates()
                .forEach(d ->
                        out.println("  duplicate " + d.location() + " (same article as " + d.firstLocation() + ")"));
        return report.rejected().isEmpty() && report.failed().isEmpty() ? 0 : 1;
    }

    /** Publishes the files and waits for the broker's acknowledgements. */
    IngestReport ingest(List<Path> paths, ProgressBar progress) {
        IngestSettings ingest = IngestSettings.from(settings);
        Topics topics = Topics.create(HttpSchemaRegistryClient.fromSettings(settings));
        TopicSetup.provision(settings);
        try (ArticlePublisher publisher = ArticlePublisher.create(settings, topics.rawArticles())) {
            return new FileIngest(new ArticleValidator(ingest.limits()), ingest.maxFileBytes(), ingest.fileAckTimeout())
                    .ingest(paths, publisher, progress);
        }
    }
}
