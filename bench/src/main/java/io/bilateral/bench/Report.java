package io.bilateral.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The benchmark's output: a table for people and one JSON object for machines, both with the machine, the versions,
 * the command, the median and spread (min–max) of every figure over the runs, and whether each target was met.
 */
public final class Report {

    /** Pipeline throughput at least this share of the passthrough's. */
    static final double TARGET_RATIO = 0.5;
    /** p99 latency below this many ms … */
    static final double TARGET_P99_MS = 250;
    /** … at this offered rate. */
    static final int TARGET_RATE = 200;
    /** enrich-service peak RSS at most this. */
    static final long TARGET_RSS_BYTES = 1024L * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final BenchOptions options;
    private final String corpus;
    private final int corpusSize;
    private final Machine machine;
    private final List<RunResult> runs;

    public Report(BenchOptions options, String corpus, int corpusSize, Machine machine, List<RunResult> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs to report");
        }
        this.options = options;
        this.corpus = corpus;
        this.corpusSize = corpusSize;
        this.machine = machine;
        this.runs = List.copyOf(runs);
    }

    Spread spread(ToDoubleFunction<RunResult> figure) {
        return Spread.of(runs.stream().map(r -> figure.applyAsDouble(r)).toList());
    }

    /** The latency run at {@code rate} of each run (NaN figures where a run had none). */
    Spread latency(int rate, ToDoubleFunction<Percentiles> figure) {
        return spread(r -> r.latency().stream()
                .filter(l -> l.rate() == rate)
                .findFirst()
                .map(l -> figure.applyAsDouble(l.latency()))
                .orElse(Double.NaN));
    }

    private Spread achieved(int rate) {
        return spread(r -> r.latency().stream()
                .filter(l -> l.rate() == rate)
                .findFirst()
                .map(RunResult.Latency::achievedRate)
                .orElse(Double.NaN));
    }

    private TreeSet<String> topics() {
        TreeSet<String> topics = new TreeSet<>();
        runs.forEach(r -> topics.addAll(r.pipeline().bytesPerArticle().keySet()));
        return topics;
    }

    /** Each target with its measured median; {@code met} is null when the figure was not measured. */
    record Target(String name, double value, String unit, Boolean met) {}

    List<Target> targets() {
        List<Target> targets = new ArrayList<>();
        double ratio = spread(RunResult::ratio).median();
        targets.add(new Target(
                "pipeline throughput >= 50% of passthrough",
                ratio * 100, "%", Double.isNaN(ratio) ? null : ratio >= TARGET_RATIO));
        double p99 = latency(TARGET_RATE, Percentiles::p99Ms).median();
        targets.add(new Target(
                "p99 latency < 250 ms at 200 articles/s", p99, "ms", Double.isNaN(p99) ? null : p99 < TARGET_P99_MS));
        double rss = spread(r -> r.enrich().peakRssBytes()).median();
        targets.add(new Target("enrich-service RSS <= 1 GiB", rss / MIB, "MiB", rss <= TARGET_RSS_BYTES));
        return targets;
    }

    private static final double MIB = 1024.0 * 1024.0;

    // ---------------------------------------------------------------- table

    public String table() {
        StringBuilder s = new StringBuilder();
        line(
                s,
                "Bilateral bench: %d articles a batch from %s (%d articles, each copy re-keyed), %d run%s%s",
                options.articles(),
                corpus,
                corpusSize,
                runs.size(),
                runs.size() == 1 ? "" : "s",
                runs.size() == 1 ? "" : "; median (min-max)");
        line(
                s,
                "machine: %d cores, %.1f GiB, %s, %s",
                machine.cores(),
                machine.memoryBytes() / (MIB * 1024),
                machine.cpu(),
                machine.os());
        line(
                s,
                "versions: %s",
                String.join(
                        ", ",
                        machine.versions().entrySet().stream()
                                .map(e -> e.getKey() + " " + e.getValue())
                                .toList()));
        line(s, "command: %s", options.commandLine());
        s.append('\n');
        line(
                s,
                "throughput, backlog pre-loaded, 1 instance, exactly_once_v2 (warm-up %d articles first)",
                options.warmup());
        line(s, "  %-44s %22s %20s %20s", "", "articles/s", "app CPU s/1000", "broker CPU s/1000");
        line(
                s,
                "  %-44s %22s %20s %20s",
                "pipeline: raw -> relations.events/pairs",
                fmt(spread(r -> r.pipeline().articlesPerSecond()), 0),
                fmt(spread(r -> r.pipeline().appCpuSecondsPer1000()), 2),
                fmt(spread(r -> r.pipeline().brokerCpuSecondsPer1000()), 2));
        line(
                s,
                "  %-44s %22s %20s %20s",
                "passthrough: raw -> " + PassthroughTopology.OUTPUT_TOPIC,
                fmt(spread(r -> r.passthrough().articlesPerSecond()), 0),
                fmt(spread(r -> r.passthrough().appCpuSecondsPer1000()), 2),
                fmt(spread(r -> r.passthrough().brokerCpuSecondsPer1000()), 2));
        line(s, "  %-44s %22s", "pipeline / passthrough", fmt(spread(r -> r.ratio() * 100), 1) + " %");
        if (!options.rates().isEmpty()) {
            s.append('\n');
            line(
                    s,
                    "latency: scheduled send -> update visible in relations.events (read_committed), %s s per rate",
                    trim(options.duration().toMillis() / 1000.0));
            line(
                    s,
                    "  %8s %7s %11s %8s %16s %16s %16s %16s",
                    "rate/s",
                    "sent",
                    "achieved/s",
                    "updates",
                    "p50 ms",
                    "p95 ms",
                    "p99 ms",
                    "max ms");
            for (int rate : options.rates()) {
                line(
                        s,
                        "  %8d %7d %11s %8s %16s %16s %16s %16s",
                        rate,
                        runs.get(0).latency().stream()
                                .filter(l -> l.rate() == rate)
                                .findFirst()
                                .map(RunResult.Latency::sent)
                                .orElse(0),
                        fmt(achieved(rate), 0),
                        fmt(latency(rate, p -> p.count()), 0),
                        fmt(latency(rate, Percentiles::p50Ms), 0),
                        fmt(latency(rate, Percentiles::p95Ms), 0),
                        fmt(latency(rate, Percentiles::p99Ms), 0),
                        fmt(latency(rate, Percentiles::maxMs), 0));
            }
        }
        s.append('\n');
        List<String> jvm = new ArrayList<>(io.bilateral.enrich.App.JVM_ARGS);
        jvm.addAll(options.enrichJvmArgs());
        line(s, "enrich-service (its own JVM: %s)", String.join(" ", jvm));
        line(s, "  %-30s %s MiB", "peak RSS (VmHWM)", fmt(spread(r -> r.enrich().peakRssBytes() / MIB), 0));
        line(
                s,
                "  %-30s %s MiB",
                "peak heap used (at a GC)",
                fmt(spread(r -> r.enrich().gc().peakUsedBytes() / MIB), 0));
        line(
                s,
                "  %-30s %s MiB",
                "peak live heap (after a GC)",
                fmt(spread(r -> r.enrich().gc().peakLiveBytes() / MIB), 0));
        line(
                s,
                "  %-30s %s MiB",
                "peak committed heap",
                fmt(spread(r -> r.enrich().gc().peakCommittedBytes() / MIB), 0));
        line(s, "  %-30s %s", "collections", fmt(spread(r -> r.enrich().gc().collections()), 0));
        line(s, "  %-30s %s MiB", "broker peak RSS", fmt(spread(r -> r.brokerPeakRssBytes() / MIB), 0));
        s.append('\n');
        line(s, "bytes per article on the broker's disk (measured pipeline batch; records, batch headers, markers)");
        for (String topic : topics()) {
            line(
                    s,
                    "  %-52s %12s",
                    topic,
                    fmt(spread(r -> r.pipeline().bytesPerArticle().getOrDefault(topic, 0.0)), 0));
        }
        s.append('\n');
        line(s, "targets");
        for (Target t : targets()) {
            line(
                    s,
                    "  %-46s %10s %-3s  %s",
                    t.name(),
                    Double.isNaN(t.value()) ? "-" : String.format(Locale.ROOT, "%.1f", t.value()),
                    t.unit(),
                    t.met() == null ? "not measured" : t.met() ? "met" : "MISSED");
        }
        return s.toString();
    }

    /** {@code 412} for one run, {@code 412 (398-431)} for several; "-" when not measured. */
    static String fmt(Spread spread, int decimals) {
        if (spread.runs() == 0) {
            return "-";
        }
        String f = "%,." + decimals + "f";
        String median = String.format(Locale.ROOT, f, spread.median());
        if (spread.runs() == 1) {
            return median;
        }
        return median + " (" + String.format(Locale.ROOT, f, spread.min()) + "-"
                + String.format(Locale.ROOT, f, spread.max()) + ")";
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    private static void line(StringBuilder s, String format, Object... args) {
        s.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    // ---------------------------------------------------------------- JSON

    public String json() {
        ObjectNode root = JSON.createObjectNode();
        root.put("command", options.commandLine());
        ObjectNode m = root.putObject("machine");
        m.put("cores", machine.cores());
        m.put("memoryBytes", machine.memoryBytes());
        m.put("cpu", machine.cpu());
        m.put("os", machine.os());
        ObjectNode v = root.putObject("versions");
        machine.versions().forEach(v::put);
        ObjectNode c = root.putObject("corpus");
        c.put("source", corpus);
        c.put("articles", corpusSize);
        ObjectNode settings = root.putObject("settings");
        settings.put("articles", options.articles());
        settings.put("warmup", options.warmup());
        ArrayNode rates = settings.putArray("rates");
        options.rates().forEach(rates::add);
        settings.put("durationSeconds", options.duration().toMillis() / 1000.0);
        settings.put("repeat", options.repeat());
        ArrayNode jvm = settings.putArray("enrichJvmArgs");
        options.enrichJvmArgs().forEach(jvm::add);
        settings.put("processingGuarantee", "exactly_once_v2");

        ObjectNode t = root.putObject("throughput");
        throughputJson(t.putObject("pipeline"), RunResult::pipeline);
        throughputJson(t.putObject("passthrough"), RunResult::passthrough);
        put(t, "ratio", spread(RunResult::ratio));

        ArrayNode lat = root.putArray("latency");
        for (int rate : options.rates()) {
            ObjectNode l = lat.addObject();
            l.put("rate", rate);
            put(l, "achievedRate", achieved(rate));
            put(l, "updates", latency(rate, p -> p.count()));
            put(l, "p50Ms", latency(rate, Percentiles::p50Ms));
            put(l, "p95Ms", latency(rate, Percentiles::p95Ms));
            put(l, "p99Ms", latency(rate, Percentiles::p99Ms));
            put(l, "maxMs", latency(rate, Percentiles::maxMs));
        }

        ObjectNode res = root.putObject("resources");
        put(res, "enrichPeakRssBytes", spread(r -> r.enrich().peakRssBytes()));
        put(res, "enrichPeakHeapUsedBytes", spread(r -> r.enrich().gc().peakUsedBytes()));
        put(res, "enrichPeakLiveHeapBytes", spread(r -> r.enrich().gc().peakLiveBytes()));
        put(res, "enrichPeakCommittedHeapBytes", spread(r -> r.enrich().gc().peakCommittedBytes()));
        put(res, "enrichGcCollections", spread(r -> r.enrich().gc().collections()));
        put(res, "brokerPeakRssBytes", spread(RunResult::brokerPeakRssBytes));
        ObjectNode bytes = res.putObject("bytesPerArticle");
        for (String topic : topics()) {
            put(bytes, topic, spread(r -> r.pipeline().bytesPerArticle().getOrDefault(topic, 0.0)));
        }

        ArrayNode targets = root.putArray("targets");
        for (Target target : targets()) {
            ObjectNode o = targets.addObject();
            o.put("name", target.name());
            number(o, "value", target.value());
            o.put("unit", target.unit());
            if (target.met() == null) {
                o.putNull("met");
            } else {
                o.put("met", target.met());
            }
        }
        root.put("runs", runs.size());
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report as JSON: " + e.getMessage(), e);
        }
    }

    private void throughputJson(ObjectNode o, Function<RunResult, RunResult.Throughput> which) {
        put(o, "articlesPerSecond", spread(r -> which.apply(r).articlesPerSecond()));
        put(o, "seconds", spread(r -> which.apply(r).seconds()));
        put(o, "appCpuSecondsPer1000", spread(r -> which.apply(r).appCpuSecondsPer1000()));
        put(o, "brokerCpuSecondsPer1000", spread(r -> which.apply(r).brokerCpuSecondsPer1000()));
    }

    private static void put(ObjectNode parent, String name, Spread spread) {
        ObjectNode o = parent.putObject(name);
        number(o, "median", spread.median());
        number(o, "min", spread.min());
        number(o, "max", spread.max());
    }

    /** JSON has no NaN: a figure that was not measured is null. */
    private static void number(ObjectNode o, String name, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            o.putNull(name);
        } else {
            o.put(name, value);
        }
    }
}
