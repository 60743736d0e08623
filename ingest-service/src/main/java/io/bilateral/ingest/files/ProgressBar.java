package io.bilateral.ingest.files;

import java.io.PrintStream;

/**
 * A text progress bar for {@code ./bilateral ingest}: {@code [#####     ] 12/25 files, 40 published, 3 rejected}.
 * On a terminal it redraws one line with {@code \r}; elsewhere (a pipe, a CI log) carriage returns would pile up into
 * one unreadable line, so it prints plain lines instead, and only when the bar grows, which bounds a run to
 * {@code width + 1} lines however many files it reads.
 */
public final class ProgressBar implements ProgressListener {

    private static final int DEFAULT_WIDTH = 20;

    private final PrintStream out;
    private final boolean terminal;
    private final int width;
    private int lastFilled = -1;
    private int lastLength;

    public ProgressBar(PrintStream out, boolean terminal, int width) {
        if (width < 1) {
            throw new IllegalArgumentException("width must be at least 1, got " + width);
        }
        this.out = out;
        this.terminal = terminal;
        this.width = width;
    }

    /** A bar on standard output, redrawn in place when standard output is a terminal. */
    public static ProgressBar onStandardOutput() {
        // On Java 17 System.console() is null exactly when stdin or stdout is not a terminal.
        return new ProgressBar(System.out, System.console() != null, DEFAULT_WIDTH);
    }

    @Override
    public synchronized void onProgress(IngestProgress progress) {
        int filled = filled(progress);
        String line = render(progress);
        if (terminal) {
            // Blank out the rest of a longer previous line.
            String padding = " ".repeat(Math.max(0, lastLength - line.length()));
            out.print("\r" + line + padding);
            out.flush();
            lastLength = line.length();
        } else if (filled != lastFilled || progress.filesDone() == progress.filesTotal()) {
            out.println(line);
        }
        lastFilled = filled;
    }

    @Override
    public synchronized void onFinish(IngestReport report) {
        if (terminal && lastLength > 0) {
            out.println();
            lastLength = 0;
        }
    }

    /** The bar and counters, e.g. {@code [#####     ] 12/25 files, 40 published, 3 rejected}. */
    public String render(IngestProgress progress) {
        int filled = filled(progress);
        StringBuilder line = new StringBuilder("[")
                .append("#".repeat(filled))
                .append(" ".repeat(width - filled))
                .append("] ")
                .append(progress.filesDone())
                .append('/')
                .append(progress.filesTotal())
                .append(progress.filesTotal() == 1 ? " file, " : " files, ")
                .append(progress.published())
                .append(" published, ")
                .append(progress.rejected())
                .append(" rejected");
        if (progress.duplicates() > 0) {
            line.append(", ")
                    .append(progress.duplicates())
                    .append(progress.duplicates() == 1 ? " duplicate" : " duplicates");
        }
        return line.toString();
    }

    private int filled(IngestProgress progress) {
        if (progress.filesTotal() <= 0) {
            return width;
        }
        long done = Math.min(progress.filesDone(), progress.filesTotal());
        return (int) (done * width / progress.filesTotal());
    }
}
