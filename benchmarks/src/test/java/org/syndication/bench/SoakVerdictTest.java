package org.syndication.bench;

import org.junit.jupiter.api.Test;
import org.syndication.bench.SoakVerdict.Outcome;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SoakVerdictTest {

    @Test
    void aCleanRunMeetsEveryTarget() {
        SoakVerdict verdict = new SoakVerdict()
                .accepted(6_000, 6_000)
                .noLoss(6_000, 0, 0)
                .latency(new long[] {80, 120, 300}, 0)
                .memory("feed-service", List.of(180L, 200L, 205L, 210L, 214L), 2);

        assertThat(verdict.checks()).extracting(SoakVerdict.Check::outcome).containsOnly(Outcome.MET);
        assertThat(verdict.missed()).isFalse();
        assertThat(verdict.checks().get(3).measured()).isEqualTo("200 MB → 214 MB (+7.0 %)");
    }

    @Test
    void anItemMissingInTheFeedIsLoss() {
        SoakVerdict verdict = new SoakVerdict().noLoss(6_000, 0, 1);

        assertThat(verdict.missed()).isTrue();
        assertThat(verdict.checks().get(0).measured()).contains("1 in the feed");
    }

    @Test
    void refusedPostsMissTheTarget() {
        assertThat(new SoakVerdict().accepted(6_000, 5_990).missed()).isTrue();
    }

    @Test
    void p99AtOrAboveOneSecondIsMissed() {
        long[] slowTail = new long[100];
        java.util.Arrays.fill(slowTail, 100);
        slowTail[98] = 1_000;
        slowTail[99] = 1_500;

        assertThat(new SoakVerdict().latency(slowTail, 0).missed()).isTrue();
        slowTail[98] = 999;
        assertThat(new SoakVerdict().latency(slowTail, 0).missed()).isFalse();
    }

    @Test
    void probesNeverSeenCountAsSlowerThanAnySeen() {
        long[] fast = new long[99];
        java.util.Arrays.fill(fast, 50);

        // 1 unseen of 100: the p99 is still a seen probe; 2 unseen of 100: the p99 is one never seen
        assertThat(new SoakVerdict().latency(fast, 1).missed()).isFalse();
        SoakVerdict twoUnseen = new SoakVerdict().latency(java.util.Arrays.copyOf(fast, 98), 2);
        assertThat(twoUnseen.missed()).isTrue();
        assertThat(twoUnseen.checks().get(0).measured()).startsWith("never seen").contains("2 never seen");
    }

    @Test
    void noProbeIsNotMeasuredRatherThanMet() {
        SoakVerdict verdict = new SoakVerdict().latency(new long[0], 0);

        assertThat(verdict.checks().get(0).outcome()).isEqualTo(Outcome.NOT_MEASURED);
        assertThat(verdict.missed()).isFalse();
    }

    @Test
    void growthAboveTenPerCentAfterTheWarmUpIsMissed() {
        // minute 1 is warm-up noise and does not count; from 200 MB at minute 2 to 221 MB is +10.5 %
        SoakVerdict verdict = new SoakVerdict().memory("catalog-service", List.of(90L, 200L, 210L, 221L), 2);

        assertThat(verdict.missed()).isTrue();
        assertThat(new SoakVerdict().memory("catalog-service", List.of(90L, 200L, 210L, 220L), 2).missed()).isFalse();
        // shrinking is no growth
        assertThat(new SoakVerdict().memory("catalog-service", List.of(250L, 200L, 150L), 2).missed()).isFalse();
    }

    @Test
    void aRunNoLongerThanTheWarmUpDoesNotMeasureGrowth() {
        SoakVerdict verdict = new SoakVerdict().memory("ingest-service", List.of(150L, 400L), 2);

        assertThat(verdict.checks().get(0).outcome()).isEqualTo(Outcome.NOT_MEASURED);
        assertThat(verdict.missed()).isFalse();
    }

    @Test
    void growthIsRelativeToTheEndOfTheWarmUp() {
        assertThat(SoakVerdict.growth(200, 230)).isEqualTo(0.15);
        assertThat(SoakVerdict.growth(200, 180)).isEqualTo(-0.10);
        assertThatThrownBy(() -> SoakVerdict.growth(0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SoakVerdict().memory("feed-service", List.of(1L, 2L), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
