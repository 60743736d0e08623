package io.bilateral.ingest.files;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;

/**
 * Expands the paths given on the command line into the files to read. A file named explicitly must be an article file
 * (else it is rejected); a directory is walked recursively, in name order so runs are reproducible, following links
 * (unreadable entries and loops are rejected) and passing over hidden entries ({@code .git}, {@code .DS_Store}) and files of
 * other types, each of which is listed as skipped rather than dropped silently.
 */
public final class InputFiles {

    private InputFiles() {}

    /** The files to read, and what was rejected or skipped on the way. */
    public record Expansion(
            List<Path> files, List<IngestReport.Rejected> rejected, List<IngestReport.Skipped> skipped) {}

    public static Expansion expand(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        List<IngestReport.Rejected> rejected = new ArrayList<>();
        List<IngestReport.Skipped> skipped = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                walk(path, files, rejected, skipped);
            } else if (!Files.exists(path)) {
                rejected.add(new IngestReport.Rejected(path.toString(), "no such file or directory"));
            } else if (!Files.isRegularFile(path)) {
                rejected.add(new IngestReport.Rejected(path.toString(), "not a regular file"));
            } else if (FileFormats.forFile(path).isEmpty()) {
                rejected.add(new IngestReport.Rejected(
                        path.toString(), "unsupported file type (expected " + FileFormats.SUPPORTED + ")"));
            } else {
                files.add(path);
            }
        }
        return new Expansion(files, rejected, skipped);
    }

    private static void walk(
            Path root, List<Path> files, List<IngestReport.Rejected> rejected, List<IngestReport.Skipped> skipped) {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(
                    root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                            if (!dir.equals(root) && isHidden(dir)) {
                                skipped.add(new IngestReport.Skipped(dir.toString(), "hidden directory"));
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                            if (isHidden(file)) {
                                skipped.add(new IngestReport.Skipped(file.toString(), "hidden file"));
                            } else if (!attributes.isRegularFile()) {
                                skipped.add(new IngestReport.Skipped(file.toString(), "not a regular file"));
                            } else if (FileFormats.forFile(file).isEmpty()) {
                                skipped.add(new IngestReport.Skipped(
                                        file.toString(),
                                        "unsupported file type (expected " + FileFormats.SUPPORTED + ")"));
                            } else {
                                found.add(file);
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            // Unreadable entries and link loops are errors the user should see, not quiet skips.
                            rejected.add(new IngestReport.Rejected(file.toString(), "cannot be read: " + e));
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            rejected.add(new IngestReport.Rejected(root.toString(), "cannot be walked: " + e));
        }
        found.sort(Comparator.comparing(Path::toString));
        files.addAll(found);
    }

    private static boolean isHidden(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }
}
