package io.bilateral.cli;

import io.bilateral.cli.eval.Annotate;
import io.bilateral.cli.eval.ClustersScore;
import io.bilateral.cli.eval.RelationsScore;
import io.bilateral.cli.eval.Score;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;

/** {@code ./bilateral annotate} and {@code ./bilateral score}: the enrichment engine offline, no Kafka. */
final class AnnotateCommand {

    private final PrintStream out;

    AnnotateCommand(PrintStream out) {
        this.out = out;
    }

    int run(List<String> argv) {
        return Annotate.run(argv.toArray(String[]::new), out);
    }

    int score(List<String> argv) {
        try {
            if (argv.contains("--clusters")) {
                return ClustersScore.run(argv.toArray(String[]::new), out);
            }
            if (argv.contains("--relations")) {
                return RelationsScore.run(argv.toArray(String[]::new), out);
            }
            return Score.run(argv.toArray(String[]::new), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
