package io.bilateral.ingest.feeds;

import io.bilateral.ingest.article.ArticleDraft;
import io.bilateral.ingest.article.ArticleId;
import io.bilateral.ingest.article.InvalidArticleException;
import io.bilateral.ingest.fetch.FetchException;
import io.bilateral.ingest.fetch.FetchResult;
import io.bilateral.ingest.fetch.HttpFetcher;
import io.bilateral.ingest.intake.ArticleIntake;
import io.bilateral.ingest.intake.Outcome;
import io.bilateral.ingest.page.ArticlePage;
import io.bilateral.ingest.page.ArticlePageExtractor;
import io.bilateral.text.LogText;
import java.net.URI;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.jsoup.Jsoup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one feed once: conditional GET, parse, and every item not seen before — oldest first — becomes an article
 * ({@code feed:<name>}, the outlet's name and country, the item's link and date; with {@code fullText} the text of
 * the linked page). An item counts as seen once the broker acknowledged it or it was rejected for good; when the
 * broker fails, the poll stops there and keeps the old ETag, so the next poll sees the remaining items again — nothing
 * is lost, nothing acknowledged is re-sent. Rejections (an invalid item, or one the parser could not read) are logged
 * with the reason, counted in {@code bilateral_ingest_feed_items_rejected_total{reason}} and never stop the other items.
 * Every value a feed controls is written to the log through {@link LogText#safe}, escaped and cut, so no item can
 * forge a log line. Thread-safe: polls of different feeds may run at once.
 */
public final class FeedPoller {

    private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);

    private final HttpFetcher fetcher;
    private final FeedParser parser = new FeedParser();
    private final ArticlePageExtractor pages = new ArticlePageExtractor();
    private final ArticleIntake intake;
    private final CursorStore cursors;
    private final HostRateLimiter rateLimiter;
    private final Sleeper sleeper;
    private final Duration ackTimeout;

    private final LongSupplier nanoTime;
    private final Map<String, AtomicLong> fetchNanos = new ConcurrentHashMap<>();

    public FeedPoller(
            HttpFetcher fetcher,
            ArticleIntake intake,
            CursorStore cursors,
            HostRateLimiter rateLimiter,
            Sleeper sleeper,
            Duration ackTimeout) {
        this(fetcher, intake, cursors, rateLimiter, sleeper, ackTimeout, System::nanoTime);
    }

    /** @param nanoTime measures the time the fetches of a poll take ({@link #lastFetchTime}) */
    public FeedPoller(
            HttpFetcher fetcher,
            ArticleIntake intake,
            CursorStore cursors,
            HostRateLimiter rateLimiter,
            Sleeper sleeper,
            Duration ackTimeout,
            LongSupplier nanoTime) {
        this.fetcher = fetcher;
        this.intake = intake;
        this.cursors = cursors;
        this.rateLimiter = rateLimiter;
        this.sleeper = sleeper;
        this.ackTimeout = ackTimeout;
        this.nanoTime = nanoTime;
    }

    /**
     * How long the fetches of {@code source}'s last poll took (feed and linked pages), not counting the waits for a
     * host's slot: what a slow server costs, as opposed to a busy host's spacing.
     */
    public Duration lastFetchTime(String source) {
        AtomicLong nanos = fetchNanos.get(source);
        return nanos == null ? Duration.ZERO : Duration.ofNanos(nanos.get());
    }

    private FetchResult fetch(FeedSource source, URI uri, Map<String, String> headers) throws FetchException {
        long start = nanoTime.getAsLong();
        try {
            return fetcher.get(uri, headers);
        } finally {
            fetchNanos.computeIfAbsent(source.name(), name -> new AtomicLong()).addAndGet(nanoTime.getAsLong() - start);
        }
    }

    public PollResult poll(FeedSource source) {
        fetchNanos.put(source.name(), new AtomicLong());
        PollResult result;
        try {
            result = pollOnce(source);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result = PollResult.failed("interrupted");
        }
        intake.metrics().feedPoll(result.status().name().toLowerCase(Locale.ROOT));
        return result;
    }

    private PollResult pollOnce(FeedSource source) throws InterruptedException {
        SourceCursor cursor = cursors.get(source.name());
        FetchResult response;
        List<FeedEntry> entries;
        try {
            waitForHost(source.url());
            response = fetch(source, source.url(), conditionalHeaders(cursor));
            if (response.notModified()) {
                return PollResult.unchanged();
            }
            entries = parser.parse(response.body());
        } catch (FetchException | InvalidFeedException e) {
            log.warn("Feed {}: {}", source.name(), LogText.safe(e.getMessage()));
            return PollResult.failed(e.getMessage());
        }
        Set<String> seen = new HashSet<>(cursor.seen());
        Set<String> handled = new LinkedHashSet<>();
        int published = 0;
        int duplicates = 0;
        int rejected = 0;
        String brokerProblem = null;
        // Feeds list the newest first; publishing the oldest first keeps the topic in publication order.
        List<FeedEntry> oldestFirst = new ArrayList<>(entries);
        Collections.reverse(oldestFirst);
        for (FeedEntry entry : oldestFirst) {
            String key = key(entry);
            String hash = key == null ? null : SourceCursor.hash(key);
            if (hash != null && (seen.contains(hash) || handled.contains(hash))) {
                continue;
            }
            if (entry.problem() != null) {
                rejected++;
                intake.metrics().feedItemRejected(entry.problem().reason());
                log.warn(
                        "Feed {}: item {} rejected: {}",
                        source.name(),
                        key == null ? "(without id)" : LogText.safe(key),
                        LogText.safe(entry.problem().message()));
                if (hash != null) {
                    handled.add(hash);
                }
                continue;
            }
            Outcome outcome;
            try {
                outcome = intake.ingest(
                        draft(source, response.uri(), entry), "feed:" + source.name(), "feed", ackTimeout);
            } catch (InvalidArticleException e) {
                outcome = new Outcome.Invalid(e.field(), e.getMessage());
                intake.metrics().rejected("invalid_" + e.field());
            }
            if (outcome instanceof Outcome.NotStored notStored) {
                brokerProblem = notStored.message();
                log.warn(
                        "Feed {}: item {} not stored, retrying at the next poll: {}",
                        source.name(),
                        LogText.safe(key),
                        LogText.safe(notStored.message()));
                break;
            }
            handled.add(hash);
            if (outcome instanceof Outcome.Invalid invalid) {
                rejected++;
                intake.metrics()
                        .feedItemRejected(invalid.field() == null ? "invalid_article" : "invalid_" + invalid.field());
                log.warn(
                        "Feed {}: item {} rejected: {}",
                        source.name(),
                        LogText.safe(key),
                        LogText.safe(invalid.message()));
            } else if (outcome instanceof Outcome.Duplicate) {
                duplicates++;
            } else {
                published++;
            }
        }
        SourceCursor next = cursor.withSeen(handled);
        if (brokerProblem == null) {
            // Only now: with items still unpublished, a 304 next time would hide them.
            next = next.withValidators(
                    response.header("etag").orElse(null),
                    response.header("last-modified").orElse(null));
        }
        cursors.put(source.name(), next);
        if (published + rejected + duplicates > 0) {
            log.info(
                    "Feed {}: {} published, {} duplicates, {} rejected",
                    source.name(),
                    published,
                    duplicates,
                    rejected);
        }
        if (brokerProblem != null) {
            return new PollResult(PollResult.Status.FAILED, published, duplicates, rejected, brokerProblem);
        }
        return new PollResult(
                handled.isEmpty() ? PollResult.Status.UNCHANGED : PollResult.Status.NEW_ITEMS,
                published,
                duplicates,
                rejected,
                null);
    }

    private static Map<String, String> conditionalHeaders(SourceCursor cursor) {
        Map<String, String> headers = new HashMap<>();
        if (cursor.etag() != null) {
            headers.put("If-None-Match", cursor.etag());
        }
        if (cursor.lastModified() != null) {
            headers.put("If-Modified-Since", cursor.lastModified());
        }
        return headers;
    }

    /** The item's key as the feed wrote it (hashed for the cursor); null for a problem that names no item. */
    private static String key(FeedEntry entry) {
        if (entry.key() != null) {
            return entry.key();
        }
        return entry.problem() != null ? null : "text:" + ArticleId.forText(entry.title(), entry.html());
    }

    private ArticleDraft draft(FeedSource source, URI feedUri, FeedEntry entry) throws InterruptedException {
        String link = entry.link() == null ? null : resolve(feedUri, entry.link());
        // Titles and summaries may carry markup (scripts included): only their text goes on.
        String title = entry.title() == null ? null : Jsoup.parse(entry.title()).text();
        String body = entry.html() == null
                ? ""
                : pages.extract(Jsoup.parseBodyFragment(entry.html())).text();
        String published = entry.published() == null
                ? null
                : FeedDates.parse(entry.published()).toString();
        if (source.fullText() && link != null) {
            ArticlePage page = fullText(source, link);
            if (page != null && !page.text().isBlank()) {
                body = page.text();
            }
            if (published == null && page != null && page.published().isPresent()) {
                published = page.published().get().toString();
            }
        }
        return new ArticleDraft(null, title, body, link, source.name(), source.country(), published, source.language());
    }

    /** The linked page's article, or null (logged) when it cannot be had: the feed's own text is used then. */
    private ArticlePage fullText(FeedSource source, String link) throws InterruptedException {
        try {
            URI uri = URI.create(link);
            waitForHost(uri);
            FetchResult page = fetch(source, uri, Map.of());
            return pages.extract(page.body(), charset(page), page.uri());
        } catch (FetchException | IllegalArgumentException e) {
            log.warn(
                    "Feed {}: full text of {} not fetched, using the feed's text: {}",
                    source.name(),
                    LogText.safe(link),
                    LogText.safe(e.getMessage()));
            return null;
        }
    }

    private static String resolve(URI base, String link) {
        try {
            return base.resolve(link.strip()).toString();
        } catch (IllegalArgumentException e) {
            return link; // the validator names the bad URL
        }
    }

    private static String charset(FetchResult page) {
        String type = page.header("content-type").orElse("");
        for (String part : type.split(";")) {
            String[] parameter = part.split("=", 2);
            if (parameter.length == 2 && parameter[0].strip().equalsIgnoreCase("charset")) {
                String name = parameter[1].strip().replace("\"", "");
                try {
                    return Charset.isSupported(name) ? name : null;
                } catch (IllegalArgumentException e) {
                    return null; // an illegal charset name: let jsoup detect it
                }
            }
        }
        return null;
    }

    private void waitForHost(URI uri) throws InterruptedException {
        if (uri.getHost() != null) {
            Duration wait = rateLimiter.reserve(uri.getHost());
            if (!wait.isZero()) {
                sleeper.sleep(wait);
            }
        }
    }
}
