package io.bilateral.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bilateral.schemas.ActorEntry;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ActorsCommandTest {

    private static final Set<String> OPTIONS = Set.of("id", "name", "type", "country", "role", "aliases");

    private static ActorEntry entry(String line) {
        return ActorsCommand.entry(Args.parse(List.of(line.split(";")), OPTIONS, Set.of()), Instant.EPOCH);
    }

    @Test
    void shouldBuildAnEntryFromTheOptions() {
        ActorEntry e = entry("--id;person:zorbek-alimov;--name;Zorbek Alimov;--type;person;--country;kgz;"
                + "--role;Security Council Secretary;--aliases;Alimov| Z. Alimov |");

        assertThat(e.getType()).isEqualTo("PERSON");
        assertThat(e.getCountry()).isEqualTo("KGZ");
        assertThat(e.getAliases()).containsExactly("Alimov", "Z. Alimov");
        assertThat(e.getRole()).isEqualTo("Security Council Secretary");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '!',
            value = {
                "--name;X;--type;PERSON                    ! --id is required",
                "--id;a;--type;PERSON                      ! --name is required",
                "--id;a;--name;   ;--type;PERSON           ! --name is required",
                "--id;a;--name;X;--type;WIZARD             ! --type: 'WIZARD' is not one of",
                "--id;a;--name;X;--type;PERSON;--country;Iran ! --country: 'IRAN' is not an ISO 3166-1 alpha-3 code"
            })
    void shouldNameTheOptionThatIsWrong(String line, String message) {
        assertThatThrownBy(() -> entry(line.strip()))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith(message.strip());
    }
}
