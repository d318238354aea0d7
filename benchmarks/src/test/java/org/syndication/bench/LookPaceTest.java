package org.syndication.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class LookPaceTest {

    private static final long SECOND = 1_000_000_000L;

    /** A pace whose first look, at time 0, saw {@code count}. */
    private static LookPace firstLookSaw(long count) {
        LookPace pace = new LookPace(10_000);
        pace.nextLook(0, count);
        return pace;
    }

    @Test
    void theFirstLookWaitsTheLongest() {
        assertThat(new LookPace(10_000).nextLook(0, 0)).isEqualTo(LookPace.LONGEST);
    }

    @Test
    void farFromTheEndItWaitsTheLongest() {
        LookPace pace = firstLookSaw(0);
        // 1,000 a second with 9,000 to go: 9 s left, a fifth of it is more than the longest wait
        assertThat(pace.nextLook(SECOND, 1_000)).isEqualTo(LookPace.LONGEST);
    }

    @Test
    void nearTheEndItWaitsAFifthOfWhatIsLeft() {
        LookPace pace = firstLookSaw(0);
        // 1,000 a second since the first look with 2,000 to go: 2 s left
        assertThat(pace.nextLook(8 * SECOND, 8_000)).isEqualTo(Duration.ofMillis(400));
    }

    @Test
    void atTheEndItWaitsTheShortest() {
        LookPace pace = firstLookSaw(0);
        assertThat(pace.nextLook(10 * SECOND, 9_990)).isEqualTo(LookPace.SHORTEST);
    }

    @Test
    void withNoProgressSinceTheFirstLookItWaitsTheLongest() {
        LookPace pace = firstLookSaw(5_000);
        assertThat(pace.nextLook(SECOND, 5_000)).isEqualTo(LookPace.LONGEST);
    }

    @Test
    void aStepPausedBetweenTwoLooksKeepsTheRateSinceTheFirst() {
        LookPace pace = firstLookSaw(0);
        pace.nextLook(9 * SECOND, 9_000);
        // nothing new since the look before, but 9,000 in 9.5 s since the first: ~1.06 s left
        assertThat(pace.nextLook(9_500_000_000L, 9_000)).isBetween(Duration.ofMillis(200), Duration.ofMillis(220));
    }
}
