package org.syndication.localstack.supervisor;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RestartPolicyTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-12-05T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private final ManualClock clock = new ManualClock();

    /** Exits {@code times} times, each after running {@code upFor} and waiting out the backoff it was given. */
    private List<RestartPolicy.Decision> crash(RestartPolicy policy, int times, Duration upFor) {
        List<RestartPolicy.Decision> decisions = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            policy.started();
            clock.advance(upFor);
            RestartPolicy.Decision decision = policy.exited();
            decisions.add(decision);
            if (decision instanceof RestartPolicy.Restart restart) {
                clock.advance(restart.delay());
            }
        }
        return decisions;
    }

    @Test
    void backoffDoublesFromOneSecondUpToThirtySeconds() {
        // a crash-loop limit that is never reached, so the whole series of delays shows
        RestartPolicy policy = new RestartPolicy(new RestartPolicy.Settings(Duration.ofSeconds(1),
                Duration.ofSeconds(30), 100, Duration.ofHours(1)), clock);
        List<RestartPolicy.Decision> decisions = crash(policy, 8, Duration.ofSeconds(1));
        assertThat(decisions).extracting(d -> ((RestartPolicy.Restart) d).delay().toSeconds())
                .containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
        assertThat(decisions).extracting(d -> ((RestartPolicy.Restart) d).attempt())
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    }

    @Test
    void fiveExitsWithinTwoMinutesAreACrashLoop() {
        RestartPolicy policy = new RestartPolicy(RestartPolicy.Settings.defaults(), clock);
        List<RestartPolicy.Decision> decisions = crash(policy, 5, Duration.ofSeconds(2));
        // 1 + 2 + 4 + 8 s of backoff and 5 × 2 s up: all five exits fall within 2 minutes
        assertThat(decisions.subList(0, 4)).allMatch(RestartPolicy.Restart.class::isInstance);
        assertThat(decisions.get(4)).isEqualTo(new RestartPolicy.GiveUp(5, Duration.ofMinutes(2)));
    }

    @Test
    void exitsSpreadOverMoreThanTheWindowAreNotACrashLoop() {
        RestartPolicy policy = new RestartPolicy(RestartPolicy.Settings.defaults(), clock);
        // up 40 s each time: four exits fit in any 2 minutes, never five
        List<RestartPolicy.Decision> decisions = crash(policy, 12, Duration.ofSeconds(40));
        assertThat(decisions).allMatch(RestartPolicy.Restart.class::isInstance);
    }

    @Test
    void aProcessThatRanWellForAWholeWindowStartsOverAtOneSecond() {
        RestartPolicy policy = new RestartPolicy(RestartPolicy.Settings.defaults(), clock);
        assertThat(crash(policy, 3, Duration.ofSeconds(1)))
                .extracting(d -> ((RestartPolicy.Restart) d).delay().toSeconds()).containsExactly(1L, 2L, 4L);
        policy.started();
        clock.advance(Duration.ofMinutes(10));
        assertThat(policy.exited()).isEqualTo(new RestartPolicy.Restart(Duration.ofSeconds(1), 1));
    }

    @Test
    void aRestartByHandForgetsEarlierExits() {
        RestartPolicy policy = new RestartPolicy(RestartPolicy.Settings.defaults(), clock);
        assertThat(crash(policy, 5, Duration.ofSeconds(1)).get(4)).isInstanceOf(RestartPolicy.GiveUp.class);
        policy.reset();
        policy.started();
        clock.advance(Duration.ofSeconds(1));
        assertThat(policy.exited()).isEqualTo(new RestartPolicy.Restart(Duration.ofSeconds(1), 1));
    }

    @Test
    void testsCanShortenTheBackoff() {
        RestartPolicy.Settings fast = RestartPolicy.Settings.defaults().withInitialBackoff(Duration.ofMillis(50));
        RestartPolicy policy = new RestartPolicy(fast, clock);
        assertThat(crash(policy, 5, Duration.ZERO)).extracting(Object::toString).containsExactly(
                "Restart[delay=PT0.05S, attempt=1]", "Restart[delay=PT0.1S, attempt=2]",
                "Restart[delay=PT0.2S, attempt=3]", "Restart[delay=PT0.4S, attempt=4]",
                "GiveUp[exits=5, window=PT2M]");
        assertThat(fast.maxBackoff()).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void refusesANonsensePolicy() {
        assertThatThrownBy(() -> new RestartPolicy.Settings(Duration.ZERO, Duration.ofSeconds(1), 5,
                Duration.ofMinutes(2))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RestartPolicy.Settings(Duration.ofSeconds(2), Duration.ofSeconds(1), 5,
                Duration.ofMinutes(2))).isInstanceOf(IllegalArgumentException.class);
    }
}
