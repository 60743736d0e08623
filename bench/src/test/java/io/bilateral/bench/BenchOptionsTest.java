package io.bilateral.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BenchOptionsTest {

    @Test
    void shouldUseTheDefaultsWithoutArguments() {
        BenchOptions o = BenchOptions.parse(List.of());

        assertThat(o.articles()).isEqualTo(2000);
        assertThat(o.warmup()).isEqualTo(300);
        assertThat(o.corpus()).isEmpty();
        assertThat(o.rates()).containsExactly(50, 200, 1000);
        assertThat(o.duration()).isEqualTo(Duration.ofSeconds(10));
        assertThat(o.repeat()).isEqualTo(1);
        assertThat(o.json()).isFalse();
        assertThat(o.enrichJvmArgs()).isEmpty();
    }

    @Test
    void shouldReadEveryOption() {
        BenchOptions o = BenchOptions.parse(List.of(
                "--articles",
                "1000",
                "--warmup=50",
                "--rate",
                "20,100",
                "--duration",
                "2.5",
                "--repeat",
                "3",
                "--json",
                "--keep",
                "--jfr",
                "--enrich-jvm-args",
                "-Xmx512m -XX:+UseSerialGC",
                "--corpus",
                "a.jsonl"));

        assertThat(o)
                .isEqualTo(new BenchOptions(
                        1000,
                        50,
                        List.of(Path.of("a.jsonl")),
                        List.of(20, 100),
                        Duration.ofMillis(2500),
                        3,
                        true,
                        true,
                        true,
                        List.of("-Xmx512m", "-XX:+UseSerialGC")));
    }

    @Test
    void shouldTakeEveryFileOfAShellGlobAfterCorpus() {
        BenchOptions o = BenchOptions.parse(List.of("--corpus", "r/000.jsonl", "r/001.jsonl", "r/002.jsonl", "--json"));

        assertThat(o.corpus()).containsExactly(Path.of("r/000.jsonl"), Path.of("r/001.jsonl"), Path.of("r/002.jsonl"));
        assertThat(o.json()).isTrue();
    }

    @Test
    void shouldSkipLatencyRunsWithRateNone() {
        assertThat(BenchOptions.parse(List.of("--rate", "none")).rates()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "--articles|0|--articles must be at least 1",
                "--articles|many|--articles: 'many' is not a whole number",
                "--rate|50,,200|--rate: '' is not a whole number",
                "--duration|-1|--duration: '-1' is not a positive number of seconds",
                "--colour|red|unknown option --colour"
            })
    void shouldNameTheOptionAndValueWhenWrong(String option, String value, String message) {
        BenchUsageException e =
                assertThrows(BenchUsageException.class, () -> BenchOptions.parse(List.of(option, value)));
        assertThat(e).hasMessageContaining(message);
    }

    @Test
    void shouldRejectAStrayArgumentAndAMissingValue() {
        assertThat(assertThrows(BenchUsageException.class, () -> BenchOptions.parse(List.of("fast"))))
                .hasMessageContaining("unexpected argument 'fast'");
        assertThat(assertThrows(BenchUsageException.class, () -> BenchOptions.parse(List.of("--articles"))))
                .hasMessageContaining("--articles needs a value");
        assertThat(assertThrows(BenchUsageException.class, () -> BenchOptions.parse(List.of("--json=yes"))))
                .hasMessageContaining("--json takes no value");
    }

    @Test
    void shouldWriteTheCommandThatReproducesTheRun() {
        BenchOptions o = BenchOptions.parse(List.of("--corpus", "r.jsonl", "--articles", "1000", "--duration", "2.5"));

        assertThat(o.commandLine())
                .isEqualTo("./bilateral bench --articles 1000 --corpus r.jsonl --rate 50,200,1000 --duration 2.5");
        assertThat(BenchOptions.parse(List.of()).commandLine())
                .isEqualTo("./bilateral bench --articles 2000 --rate 50,200,1000 --duration 10");
    }
}
