package io.bilateral.bench;

import java.util.List;
import java.util.Map;

/**
 * The figures of one benchmark run.
 *
 * @param pipeline the enrich-service on a backlog
 * @param passthrough the identity topology on the same backlog size, same configuration
 * @param latency one entry per offered rate
 * @param enrich memory of the enrich-service over the whole run (throughput and latency)
 * @param brokerPeakRssBytes VmHWM of the broker at the end of the run
 */
public record RunResult(
        Throughput pipeline, Throughput passthrough, List<Latency> latency, Memory enrich, long brokerPeakRssBytes) {

    public RunResult {
        latency = List.copyOf(latency);
    }

    /** Pipeline throughput as a share of the passthrough's. */
    public double ratio() {
        return pipeline.articlesPerSecond() / passthrough.articlesPerSecond();
    }

    /**
     * Throughput of one application on a pre-loaded backlog.
     *
     * @param articles articles in the backlog
     * @param seconds from the backlog becoming visible to the application having committed all its outputs
     * @param appCpuSecondsPer1000 CPU time of the application's JVM per 1000 articles
     * @param brokerCpuSecondsPer1000 CPU time of the broker's JVM per 1000 articles, in the same interval
     * @param bytesPerArticle growth of each topic on the broker's disk, per article
     */
    public record Throughput(
            int articles,
            double seconds,
            double appCpuSecondsPer1000,
            double brokerCpuSecondsPer1000,
            Map<String, Double> bytesPerArticle) {

        public Throughput {
            bytesPerArticle = Map.copyOf(bytesPerArticle);
        }

        public double articlesPerSecond() {
            return articles / seconds;
        }
    }

    /**
     * One latency run.
     *
     * @param rate offered articles per second
     * @param sent articles sent
     * @param achievedRate the rate the sender really kept, from the first scheduled send to the last actual one
     * @param latency over every update of relations.events the articles caused
     */
    public record Latency(int rate, int sent, double achievedRate, Percentiles latency) {}

    /**
     * Memory of an application's JVM.
     *
     * @param peakRssBytes VmHWM
     * @param gc heap figures from its GC log
     */
    public record Memory(long peakRssBytes, GcLog gc) {}
}
