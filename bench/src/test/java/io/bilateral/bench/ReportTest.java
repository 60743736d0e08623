package io.bilateral.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {

    private static final long MIB = 1024 * 1024;
    private static final Machine MACHINE =
            new Machine(2, 24L * 1024 * MIB, "Test CPU", "Linux 6.1", Map.of("kafka", "4.3.1"));

    private static RunResult run(double pipelineSeconds, double p99) {
        return new RunResult(
                new RunResult.Throughput(1000, pipelineSeconds, 3.0, 1.0, Map.of("news.articles.raw", 3000.0)),
                new RunResult.Throughput(1000, 1.0, 0.5, 0.4, Map.of()),
                List.of(
                        new RunResult.Latency(50, 500, 50.0, new Percentiles(600, 100, 150, 180, 200)),
                        new RunResult.Latency(200, 2000, 199.5, new Percentiles(2400, 120, 200, p99, 400))),
                new RunResult.Memory(600 * MIB, new GcLog(30, 300 * MIB, 80 * MIB, 500 * MIB)),
                400 * MIB);
    }

    private static Report report(List<RunResult> runs) {
        BenchOptions options = BenchOptions.parse(List.of("--articles", "1000", "--rate", "50,200"));
        return new Report(options, "samples/", 5, MACHINE, runs);
    }

    @Test
    void shouldPrintSingleFiguresForOneRun() {
        String table = report(List.of(run(4.0, 240))).table();

        assertThat(table)
                .contains("1000 articles a batch from samples/ (5 articles")
                .contains("2 cores, 24.0 GiB, Test CPU, Linux 6.1")
                .contains("command: ./bilateral bench --articles 1000 --rate 50,200 --duration 10");
        assertThat(table).containsPattern("pipeline: raw -> relations.events/pairs +250 +3.00 +1.00");
        assertThat(table).containsPattern("passthrough: raw -> bench.passthrough +1,000 +0.50 +0.40");
        assertThat(table).containsPattern("pipeline / passthrough +25.0 %");
        assertThat(table).containsPattern("200 +2000 +200 +2,400 +120 +200 +240 +400");
        assertThat(table).containsPattern("peak RSS \\(VmHWM\\) +600 MiB");
        assertThat(table).containsPattern("news.articles.raw +3,000");
        assertThat(table).containsPattern("pipeline throughput >= 50% of passthrough +25.0 % +MISSED");
        assertThat(table).containsPattern("p99 latency < 250 ms at 200 articles/s +240.0 ms +met");
        assertThat(table).containsPattern("enrich-service RSS <= 1 GiB +600.0 MiB +met");
    }

    @Test
    void shouldPrintTheMedianAndRangeOfRepeatedRuns() {
        String table =
                report(List.of(run(4.0, 240), run(5.0, 300), run(2.0, 260))).table();

        assertThat(table).contains("3 runs; median (min-max)");
        assertThat(table).containsPattern("pipeline: raw -> relations.events/pairs +250 \\(200-500\\)");
        assertThat(table).containsPattern("p99 latency < 250 ms at 200 articles/s +260.0 ms +MISSED");
    }

    @Test
    void shouldWriteOneJsonObjectWithMedianAndSpread() throws Exception {
        JsonNode json = new ObjectMapper()
                .readTree(report(List.of(run(4.0, 240), run(5.0, 300))).json());

        assertThat(json.path("machine").path("cores").asInt()).isEqualTo(2);
        assertThat(json.path("versions").path("kafka").asText()).isEqualTo("4.3.1");
        assertThat(json.path("runs").asInt()).isEqualTo(2);
        JsonNode pipeline = json.path("throughput").path("pipeline").path("articlesPerSecond");
        assertThat(pipeline.path("median").asDouble()).isEqualTo(225.0);
        assertThat(pipeline.path("min").asDouble()).isEqualTo(200.0);
        assertThat(pipeline.path("max").asDouble()).isEqualTo(250.0);
        assertThat(json.path("throughput").path("ratio").path("median").asDouble())
                .isEqualTo(0.225);
        assertThat(json.path("latency").get(1).path("rate").asInt()).isEqualTo(200);
        assertThat(json.path("latency").get(1).path("p99Ms").path("median").asDouble())
                .isEqualTo(270.0);
        assertThat(json.path("resources")
                        .path("enrichPeakRssBytes")
                        .path("median")
                        .asLong())
                .isEqualTo(600 * MIB);
        assertThat(json.path("resources")
                        .path("bytesPerArticle")
                        .path("news.articles.raw")
                        .path("median")
                        .asDouble())
                .isEqualTo(3000.0);
        assertThat(json.path("targets")).hasSize(3);
        assertThat(json.path("targets").get(0).path("met").asBoolean()).isFalse();
        assertThat(json.path("settings").path("processingGuarantee").asText()).isEqualTo("exactly_once_v2");
    }

    @Test
    void shouldWriteNullForAFigureThatWasNotMeasured() throws Exception {
        RunResult noLatency = new RunResult(
                run(4.0, 1).pipeline(),
                run(4.0, 1).passthrough(),
                List.of(new RunResult.Latency(50, 1, Double.NaN, Percentiles.EMPTY)),
                run(4.0, 1).enrich(),
                0);
        BenchOptions options = BenchOptions.parse(List.of("--rate", "50"));
        Report report = new Report(options, "samples/", 5, MACHINE, List.of(noLatency));

        JsonNode json = new ObjectMapper().readTree(report.json());

        assertThat(json.path("latency").get(0).path("p99Ms").path("median").isNull())
                .isTrue();
        assertThat(json.path("targets").get(1).path("met").isNull()).isTrue();
        assertThat(report.table()).containsPattern("p99 latency < 250 ms at 200 articles/s +- +ms +not measured");
    }
}
