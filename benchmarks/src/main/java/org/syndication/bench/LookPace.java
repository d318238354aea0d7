package org.syndication.bench;

import java.time.Duration;

/**
 * How long a polling loop waits before its next look at a growing count, so that it looks seldom while the end is
 * far and often near it. A look is a {@code count(*)} of a table that grows by the round (tens of milliseconds of
 * PostgreSQL's CPU each at 40,000 rows, charged to the product in the pipeline's CPU per item); a fixed 250 ms
 * took ~40 looks a round. At the rate seen since the first look (the count grows in steps, a consumer's poll at a
 * time, so the rate between two looks says little) it waits a fifth of the time the rest should take, between
 * {@link #SHORTEST} and {@link #LONGEST}: the end is seen within about a fifth of the last step. Pure: the caller
 * owns the clock.
 */
final class LookPace {

    static final Duration SHORTEST = Duration.ofMillis(100);
    static final Duration LONGEST = Duration.ofMillis(1000);

    private final long total;
    private long firstNanos = -1;
    private long firstCount;

    LookPace(long total) {
        this.total = total;
    }

    /** The wait before the next look, after a look at {@code nowNanos} that saw {@code count} of the total. */
    Duration nextLook(long nowNanos, long count) {
        if (firstNanos < 0) {
            firstNanos = nowNanos;
            firstCount = count;
            return LONGEST;
        }
        if (count <= firstCount || nowNanos <= firstNanos) {
            return LONGEST;
        }
        double perNano = (double) (count - firstCount) / (nowNanos - firstNanos);
        Duration wait = Duration.ofNanos((long) ((total - count) / perNano / 5));
        if (wait.compareTo(SHORTEST) < 0) {
            return SHORTEST;
        }
        return wait.compareTo(LONGEST) > 0 ? LONGEST : wait;
    }
}
