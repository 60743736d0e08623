package io.bilateral.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JavaCommandTest {

    private static final String JAVA =
            Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @Test
    void shouldRunAMainClassOnAClasspath() {
        JavaCommand command = JavaCommand.mainClass("a.Main", List.of("x", "y"))
                .withClasspath("a.jar:b.jar")
                .withJvmArgs(List.of("-Xmx64m"));

        assertThat(command.commandLine()).containsExactly(JAVA, "-Xmx64m", "-cp", "a.jar:b.jar", "a.Main", "x", "y");
    }

    @Test
    void shouldDefaultToThisJvmsClasspath() {
        assertThat(JavaCommand.mainClass("a.Main", List.of()).classpath())
                .isEqualTo(System.getProperty("java.class.path"));
    }

    @Test
    void shouldRunAJar() {
        Path jar = Path.of("/opt/app-runner.jar");

        assertThat(JavaCommand.jar(jar, List.of("--flag")).commandLine())
                .containsExactly(JAVA, "-jar", jar.toString(), "--flag");
    }

    @Test
    void shouldKeepEnvironmentOutOfTheCommandLine() {
        JavaCommand command = JavaCommand.jar(Path.of("/a.jar"), List.of()).withEnv(Map.of("K", "v"));

        assertThat(command.env()).containsExactly(Map.entry("K", "v"));
        assertThat(command.commandLine()).doesNotContain("K", "v");
    }

    @Test
    void shouldRequireExactlyOneOfMainClassAndJar() {
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> new JavaCommand(List.of(), "cp", "a.Main", Path.of("/a.jar"), List.of(), Map.of()));

        assertThat(e).hasMessageContaining("exactly one");
    }
}
