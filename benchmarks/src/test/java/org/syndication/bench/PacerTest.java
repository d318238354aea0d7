package org.syndication.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PacerTest {

    @Test
    void sendsAreDueAtEvenIntervalsFromTheStart() {
        Pacer pacer = new Pacer(100);

        assertThat(pacer.dueNanos(0)).isZero();
        assertThat(pacer.dueNanos(1)).isEqualTo(10_000_000L);
        assertThat(pacer.dueNanos(250)).isEqualTo(2_500_000_000L);
    }

    @Test
    void dueTimesDoNotDriftOverALongRun() {
        // 3/s does not divide a second evenly: adding a rounded interval each time would be 200 ns off after 600 sends
        Pacer pacer = new Pacer(3);

        assertThat(pacer.dueNanos(1)).isEqualTo(333_333_333L);
        assertThat(pacer.dueNanos(1_800)).isEqualTo(600_000_000_000L);
        assertThat(pacer.dueNanos(180_000)).isEqualTo(60_000_000_000_000L);
    }

    @Test
    void countsTheSendsDueWithinTheDuration() {
        assertThat(new Pacer(100).sendsWithin(Duration.ofMinutes(10))).isEqualTo(60_000);
        assertThat(new Pacer(0.7).sendsWithin(Duration.ofMinutes(1))).isEqualTo(42);
        // 2.5 s at 1/s: sends due at 0, 1 and 2 s
        assertThat(new Pacer(1).sendsWithin(Duration.ofMillis(2_500))).isEqualTo(3);
        // every send counted is due before the end, and the next one is not
        Pacer pacer = new Pacer(30);
        long sends = pacer.sendsWithin(Duration.ofMinutes(2));
        assertThat(pacer.dueNanos(sends - 1)).isLessThan(Duration.ofMinutes(2).toNanos());
        assertThat(pacer.dueNanos(sends)).isGreaterThanOrEqualTo(Duration.ofMinutes(2).toNanos());
    }

    @Test
    void probesAboutAsOftenAsAsked() {
        assertThat(new Pacer(100).probeEvery(5)).isEqualTo(20);
        assertThat(new Pacer(30).probeEvery(5)).isEqualTo(6);
        assertThat(new Pacer(2).probeEvery(5)).isEqualTo(1);
    }

    @Test
    void refusesARateThatIsNotPositive() {
        assertThatThrownBy(() -> new Pacer(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Pacer(-5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Pacer(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
