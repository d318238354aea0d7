package org.syndication.bench;

import java.util.Arrays;

/** Nearest-rank percentiles: always a value that was measured, never an interpolation between two. */
final class Percentiles {

    private Percentiles() {
    }

    /**
     * The smallest value that at least {@code percentile} per cent of {@code values} are less than or equal to.
     *
     * @throws IllegalArgumentException when there is no value or the percentile is outside (0, 100]
     */
    static long of(long[] values, double percentile) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        if (!(percentile > 0 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile outside (0, 100]: " + percentile);
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }
}
