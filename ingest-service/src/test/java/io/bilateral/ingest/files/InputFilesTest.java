package io.bilateral.ingest.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {

    @TempDir
    Path dir;

    private Path touch(String relative) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "x");
    }

    @Test
    void shouldWalkDirectoriesRecursivelyInNameOrder() throws IOException {
        Path b = touch("b.txt");
        Path a = touch("sub/deeper/a.HTML");
        Path c = touch("a.jsonl");
        Path readme = touch("README.md");
        Path hidden = touch(".DS_Store");
        Path git = touch(".git/config.txt");

        InputFiles.Expansion expansion = InputFiles.expand(List.of(dir));

        assertEquals(List.of(c, b, a), expansion.files());
        assertThat(expansion.rejected()).isEmpty();
        assertThat(expansion.skipped())
                .containsExactlyInAnyOrder(
                        new IngestReport.Skipped(
                                readme.toString(),
                                "unsupported file type (expected .txt, .jsonl (or .ndjson), .html (or .htm))"),
                        new IngestReport.Skipped(hidden.toString(), "hidden file"),
                        new IngestReport.Skipped(git.getParent().toString(), "hidden directory"));
    }

    @Test
    void shouldRejectWhatWasNamedExplicitlyButCannotBeRead() throws IOException {
        Path readme = touch("README.md");
        Path missing = dir.resolve("missing.txt");
        Path good = touch("good.ndjson");

        InputFiles.Expansion expansion = InputFiles.expand(List.of(readme, missing, good));

        assertEquals(List.of(good), expansion.files());
        assertEquals(
                List.of(
                        new IngestReport.Rejected(
                                readme.toString(),
                                "unsupported file type (expected .txt, .jsonl (or .ndjson), .html (or .htm))"),
                        new IngestReport.Rejected(missing.toString(), "no such file or directory")),
                expansion.rejected());
    }

    @Test
    void shouldFindTheFiveSamples() {
        InputFiles.Expansion expansion = InputFiles.expand(List.of(Samples.directory()));
        assertThat(expansion.files())
                .hasSize(5)
                .allMatch(file -> file.toString().endsWith(".txt"));
        assertThat(expansion.skipped())
                .extracting(IngestReport.Skipped::location)
                .containsExactly(Samples.file("README.md").toString());
    }
}
