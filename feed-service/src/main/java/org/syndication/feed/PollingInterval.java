package org.syndication.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * How long a reader may keep a feed document before asking again ({@code Cache-Control: max-age}, RSS {@code ttl}):
 * the median interval between the feed's recent item changes, bounded. A feed that changes every few minutes is
 * fetched often, one that changes twice a week rarely; the median ignores a single burst or a long pause.
 */
public final class PollingInterval {

    private PollingInterval() {
    }

    /**
     * The max-age of a feed whose recent items changed at {@code changes} (any order; equal times count once),
     * within [min, max]; fewer than two distinct changes give {@code max} (nothing to learn a rhythm from).
     */
    public static Duration maxAge(Collection<Instant> changes, Duration min, Duration max) {
        List<Instant> times = new ArrayList<>(new TreeSet<>(changes));
        if (times.size() < 2) {
            return max;
        }
        long[] intervals = new long[times.size() - 1];
        for (int i = 1; i < times.size(); i++) {
            intervals[i - 1] = Duration.between(times.get(i - 1), times.get(i)).toSeconds();
        }
        java.util.Arrays.sort(intervals);
        int middle = intervals.length / 2;
        long median = intervals.length % 2 == 1 ? intervals[middle] : (intervals[middle - 1] + intervals[middle]) / 2;
        Duration interval = Duration.ofSeconds(median);
        if (interval.compareTo(min) < 0) {
            return min;
        }
        return interval.compareTo(max) > 0 ? max : interval;
    }
}
