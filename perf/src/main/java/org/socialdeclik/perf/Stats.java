package org.socialdeclik.perf;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Order statistics of a sample of durations (milliseconds). */
public record Stats(List<Double> values) {

    public Stats {
        values = List.copyOf(values);
    }

    public static Stats of(List<Double> values) {
        return new Stats(values);
    }

    public int count() {
        return values.size();
    }

    /** The median (the mean of the two middle values for an even count); NaN when empty. */
    public double median() {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = sorted();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** The nearest-rank percentile (p in 0..100): the smallest value with at least p% of values at or under it. */
    public double percentile(double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        if (p < 0 || p > 100) {
            throw new IllegalArgumentException("percentile must be 0..100, got " + p);
        }
        List<Double> sorted = sorted();
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    public double min() {
        return values.isEmpty() ? Double.NaN : Collections.min(values);
    }

    public double max() {
        return values.isEmpty() ? Double.NaN : Collections.max(values);
    }

    private List<Double> sorted() {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted;
    }

    static String ms(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.0f", value);
    }
}
