package org.syndication.ingest;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class FeedSourceTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void failuresBackOffExponentiallyUpToTheCapAndSuccessResets() {
        FeedSource source = new FeedSource("https://x/feed", "x", Duration.ofSeconds(60), NOW);
        Duration cap = Duration.ofMinutes(10);
        source.pollFailed("HTTP 500", cap, NOW);
        assertThat(source.nextPollAt()).isEqualTo(NOW.plusSeconds(60));
        source.pollFailed("HTTP 500", cap, NOW);
        assertThat(source.nextPollAt()).isEqualTo(NOW.plusSeconds(120));
        for (int i = 0; i < 30; i++) {
            source.pollFailed("HTTP 500", cap, NOW);
        }
        assertThat(source.nextPollAt()).isEqualTo(NOW.plus(cap));
        assertThat(source.status()).isEqualTo(FeedSource.Status.FAILING);
        assertThat(source.lastError()).isEqualTo("HTTP 500");

        source.pollSucceeded(12, 12, "\"e\"", "Tue, 21 May 2019 10:00:00 GMT", NOW);
        assertThat(source.status()).isEqualTo(FeedSource.Status.OK);
        assertThat(source.lastError()).isNull();
        assertThat(source.consecutiveFailures()).isZero();
        assertThat(source.itemsRead()).isEqualTo(12);
        assertThat(source.nextPollAt()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void notModifiedKeepsTheLastCountAndValidators() {
        FeedSource source = new FeedSource("https://x/feed", "x", Duration.ofSeconds(60), NOW);
        source.pollSucceeded(5, 5, "\"e\"", null, NOW);
        source.pollSucceeded(null, 0, null, null, NOW.plusSeconds(60));
        assertThat(source.itemsRead()).isEqualTo(5);
        assertThat(source.itemsPublished()).isEqualTo(5);
        assertThat(source.etag()).isEqualTo("\"e\"");
    }
}
