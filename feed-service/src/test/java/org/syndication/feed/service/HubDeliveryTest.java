package org.syndication.feed.service;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class HubDeliveryTest {

    @Test
    void backoffDoublesPerAttemptAndIsCapped() {
        Duration first = Duration.ofSeconds(10);
        assertThat(HubDelivery.backoff(first, 1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(HubDelivery.backoff(first, 2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(HubDelivery.backoff(first, 5)).isEqualTo(Duration.ofSeconds(160));
        assertThat(HubDelivery.backoff(first, 60)).isEqualTo(Duration.ofDays(1));
    }
}
