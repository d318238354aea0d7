package org.syndication.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The soak's targets and how a run's figures compare with them. Pure: the soak measures, this judges.
 * A target that the run was too short to measure is said to be so, and does not count as met or missed.
 */
final class SoakVerdict {

    static final long P99_LIMIT_MILLIS = 1000;
    /** Resident memory may move by this fraction between the end of the warm-up and the end of the run. */
    static final double GROWTH_LIMIT = 0.10;

    enum Outcome { MET, MISSED, NOT_MEASURED }

    record Check(String target, String measured, Outcome outcome) {
    }

    private final List<Check> checks = new ArrayList<>();

    List<Check> checks() {
        return List.copyOf(checks);
    }

    boolean missed() {
        return checks.stream().anyMatch(c -> c.outcome() == Outcome.MISSED);
    }

    /** Every post was answered 202: the offered load really went in (refused posts are not loss, but not a soak). */
    SoakVerdict accepted(long posted, long accepted) {
        checks.add(new Check("every post accepted (202)", String.format("%,d of %,d", accepted, posted),
                accepted == posted ? Outcome.MET : Outcome.MISSED));
        return this;
    }

    /** No loss: every accepted item is in the catalog and in the feed projection. */
    SoakVerdict noLoss(long accepted, long missingInCatalog, long missingInFeed) {
        checks.add(new Check("no loss (every accepted item in the catalog and the feed)",
                String.format("%,d accepted; missing: %,d in the catalog, %,d in the feed", accepted, missingInCatalog,
                        missingInFeed),
                missingInCatalog == 0 && missingInFeed == 0 ? Outcome.MET : Outcome.MISSED));
        return this;
    }

    /**
     * p99 of posted → in /feeds/all.atom below {@link #P99_LIMIT_MILLIS}. A probe never seen counts as slower than
     * any seen one, so the p99 is missed as soon as more than 1 % of the probes never showed.
     */
    SoakVerdict latency(long[] seenMillis, long unseen) {
        long total = seenMillis.length + unseen;
        if (total == 0) {
            checks.add(new Check("p99 posted → in /feeds/all.atom < " + P99_LIMIT_MILLIS + " ms", "no probe",
                    Outcome.NOT_MEASURED));
            return this;
        }
        long[] all = java.util.Arrays.copyOf(seenMillis, (int) total);
        java.util.Arrays.fill(all, seenMillis.length, all.length, Long.MAX_VALUE);
        long p99 = Percentiles.of(all, 99);
        String measured = (p99 == Long.MAX_VALUE ? "never seen" : p99 + " ms")
                + String.format(" (%,d probes, %,d never seen)", total, unseen);
        checks.add(new Check("p99 posted → in /feeds/all.atom < " + P99_LIMIT_MILLIS + " ms", measured,
                p99 < P99_LIMIT_MILLIS ? Outcome.MET : Outcome.MISSED));
        return this;
    }

    /**
     * No growth of one service's resident memory after the warm-up: the last minute's figure is at most
     * {@link #GROWTH_LIMIT} above the figure at the end of minute {@code warmupMinutes}.
     *
     * @param residentMbPerMinute the resident memory at the end of each minute, minute 1 first
     */
    SoakVerdict memory(String service, List<Long> residentMbPerMinute, int warmupMinutes) {
        String target = service + ": resident memory grows ≤ " + Math.round(GROWTH_LIMIT * 100) + " % after minute "
                + warmupMinutes;
        if (warmupMinutes < 1) {
            throw new IllegalArgumentException("the warm-up is at least one minute: " + warmupMinutes);
        }
        if (residentMbPerMinute.size() <= warmupMinutes) {
            checks.add(new Check(target, "run of " + residentMbPerMinute.size() + " min ends within the warm-up",
                    Outcome.NOT_MEASURED));
            return this;
        }
        long base = residentMbPerMinute.get(warmupMinutes - 1);
        long end = residentMbPerMinute.get(residentMbPerMinute.size() - 1);
        double growth = growth(base, end);
        checks.add(new Check(target, String.format("%d MB → %d MB (%+.1f %%)", base, end, growth * 100),
                growth <= GROWTH_LIMIT ? Outcome.MET : Outcome.MISSED));
        return this;
    }

    static double growth(long base, long end) {
        if (base <= 0) {
            throw new IllegalArgumentException("no resident memory at the end of the warm-up: " + base);
        }
        return (double) (end - base) / base;
    }
}
