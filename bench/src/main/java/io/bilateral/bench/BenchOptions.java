package io.bilateral.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Options of {@code ./bilateral bench}.
 *
 * @param articles articles in each throughput batch (the backlog)
 * @param warmup articles processed before the measured batch, so both apps are measured with a warm JIT
 * @param corpus {@code .jsonl} files or {@code .txt} files/directories; empty means the bundled {@code samples/}
 * @param rates offered rates of the latency runs, articles per second; empty skips them
 * @param duration how long each latency run offers its rate
 * @param repeat how many times the whole benchmark runs, each on a fresh stack
 * @param json print one JSON object instead of the table
 * @param keep keep the data directory (logs, GC log, JFR recording) instead of deleting it
 * @param jfr record the enrich-service with Java Flight Recorder ({@code logs/enrich-service.jfr})
 * @param enrichJvmArgs JVM arguments of the enrich-service; none by default, as {@code ./bilateral up} runs it
 */
public record BenchOptions(
        int articles,
        int warmup,
        List<Path> corpus,
        List<Integer> rates,
        Duration duration,
        int repeat,
        boolean json,
        boolean keep,
        boolean jfr,
        List<String> enrichJvmArgs) {

    public static final String USAGE = "bench [--articles N] [--corpus FILE.jsonl|DIR ...] [--rate 50,200,1000] "
            + "[--duration S] [--repeat N] [--warmup N] [--json] [--keep] [--jfr] [--enrich-jvm-args \"-Xmx512m ...\"]";

    public static final int DEFAULT_ARTICLES = 2000;
    public static final int DEFAULT_WARMUP = 300;
    public static final List<Integer> DEFAULT_RATES = List.of(50, 200, 1000);
    public static final Duration DEFAULT_DURATION = Duration.ofSeconds(10);

    public BenchOptions {
        corpus = List.copyOf(corpus);
        rates = List.copyOf(rates);
        enrichJvmArgs = List.copyOf(enrichJvmArgs);
    }

    /** Parses the arguments after {@code bench}; values may follow as the next argument or after {@code =}. */
    public static BenchOptions parse(List<String> args) {
        int articles = DEFAULT_ARTICLES;
        int warmup = DEFAULT_WARMUP;
        List<Path> corpus = new ArrayList<>();
        List<Integer> rates = DEFAULT_RATES;
        Duration duration = DEFAULT_DURATION;
        int repeat = 1;
        boolean json = false;
        boolean keep = false;
        boolean jfr = false;
        List<String> jvmArgs = List.of();
        boolean inCorpus = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                if (!inCorpus) {
                    throw new BenchUsageException("unexpected argument '" + arg + "'");
                }
                // a shell glob after --corpus expands to several files
                corpus.add(Path.of(arg));
                continue;
            }
            inCorpus = false;
            String name = arg.substring(2);
            String inline = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                inline = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            switch (name) {
                case "json" -> json = flag(name, inline);
                case "keep" -> keep = flag(name, inline);
                case "jfr" -> jfr = flag(name, inline);
                default -> {
                    String value = inline;
                    if (value == null) {
                        if (i + 1 >= args.size()) {
                            throw new BenchUsageException("--" + name + " needs a value");
                        }
                        value = args.get(++i);
                    }
                    switch (name) {
                        case "articles" -> articles = positive(name, value);
                        case "warmup" -> warmup = nonNegative(name, value);
                        case "repeat" -> repeat = positive(name, value);
                        case "duration" -> duration = seconds(name, value);
                        case "rate", "rates" -> rates = rates(value);
                        case "enrich-jvm-args" ->
                            jvmArgs = value.isBlank()
                                    ? List.of()
                                    : Arrays.asList(value.trim().split("\\s+"));
                        case "corpus" -> {
                            corpus.add(Path.of(value));
                            inCorpus = true;
                        }
                        default -> throw new BenchUsageException("unknown option --" + name);
                    }
                }
            }
        }
        return new BenchOptions(articles, warmup, corpus, rates, duration, repeat, json, keep, jfr, jvmArgs);
    }

    private static boolean flag(String name, String inline) {
        if (inline != null) {
            throw new BenchUsageException("--" + name + " takes no value");
        }
        return true;
    }

    private static int positive(String name, String value) {
        int n = nonNegative(name, value);
        if (n == 0) {
            throw new BenchUsageException("--" + name + " must be at least 1, got " + value);
        }
        return n;
    }

    private static int nonNegative(String name, String value) {
        try {
            int n = Integer.parseInt(value.trim().replace("_", ""));
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BenchUsageException("--" + name + ": '" + value + "' is not a whole number >= 0");
        }
    }

    private static Duration seconds(String name, String value) {
        try {
            double s = Double.parseDouble(value.trim().replaceFirst("s$", ""));
            if (!(s > 0) || Double.isInfinite(s)) {
                throw new NumberFormatException();
            }
            return Duration.ofNanos(Math.round(s * 1e9));
        } catch (NumberFormatException e) {
            throw new BenchUsageException("--" + name + ": '" + value + "' is not a positive number of seconds");
        }
    }

    /** {@code 50,200,1000}; {@code none} or an empty value skips the latency runs. */
    static List<Integer> rates(String value) {
        if (value.isBlank() || value.equalsIgnoreCase("none")) {
            return List.of();
        }
        List<Integer> rates = new ArrayList<>();
        for (String part : value.split(",")) {
            rates.add(positive("rate", part));
        }
        return List.copyOf(rates);
    }

    /** The arguments as the user would write them, for the report ("the command that produced them"). */
    public String commandLine() {
        StringBuilder s = new StringBuilder("./bilateral bench --articles " + articles);
        if (warmup != DEFAULT_WARMUP) {
            s.append(" --warmup ").append(warmup);
        }
        if (!corpus.isEmpty()) {
            s.append(" --corpus");
            corpus.forEach(p -> s.append(' ').append(p));
        }
        s.append(" --rate ")
                .append(
                        rates.isEmpty()
                                ? "none"
                                : String.join(
                                        ",", rates.stream().map(String::valueOf).toList()));
        s.append(" --duration ")
                .append(
                        duration.toMillis() % 1000 == 0
                                ? String.valueOf(duration.toSeconds())
                                : String.valueOf(duration.toMillis() / 1000.0));
        if (repeat != 1) {
            s.append(" --repeat ").append(repeat);
        }
        if (!enrichJvmArgs.isEmpty()) {
            s.append(" --enrich-jvm-args \"")
                    .append(String.join(" ", enrichJvmArgs))
                    .append('"');
        }
        if (jfr) {
            s.append(" --jfr");
        }
        if (json) {
            s.append(" --json");
        }
        return s.toString();
    }
}
