package io.bilateral.ingest.intake;

import io.bilateral.text.TextHygiene;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * The service's counters, rendered in the Prometheus text exposition format (version 0.0.4). Hand-written: a handful
 * of counters and one histogram do not justify a metrics library. Thread-safe; every update is a {@link LongAdder}.
 */
public final class IngestMetrics {

    /** Upper bounds of the latency buckets in seconds; the 202 waits for the broker, so most land at 5-50 ms. */
    static final double[] LATENCY_BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private final ConcurrentMap<String, LongAdder> accepted = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, LongAdder> rejected = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, LongAdder> languages = new ConcurrentHashMap<>();
    private final LongAdder published = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder notStored = new LongAdder();
    private final ConcurrentMap<String, LongAdder> feedPolls = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Histogram> latency = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, LongAdder> feedItemsRejected = new ConcurrentHashMap<>();
    private volatile TextHygiene hygiene = new TextHygiene();

    /** Reports the characters {@code textHygiene} removed as {@code bilateral_ingest_text_chars_removed_total}. */
    public void countTextRemoved(TextHygiene textHygiene) {
        this.hygiene = textHygiene;
    }

    /** Characters removed by text hygiene so far, by field. */
    public Map<String, Long> textCharsRemoved() {
        return hygiene.removed();
    }

    /** One feed item refused on its own (its feed's other items go on); {@code reason} e.g. {@code too_large}. */
    public void feedItemRejected(String reason) {
        count(feedItemsRejected, reason);
    }

    /** A valid, new article handed to the publisher; {@code channel} is {@code http}, {@code batch} or {@code feed}. */
    public void accepted(String channel) {
        count(accepted, channel);
    }

    /** Something refused before publishing, e.g. {@code invalid_body}, {@code too_large}, {@code unauthorized}. */
    public void rejected(String reason) {
        count(rejected, reason);
    }

    /** An accepted article in {@code language} (a BCP 47 tag, {@code und} when undetermined). */
    public void language(String language) {
        count(languages, language == null ? "und" : language);
    }

    public void published() {
        published.increment();
    }

    public void duplicate() {
        duplicates.increment();
    }

    public void notStored() {
        notStored.increment();
    }

    /** One feed poll; {@code result} is {@code new_items}, {@code unchanged} or {@code failed}. */
    public void feedPoll(String result) {
        count(feedPolls, result);
    }

    /** The time one request to {@code path} took, answer included. */
    public void requestLatency(String path, Duration duration) {
        latency.computeIfAbsent(path, p -> new Histogram()).observe(duration.toNanos() / 1e9);
    }

    /** The value of a counter by its exposition name and label, for tests; 0 when never counted. */
    public long count(String name, String label) {
        ConcurrentMap<String, LongAdder> family = switch (name) {
            case "accepted" -> accepted;
            case "rejected" -> rejected;
            case "feed_polls" -> feedPolls;
            case "languages" -> languages;
            case "feed_items_rejected" -> feedItemsRejected;
            default -> throw new IllegalArgumentException("no labelled counter " + name);
        };
        LongAdder adder = family.get(label);
        return adder == null ? 0 : adder.sum();
    }

    public long publishedCount() {
        return published.sum();
    }

    public long duplicateCount() {
        return duplicates.sum();
    }

    /** Every metric in the Prometheus text format. */
    public String render() {
        StringBuilder out = new StringBuilder();
        family(
                out,
                "bilateral_ingest_articles_accepted_total",
                "Valid new articles handed to the publisher.",
                "channel",
                accepted);
        family(
                out,
                "bilateral_ingest_articles_rejected_total",
                "Articles or requests refused, by reason.",
                "reason",
                rejected);
        family(
                out,
                "bilateral_ingest_articles_by_language_total",
                "Accepted articles, by language (BCP 47; declared by the source or detected).",
                "language",
                languages);
        single(out, "bilateral_ingest_articles_published_total", "Articles the broker acknowledged.", published);
        single(
                out,
                "bilateral_ingest_articles_duplicate_total",
                "Articles recognised as recently published.",
                duplicates);
        single(
                out,
                "bilateral_ingest_articles_not_stored_total",
                "Valid articles the broker did not acknowledge.",
                notStored);
        family(out, "bilateral_ingest_feed_polls_total", "Feed polls, by result.", "result", feedPolls);
        family(
                out,
                "bilateral_ingest_feed_items_rejected_total",
                "Feed items refused on their own while the feed's other items went on, by reason.",
                "reason",
                feedItemsRejected);
        Map<String, LongAdder> removed = new TreeMap<>();
        hygiene.removed().forEach((field, count) -> {
            LongAdder adder = new LongAdder();
            adder.add(count);
            removed.put(field, adder);
        });
        family(
                out,
                "bilateral_ingest_text_chars_removed_total",
                "Control, bidi-override, BOM and unpaired-surrogate characters removed from article fields.",
                "field",
                removed);
        out.append("# HELP bilateral_ingest_http_request_duration_seconds Time to answer an HTTP request.\n")
                .append("# TYPE bilateral_ingest_http_request_duration_seconds histogram\n");
        new TreeMap<>(latency)
                .forEach((path, histogram) -> histogram.render(
                        out, "bilateral_ingest_http_request_duration_seconds", "path=\"" + escape(path) + "\""));
        return out.toString();
    }

    private static void count(ConcurrentMap<String, LongAdder> family, String label) {
        family.computeIfAbsent(label, l -> new LongAdder()).increment();
    }

    private static void single(StringBuilder out, String name, String help, LongAdder value) {
        out.append("# HELP ")
                .append(name)
                .append(' ')
                .append(help)
                .append('\n')
                .append("# TYPE ")
                .append(name)
                .append(" counter\n")
                .append(name)
                .append(' ')
                .append(value.sum())
                .append('\n');
    }

    private static void family(
            StringBuilder out, String name, String help, String label, Map<String, LongAdder> values) {
        out.append("# HELP ")
                .append(name)
                .append(' ')
                .append(help)
                .append('\n')
                .append("# TYPE ")
                .append(name)
                .append(" counter\n");
        new TreeMap<>(values)
                .forEach((key, value) -> out.append(name)
                        .append('{')
                        .append(label)
                        .append("=\"")
                        .append(escape(key))
                        .append("\"} ")
                        .append(value.sum())
                        .append('\n'));
    }

    private static String escape(String label) {
        return label.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    /** Cumulative buckets, a sum and a count, as Prometheus histograms are exposed. */
    private static final class Histogram {
        private final LongAdder[] buckets = new LongAdder[LATENCY_BUCKETS.length];
        private final LongAdder count = new LongAdder();
        private final DoubleAdder sum = new DoubleAdder();

        Histogram() {
            for (int i = 0; i < buckets.length; i++) {
                buckets[i] = new LongAdder();
            }
        }

        void observe(double seconds) {
            for (int i = 0; i < LATENCY_BUCKETS.length; i++) {
                if (seconds <= LATENCY_BUCKETS[i]) {
                    buckets[i].increment();
                    break;
                }
            }
            count.increment();
            sum.add(seconds);
        }

        void render(StringBuilder out, String name, String labels) {
            long cumulative = 0;
            for (int i = 0; i < LATENCY_BUCKETS.length; i++) {
                cumulative += buckets[i].sum();
                out.append(name)
                        .append("_bucket{")
                        .append(labels)
                        .append(",le=\"")
                        .append(String.format(Locale.ROOT, "%s", LATENCY_BUCKETS[i]))
                        .append("\"} ")
                        .append(cumulative)
                        .append('\n');
            }
            out.append(name)
                    .append("_bucket{")
                    .append(labels)
                    .append(",le=\"+Inf\"} ")
                    .append(count.sum())
                    .append('\n')
                    .append(name)
                    .append("_sum{")
                    .append(labels)
                    .append("} ")
                    .append(String.format(Locale.ROOT, "%.6f", sum.sum()))
                    .append('\n')
                    .append(name)
                    .append("_count{")
                    .append(labels)
                    .append("} ")
                    .append(count.sum())
                    .append('\n');
        }
    }
}
