package org.syndication.feed.rest;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class PollingLimitTest {

    private static final String MAX_AGE_600 = "public, max-age=600";
    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private PollingLimit limit(boolean enabled, long maxTracked) {
        return new PollingLimit(enabled, 3, maxTracked, TimeUnit.HOURS.toNanos(6), now::get);
    }

    private void advanceSeconds(long seconds) {
        now.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
    }

    @Test
    void theRequestBeyondTheLimitWithinOneMaxAgeWaitsForTheRestOfTheWindow() {
        PollingLimit limit = limit(true, 1000);
        for (int i = 0; i < 3; i++) {
            assertThat(limit.retryAfter("10.0.0.1", "all.atom", MAX_AGE_600)).isZero();
            advanceSeconds(10);
        }
        assertThat(limit.retryAfter("10.0.0.1", "all.atom", MAX_AGE_600)).isEqualTo(570);
        // other feeds and other clients have their own windows
        assertThat(limit.retryAfter("10.0.0.1", "all.rss", MAX_AGE_600)).isZero();
        assertThat(limit.retryAfter("10.0.0.2", "all.atom", MAX_AGE_600)).isZero();
        advanceSeconds(569);
        assertThat(limit.retryAfter("10.0.0.1", "all.atom", MAX_AGE_600)).isEqualTo(1);
        advanceSeconds(1);
        assertThat(limit.retryAfter("10.0.0.1", "all.atom", MAX_AGE_600)).as("a new window").isZero();
    }

    @Test
    void offMeansNeverLimited() {
        PollingLimit limit = limit(false, 1000);
        for (int i = 0; i < 100; i++) {
            assertThat(limit.retryAfter("10.0.0.1", "all.atom", MAX_AGE_600)).isZero();
        }
    }

    @Test
    void memoryIsBoundedWhateverTheNumberOfClients() {
        PollingLimit limit = limit(true, 100);
        for (int i = 0; i < 10_000; i++) {
            limit.retryAfter("client-" + i, "all.atom", MAX_AGE_600);
        }
        assertThat(limit.tracked()).isLessThanOrEqualTo(100);
    }

    @Test
    void readsMaxAgeOfCacheControl() {
        assertThat(PollingLimit.maxAgeSeconds("public, max-age=300")).isEqualTo(300);
        assertThat(PollingLimit.maxAgeSeconds("public, max-age=31536000, immutable")).isEqualTo(31536000);
        assertThat(PollingLimit.maxAgeSeconds("no-cache")).isZero();
    }
}
