package io.bilateral.ingest.files;

import io.bilateral.ingest.article.Article;
import io.bilateral.ingest.article.ArticleValidator;
import io.bilateral.ingest.article.InvalidArticleException;
import io.bilateral.ingest.config.IngestSettings;
import io.bilateral.ingest.publish.ArticlePublisher;
import io.bilateral.ingest.publish.PublishException;
import io.bilateral.text.LogText;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes article files ({@code ./bilateral ingest PATH...}). Each file is read, parsed, every item validated and
 * sent without waiting, then the file's acknowledgements are awaited before progress is reported, so "published" in
 * the report and on the progress bar always means "acknowledged by the broker". A bad file or item is reported and the
 * run goes on; a broker failure stops the run after the current file, since every further send would fail the same way.
 * Items repeating an id already published in the run are reported as duplicates and not sent again.
 */
public final class FileIngest {

    private static final Logger log = LoggerFactory.getLogger(FileIngest.class);

    private final ArticleValidator validator;
    private final long maxFileBytes;
    private final Duration ackTimeout;

    /**
     * @param maxFileBytes largest file read; larger ones are rejected whole
     * @param ackTimeout   how long to wait for the acknowledgements of one file's articles
     */
    public FileIngest(ArticleValidator validator, long maxFileBytes, Duration ackTimeout) {
        this.validator = validator;
        this.maxFileBytes = maxFileBytes;
        this.ackTimeout = ackTimeout;
    }

    /** A file ingest with the limits and timeout of {@code settings}. */
    public static FileIngest from(IngestSettings settings) {
        return new FileIngest(
                new ArticleValidator(settings.limits()), settings.maxFileBytes(), settings.fileAckTimeout());
    }

    /** Reads {@code paths} (files and directories), publishes every valid article and reports on each item. */
    public IngestReport ingest(List<Path> paths, ArticlePublisher publisher, ProgressListener progress) {
        InputFiles.Expansion expansion = InputFiles.expand(paths);
        Run run = new Run(publisher);
        run.rejected.addAll(expansion.rejected());
        int total = expansion.files().size();
        int done = 0;
        progress.onProgress(run.progress(done, total));
        for (Path file : expansion.files()) {
            if (!run.failed.isEmpty()) {
                break;
            }
            run.ingestFile(file);
            done++;
            progress.onProgress(run.progress(done, total));
        }
        IngestReport report =
                new IngestReport(done, run.published, run.rejected, run.duplicates, expansion.skipped(), run.failed);
        log.info("Ingested {}", LogText.escape(report.summary()));
        if (!validator.hygiene().removed().isEmpty()) {
            log.info(
                    "Removed control, bidi-override and BOM characters (by field): {}",
                    validator.hygiene().removed());
        }
        progress.onFinish(report);
        return report;
    }

    /** The mutable state of one run. */
    private final class Run {
        final ArticlePublisher publisher;
        final List<IngestReport.Published> published = new ArrayList<>();
        final List<IngestReport.Rejected> rejected = new ArrayList<>();
        final List<IngestReport.Duplicate> duplicates = new ArrayList<>();
        final List<IngestReport.Failed> failed = new ArrayList<>();
        final Map<String, String> firstLocationById = new HashMap<>();

        Run(ArticlePublisher publisher) {
            this.publisher = publisher;
        }

        IngestProgress progress(int done, int total) {
            return new IngestProgress(done, total, published.size(), rejected.size(), duplicates.size());
        }

        void ingestFile(Path file) {
            String text;
            try {
                text = TextFiles.readUtf8(file, maxFileBytes);
            } catch (UnreadableFileException e) {
                rejected.add(new IngestReport.Rejected(file.toString(), e.reason()));
                return;
            }
            ArticleFileFormat format = FileFormats.forFile(file)
                    .orElseThrow(
                            () -> new IllegalStateException("no format for " + file + ", InputFiles let it through"));
            String origin = "file:" + file.getFileName();
            List<Pending> pending = new ArrayList<>();
            for (FileItem item : format.parse(file.toString(), text)) {
                if (item instanceof FileItem.Unreadable unreadable) {
                    rejected.add(new IngestReport.Rejected(unreadable.location(), unreadable.reason()));
                } else if (item instanceof FileItem.Draft draft) {
                    Optional<Pending> sent = send(draft, origin);
                    sent.ifPresent(pending::add);
                    if (sent.isPresent() && sent.get().acked().isCompletedExceptionally()) {
                        // The send failed before reaching the broker (after blocking up to max.block.ms when the
                        // broker is unreachable): every further line of a big file would wait as long, so stop here.
                        break;
                    }
                }
            }
            awaitAll(pending);
        }

        private Optional<Pending> send(FileItem.Draft draft, String origin) {
            Article article;
            try {
                article = validator.validate(draft.draft(), origin);
            } catch (InvalidArticleException e) {
                rejected.add(new IngestReport.Rejected(draft.location(), e.getMessage()));
                return Optional.empty();
            }
            String first = firstLocationById.putIfAbsent(article.id(), draft.location());
            if (first != null) {
                duplicates.add(new IngestReport.Duplicate(draft.location(), article.id(), first));
                return Optional.empty();
            }
            return Optional.of(new Pending(draft.location(), article.id(), publisher.send(article)));
        }

        private void awaitAll(List<Pending> pending) {
            // The sends are in flight together, so their acks arrive together: one wait for the whole file.
            CompletableFuture<?>[] all = pending.stream().map(Pending::acked).toArray(CompletableFuture<?>[]::new);
            try {
                CompletableFuture.allOf(all).get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                // Each item's own outcome is looked at below.
                log.debug("Not every article of the file was acknowledged: {}", e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (Pending item : pending) {
                try {
                    if (!item.acked().isDone()) {
                        throw publisher.notAcknowledged(item.id(), ackTimeout, null);
                    }
                    publisher.await(item.id(), item.acked(), Duration.ZERO);
                    published.add(new IngestReport.Published(item.location(), item.id()));
                } catch (PublishException e) {
                    log.warn("Not published: {}: {}", LogText.safe(item.location()), LogText.safe(e.getMessage()));
                    failed.add(new IngestReport.Failed(item.location(), item.id(), e.getMessage()));
                }
            }
        }
    }

    private record Pending(String location, String id, CompletableFuture<RecordMetadata> acked) {}
}
