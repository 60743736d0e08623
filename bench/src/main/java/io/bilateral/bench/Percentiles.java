package io.bilateral.bench;

import java.util.Arrays;

/**
 * Latency percentiles by the nearest-rank method: the p-th percentile of n sorted samples is the sample at rank
 * {@code ceil(p / 100 * n)}, so every reported figure is a latency that was actually observed (no interpolation).
 *
 * @param count number of samples
 * @param p50Ms median, milliseconds
 * @param p95Ms 95th percentile
 * @param p99Ms 99th percentile
 * @param maxMs the largest sample
 */
public record Percentiles(int count, double p50Ms, double p95Ms, double p99Ms, double maxMs) {

    /** No samples: every figure is NaN, which the report prints as "-". */
    public static final Percentiles EMPTY = new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /** The percentiles of {@code samplesMs}; the array is not changed. */
    public static Percentiles of(double[] samplesMs) {
        if (samplesMs.length == 0) {
            return EMPTY;
        }
        double[] sorted = samplesMs.clone();
        Arrays.sort(sorted);
        return new Percentiles(
                sorted.length,
                nearestRank(sorted, 50),
                nearestRank(sorted, 95),
                nearestRank(sorted, 99),
                sorted[sorted.length - 1]);
    }

    /** The sample at rank {@code ceil(p/100 * n)} (1-based) of ascending {@code sorted}; 0 &lt; p &le; 100. */
    static double nearestRank(double[] sorted, double p) {
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100], got " + p);
        }
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(1, rank) - 1];
    }
}
