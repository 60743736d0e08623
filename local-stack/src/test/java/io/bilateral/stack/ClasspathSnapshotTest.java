package io.bilateral.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClasspathSnapshotTest {

    @Test
    void shouldCopyBuildOutputsAndSnapshotsButUseReleasedJarsInPlace(@TempDir Path tmp) throws Exception {
        Path project = Files.createDirectories(tmp.resolve("project"));
        Path classes = Files.createDirectories(project.resolve("cli/target/classes/io/x"));
        Files.writeString(classes.resolve("A.class"), "a");
        Path moduleJar = Files.writeString(
                Files.createDirectories(project.resolve("common/target")).resolve("common.jar"), "c");
        Path repo = Files.createDirectories(tmp.resolve("m2"));
        Path released = Files.writeString(repo.resolve("kafka-clients-4.3.1.jar"), "k");
        Path snapshot = Files.writeString(repo.resolve("schemas-0.1.0-SNAPSHOT.jar"), "s");
        String classpath = String.join(
                File.pathSeparator,
                project.resolve("cli/target/classes").toString(),
                moduleJar.toString(),
                released.toString(),
                snapshot.toString());

        List<String> copied = List.of(
                ClasspathSnapshot.of(classpath, project, tmp.resolve("app")).split(File.pathSeparator));

        assertThat(copied).hasSize(4);
        assertThat(copied.get(2)).isEqualTo(released.toString());
        assertThat(copied)
                .filteredOn(e -> e.startsWith(tmp.resolve("app").toString()))
                .hasSize(3);
        assertThat(Path.of(copied.get(0)).resolve("io/x/A.class")).hasContent("a");
        Files.writeString(moduleJar, "rebuilt");
        assertThat(Path.of(copied.get(1))).hasContent("c");
    }
}
