package io.bilateral.ingest.files;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's {@code samples/} directory (the five reference articles), seen from the module's directory. */
final class Samples {

    private Samples() {}

    static Path directory() {
        Path root = Path.of(System.getProperty("bilateral.repo.root", ".."));
        Path samples = root.resolve("samples");
        if (!Files.isDirectory(samples)) {
            throw new IllegalStateException("samples directory not found at " + samples.toAbsolutePath());
        }
        return samples;
    }

    static Path file(String name) {
        return directory().resolve(name);
    }
}
