package org.syndication.feed;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PollingIntervalTest {

    private static final Duration MIN = Duration.ofMinutes(5);
    private static final Duration MAX = Duration.ofHours(6);
    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    private static List<Instant> every(Duration step, int count) {
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            times.add(T0.plus(step.multipliedBy(i)));
        }
        return times;
    }

    @Test
    void aFeedThatChangesHourlyIsKeptAnHour() {
        assertThat(PollingInterval.maxAge(every(Duration.ofHours(1), 10), MIN, MAX)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void boundedBelowAndAbove() {
        assertThat(PollingInterval.maxAge(every(Duration.ofSeconds(30), 10), MIN, MAX)).isEqualTo(MIN);
        assertThat(PollingInterval.maxAge(every(Duration.ofDays(3), 10), MIN, MAX)).isEqualTo(MAX);
    }

    @Test
    void fewerThanTwoDistinctChangesGiveTheCeiling() {
        assertThat(PollingInterval.maxAge(List.of(), MIN, MAX)).isEqualTo(MAX);
        assertThat(PollingInterval.maxAge(List.of(T0), MIN, MAX)).isEqualTo(MAX);
        assertThat(PollingInterval.maxAge(List.of(T0, T0, T0), MIN, MAX)).isEqualTo(MAX);
    }

    @Test
    void theMedianIgnoresOneLongPauseAndIsOrderIndependent() {
        List<Instant> times = new ArrayList<>(every(Duration.ofMinutes(20), 6));
        times.add(T0.minus(Duration.ofDays(40)));
        java.util.Collections.reverse(times);
        assertThat(PollingInterval.maxAge(times, MIN, MAX)).isEqualTo(Duration.ofMinutes(20));
        // an even number of intervals: the mean of the two middle ones
        assertThat(PollingInterval.maxAge(List.of(T0, T0.plusSeconds(600), T0.plusSeconds(1800)), MIN, MAX))
                .isEqualTo(Duration.ofSeconds(900));
    }
}
