package org.syndication.bench;

import java.time.Duration;

/**
 * How long a polling loop waits before its next look at a growing count, so that it looks seldom while the end is
 * far and often near it. A look is a {@code count(*)} of a table that grows by the round (5-8 ms at 40,000 rows on an
 * idle database, ~29 ms of wall time on the saturated machine, charged to the product in the pipeline's CPU per item);
 * a fixed 250 ms took ~40 looks a round. At the rate seen since the first look (the count grows in steps, a consumer's poll at a
 * time, so the rate between two looks says little) it waits {@link #SHARE_OF_THE_REST} of the time the rest should
 * take, between {@link #SHORTEST} and {@link #LONGEST}: the end is seen within about a fifth of the last step. Pure:
 * the caller owns the clock.
 */
final class LookPace {

    static final Duration SHORTEST = Duration.ofMillis(100);
    static final Duration LONGEST = Duration.ofMillis(1000);
    /** The part of the rest's expected time waited before the next look. */
    static final double SHARE_OF_THE_REST = 0.2;

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
        Duration wait = Duration.ofNanos((long) ((total - count) / perNano * SHARE_OF_THE_REST));
        if (wait.compareTo(SHORTEST) < 0) {
            return SHORTEST;
        }
        return wait.compareTo(LONGEST) > 0 ? LONGEST : wait;
    }
}
