package io.bilateral.cli;

import io.bilateral.bench.BenchCommand;
import io.bilateral.bench.BenchOptions;
import io.bilateral.config.Settings;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** {@code ./bilateral COMMAND ...}: dispatches to one command; exit status 0 ok, 1 failure, 2 usage error. */
public final class Main {

    static final String USAGE = String.join(
            "\n",
            "usage: ./bilateral COMMAND [options]",
            "  demo [--exit]              start the local stack, ingest samples/, print the pair table, serve the dashboard",
            "  up                         start broker, registry, ingest-service (:8080) and enrich-service (:8090) in the background",
            "  down [--purge]             stop them; --purge also deletes the data directory",
            "  status                     show which parts of the local stack are running",
            "  ingest PATH...             publish .txt, .jsonl and .html files (directories are walked) to news.articles.raw",
            "  " + TailCommand.USAGE,
            "  " + ActorsCommand.USAGE,
            "  annotate --in A.jsonl --out P.jsonl | annotate --conll --in F --out G   the enrichment offline, no Kafka",
            "  score [--reuters DIR] [--conll FILE]   country and entity P/R/F1 on evaluation data",
            "  score --relations GOLD [--texts FILE] [--errors]   pair P/R/F1, event direction and root",
            "  score --clusters REPORTS [--errors]   B-cubed P/R/F1 of reports merged into events by the topology",
            "  " + LoadtestCommand.USAGE,
            "  " + BenchOptions.USAGE + "   throughput, latency, memory on a stack of its own",
            "",
            "Settings come from BILATERAL_* environment variables (e.g. BILATERAL_DATA_DIR, BILATERAL_KAFKA_BOOTSTRAP_SERVERS,",
            "BILATERAL_REGISTRY_URL); see README.md.");

    private Main() {}

    public static void main(String[] argv) {
        System.exit(run(Arrays.asList(argv), System.out, System.err));
    }

    static int run(List<String> argv, PrintStream out, PrintStream err) {
        if (argv.isEmpty() || argv.get(0).equals("--help") || argv.get(0).equals("help")) {
            out.println(USAGE);
            return argv.isEmpty() ? 2 : 0;
        }
        AtomicBoolean stopped = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopped.set(true), "cli-stop"));
        Settings settings = CliSettings.load();
        List<String> rest = argv.subList(1, argv.size());
        try {
            return switch (argv.get(0)) {
                case "demo" -> new DemoCommand(settings, out, stopped).run(rest);
                case "up" -> new StackCommand(settings, out).up(rest);
                case "down" -> new StackCommand(settings, out).down(rest);
                case "status" -> new StackCommand(settings, out).status(rest);
                case "ingest" -> new IngestCommand(settings, out).run(rest);
                case "tail" -> new TailCommand(settings, out, stopped).run(rest);
                case "annotate" -> new AnnotateCommand(out).run(rest);
                case "score" -> new AnnotateCommand(out).score(rest);
                case "actors" -> new ActorsCommand(settings, out).run(rest);
                case "loadtest" -> new LoadtestCommand(settings, out).run(rest);
                case "bench" -> BenchCommand.run(rest, out, err);
                default -> throw new UsageException("unknown command '" + argv.get(0) + "'");
            };
        } catch (UsageException e) {
            err.println("bilateral: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (RuntimeException e) {
            err.println("bilateral " + argv.get(0) + ": " + e.getMessage());
            return 1;
        }
    }
}
