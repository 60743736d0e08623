package io.bilateral.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalRegistryTest {

    @TempDir
    Path dir;

    @Test
    void shouldServeTheConfluentApiOnLoopback() {
        assertThat(LocalRegistry.url(18081)).isEqualTo("http://127.0.0.1:18081/apis/ccompat/v7");
    }

    @Test
    void shouldKeepItsDatabaseInTheDataDir() {
        StackLayout layout = new StackLayout(dir);
        Path jar = dir.resolve("r-runner.jar");

        JavaCommand command = new LocalRegistry(layout, 18081, jar).command();

        assertThat(command.env())
                .containsEntry("REGISTRY_DATASOURCE_URL", "jdbc:h2:file:" + dir.resolve("registry/db"));
        assertThat(command.jvmArgs()).contains("-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=18081");
        assertThat(command.jar()).isEqualTo(jar);
    }

    @Test
    void shouldFindTheRunnerJarUnderTheRepoRoot() throws IOException {
        Path target = Files.createDirectories(dir.resolve("registry-runner/target"));
        Files.createFile(target.resolve("registry-runner-0.1.0-SNAPSHOT.jar"));
        Path runner = Files.createFile(target.resolve("registry-runner-0.1.0-SNAPSHOT-runner.jar"));

        assertThat(LocalRegistry.findRunnerJar(dir)).isEqualTo(runner);
    }

    @Test
    void shouldSayHowToBuildAMissingRunnerJar() {
        var e = assertThrows(IllegalStateException.class, () -> LocalRegistry.findRunnerJar(dir));

        assertThat(e).hasMessageContaining("mvn -B -pl registry-runner install");
    }

    @Test
    void shouldFindTheRepoRootAboveAModuleDirectory() throws IOException {
        Files.createDirectories(dir.resolve("registry-runner"));
        Path module = Files.createDirectories(dir.resolve("enrich-service"));
        String before = System.getProperty(LocalRegistry.REPO_ROOT_PROPERTY);
        System.setProperty(LocalRegistry.REPO_ROOT_PROPERTY, module.toString());
        try {
            assertThat(LocalRegistry.locateRepoRoot()).isEqualTo(dir.toAbsolutePath());
        } finally {
            if (before == null) {
                System.clearProperty(LocalRegistry.REPO_ROOT_PROPERTY);
            } else {
                System.setProperty(LocalRegistry.REPO_ROOT_PROPERTY, before);
            }
        }
    }
}
