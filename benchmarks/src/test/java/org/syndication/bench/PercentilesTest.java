package org.syndication.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PercentilesTest {

    @Test
    void nearestRankOfUnsortedValues() {
        long[] values = {50, 10, 40, 20, 30};

        assertThat(Percentiles.of(values, 50)).isEqualTo(30);
        assertThat(Percentiles.of(values, 20)).isEqualTo(10);
        assertThat(Percentiles.of(values, 21)).isEqualTo(20);
        assertThat(Percentiles.of(values, 100)).isEqualTo(50);
        assertThat(values).containsExactly(50, 10, 40, 20, 30); // the caller's array is left as it was
    }

    @Test
    void p99OfAHundredIsTheSecondLargestAndOfFewValuesTheLargest() {
        long[] hundred = new long[100];
        for (int i = 0; i < 100; i++) {
            hundred[i] = i + 1;
        }
        assertThat(Percentiles.of(hundred, 99)).isEqualTo(99);
        assertThat(Percentiles.of(new long[] {7, 900, 3}, 99)).isEqualTo(900);
        assertThat(Percentiles.of(new long[] {42}, 50)).isEqualTo(42);
    }

    @Test
    void refusesNoValuesAndPercentilesOutOfRange() {
        assertThatThrownBy(() -> Percentiles.of(new long[0], 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.of(new long[] {1}, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.of(new long[] {1}, 100.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
