package io.bilateral.stack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A copy of the project's own build outputs for the background processes. They run for hours while the launcher may
 * rebuild {@code target/} (or {@code mvn install} replace a snapshot in the Maven repository) under them; a JVM whose
 * jar is replaced fails on the next class it loads. Released jars in the Maven repository never change, so they are
 * used in place.
 */
public final class ClasspathSnapshot {

    private ClasspathSnapshot() {}

    /**
     * Copies every entry of {@code classpath} that lies under {@code projectRoot} or is a snapshot into {@code dir};
     * returns the new class path.
     */
    public static String of(String classpath, Path projectRoot, Path dir) {
        try {
            deleteRecursively(dir);
            Files.createDirectories(dir);
            List<String> entries = new ArrayList<>();
            int n = 0;
            for (String entry : classpath.split(File.pathSeparator)) {
                Path path = Path.of(entry).toAbsolutePath().normalize();
                boolean mutable = path.startsWith(projectRoot.toAbsolutePath().normalize())
                        || path.getFileName().toString().contains("-SNAPSHOT");
                if (!mutable || !Files.exists(path)) {
                    entries.add(entry);
                    continue;
                }
                Path copy = dir.resolve(n++ + "-" + path.getFileName());
                copy(path, copy);
                entries.add(copy.toString());
            }
            return String.join(File.pathSeparator, entries);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the build outputs to " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void copy(Path source, Path target) throws IOException {
        if (!Files.isDirectory(source)) {
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path p : paths.toList()) {
                Path t = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
