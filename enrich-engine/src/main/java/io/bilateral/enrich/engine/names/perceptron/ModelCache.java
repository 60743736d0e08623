package io.bilateral.enrich.engine.names.perceptron;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Trained name tagger models on disk, outside the repository: {@code <dir>/ner-<key>.bin} where the key hashes the
 * training file's bytes, the feature version and the training parameters, so a changed file or feature set trains
 * anew. The directory is the system property {@value #DIR_SETTING}, else {@code $XDG_CACHE_HOME/bilateral}, else
 * {@code ~/.cache/bilateral}.
 */
public final class ModelCache {

    /** System property overriding the cache directory. */
    public static final String DIR_SETTING = "engine.ner.cache";

    private final Path dir;

    public ModelCache(Path dir) {
        this.dir = dir;
    }

    /** The cache in its standard place. */
    public static ModelCache standard() {
        String d = System.getProperty(DIR_SETTING);
        if (d != null && !d.isBlank()) {
            return new ModelCache(Path.of(d));
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return new ModelCache(base.resolve("bilateral"));
    }

    /** Training that may fail on I/O. */
    public interface Training {
        NerModel train() throws IOException;
    }

    /** A model and where it lives; {@code trained} when it was trained by this call rather than read. */
    public record Loaded(NerModel model, Path file, boolean trained) {}

    /** The cached model for this training file and parameters, training and storing it when there is none. */
    public Loaded loadOrTrain(Path trainingFile, String parameters, Training training) throws IOException {
        Path file = fileFor(trainingFile, parameters);
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                return new Loaded(NerModel.read(in), file, false);
            }
        }
        NerModel model = training.train();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "ner-", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                model.write(out);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return new Loaded(model, file, true);
    }

    /** {@code <dir>/ner-<first 16 hex digits of SHA-256(file bytes, feature version, parameters)>.bin}. */
    public Path fileFor(Path trainingFile, String parameters) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        try (InputStream in = Files.newInputStream(trainingFile)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                sha.update(buf, 0, n);
            }
        } catch (IOException e) {
            throw new IOException(
                    "name tagger training file " + trainingFile + " cannot be read: " + e.getMessage(), e);
        }
        sha.update(("\nfeatures=" + NerFeatures.VERSION + "\n" + parameters).getBytes(StandardCharsets.UTF_8));
        return dir.resolve("ner-" + HexFormat.of().formatHex(sha.digest(), 0, 8) + ".bin");
    }
}
