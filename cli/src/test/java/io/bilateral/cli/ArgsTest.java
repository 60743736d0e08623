package io.bilateral.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArgsTest {

    private static final Set<String> VALUED = Set.of("topic", "until-idle");
    private static final Set<String> SWITCHES = Set.of("json");

    @Test
    void shouldReadOptionsSwitchesAndPositionalArguments() {
        Args args = Args.parse(
                List.of("--topic", "relations.pairs", "--json", "a.txt", "--until-idle=2.5", "b"), VALUED, SWITCHES);

        assertThat(args.option("topic")).contains("relations.pairs");
        assertThat(args.flag("json")).isTrue();
        assertThat(args.seconds("until-idle")).contains(2.5);
        assertThat(args.positional()).containsExactly("a.txt", "b");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "--tpoic x      | unknown option --tpoic",
                "--topic        | --topic needs a value",
                "--json=yes     | unknown option --json",
                "--until-idle x | --until-idle: 'x' is not a number of seconds",
                "--until-idle -1| --until-idle: '-1' is not a number of seconds"
            })
    void shouldNameTheOptionThatIsWrong(String line, String message) {
        assertThatThrownBy(() -> Args.parse(List.of(line.trim().split(" ")), VALUED, SWITCHES)
                        .seconds("until-idle"))
                .isInstanceOf(UsageException.class)
                .hasMessage(message);
    }

    @ParameterizedTest
    @CsvSource({"IRN-UZB,IRN-UZB", "uzb-irn,IRN-UZB", "USA-CHN,CHN-USA"})
    void shouldCanonicalisePairIds(String given, String expected) {
        assertThat(TailCommand.pairId(given)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"IRN", "IRN-UZB-TJK", "IR-UZB", "IRN_UZB"})
    void shouldRejectMalformedPairIds(String given) {
        assertThatThrownBy(() -> TailCommand.pairId(given))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("is not two alpha-3 codes");
    }
}
