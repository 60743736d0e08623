package io.bilateral.bench;

import java.util.List;

/**
 * The median of repeated measurements and their range, e.g. {@code 412 (398–431)}. NaN values (a figure that a
 * run could not measure) are left out; with none left every field is NaN.
 */
public record Spread(double median, double min, double max, int runs) {

    public static Spread of(List<Double> values) {
        double[] v = values.stream()
                .mapToDouble(Double::doubleValue)
                .filter(d -> !Double.isNaN(d))
                .sorted()
                .toArray();
        if (v.length == 0) {
            return new Spread(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        int mid = v.length / 2;
        double median = v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
        return new Spread(median, v[0], v[v.length - 1], v.length);
    }

    /** Range as a share of the median, e.g. 0.08 for ±4 %; NaN when the median is 0 or unknown. */
    public double relativeRange() {
        return median == 0 || Double.isNaN(median) ? Double.NaN : (max - min) / Math.abs(median);
    }
}
