package org.syndication.bench;

import java.time.Duration;

/**
 * Open-loop pacing: the n-th send is due {@code n / rate} seconds after the start, whatever became of the sends
 * before it. A slow answer therefore never slows the offered load down (a closed loop would wait for it and so hide
 * the very stall it should measure); the sender that falls behind sends at once and the delay counts in the
 * latency, which is measured from the due time. Each due time is computed from {@code n}, not by adding intervals,
 * so rounding never accumulates into drift. Pure: the caller owns the clock.
 */
final class Pacer {

    private final double perSecond;

    Pacer(double perSecond) {
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("rate must be a positive number of sends per second: " + perSecond);
        }
        this.perSecond = perSecond;
    }

    /** Nanoseconds from the start until send {@code n} (counted from 0) is due. */
    long dueNanos(long n) {
        return (long) Math.floor(n * 1e9 / perSecond);
    }

    /** How many sends fall due within {@code duration} from the start (those with a due time before its end). */
    long sendsWithin(Duration duration) {
        double exact = duration.toNanos() / 1e9 * perSecond;
        long nearest = Math.round(exact);
        // a whole product (60 s at 100/s) must not become 6,001 through a rounding error in the last digit
        return Math.abs(exact - nearest) < 1e-6 ? nearest : (long) Math.ceil(exact);
    }

    /** Every how many sends one is a latency probe, for about {@code probesPerSecond} probes a second (at least 1). */
    long probeEvery(double probesPerSecond) {
        return Math.max(1, Math.round(perSecond / probesPerSecond));
    }
}
