package io.bilateral.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackCommandTest {

    @TempDir
    Path dir;

    @Test
    void shouldStartOneBrokerUnlessAskedAndRememberTheCountOfAStack() throws Exception {
        assertThat(StackCommand.brokers(dir, null)).isEqualTo(1);
        assertThat(StackCommand.brokers(dir, 3)).isEqualTo(3);

        Files.writeString(dir.resolve(StackCommand.BROKERS_FILE), "3\n");

        assertThat(StackCommand.brokers(dir, null))
                .as("a plain up restarts all three")
                .isEqualTo(3);
    }

    @Test
    void shouldRefuseAnotherBrokerCountForAnExistingStack() throws Exception {
        Files.writeString(dir.resolve(StackCommand.BROKERS_FILE), "3\n");

        UsageException e = assertThrows(UsageException.class, () -> StackCommand.brokers(dir, 1));
        assertThat(e.getMessage()).contains("created with 3", "down --purge");
        Files.delete(dir.resolve(StackCommand.BROKERS_FILE));
        Files.createDirectories(dir.resolve("kafka"));
        assertThat(assertThrows(UsageException.class, () -> StackCommand.brokers(dir, 3))
                        .getMessage())
                .contains("one-broker stack");
        assertThat(assertThrows(UsageException.class, () -> StackCommand.brokers(dir, 2))
                        .getMessage())
                .contains("use 1 or 3");
    }
}
