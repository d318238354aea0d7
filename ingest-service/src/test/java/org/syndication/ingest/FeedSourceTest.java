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
        source.pollFailed("HTTP 500", 500, null, cap, NOW);
        assertThat(source.nextPollAt).isEqualTo(NOW.plusSeconds(60));
        source.pollFailed("HTTP 500", 500, null, cap, NOW);
        assertThat(source.nextPollAt).isEqualTo(NOW.plusSeconds(120));
        for (int i = 0; i < 30; i++) {
            source.pollFailed("HTTP 500", 500, null, cap, NOW);
        }
        assertThat(source.nextPollAt).isEqualTo(NOW.plus(cap));
        assertThat(source.status).isEqualTo(FeedSource.Status.FAILING);
        assertThat(source.lastError).isEqualTo("HTTP 500");

        source.pollSucceeded(feed(12), 12, "\"e\"", "Tue, 21 May 2019 10:00:00 GMT", 200, NOW);
        assertThat(source.status).isEqualTo(FeedSource.Status.OK);
        assertThat(source.lastError).isNull();
        assertThat(source.consecutiveFailures).isZero();
        assertThat(source.itemsRead).isEqualTo(12);
        assertThat(source.nextPollAt).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void notModifiedKeepsTheLastCountAndValidators() {
        FeedSource source = new FeedSource("https://x/feed", "x", Duration.ofSeconds(60), NOW);
        source.pollSucceeded(feed(5), 5, "\"e\"", null, 200, NOW);
        source.pollSucceeded(null, 0, null, null, 304, NOW.plusSeconds(60));
        assertThat(source.itemsRead).isEqualTo(5);
        assertThat(source.itemsPublished).isEqualTo(5);
        assertThat(source.etag).isEqualTo("\"e\"");
    }

    @Test
    void retryAfterOutranksAShorterBackoff() {
        FeedSource source = new FeedSource("https://x/news", "x", Duration.ofSeconds(60), NOW);
        source.pollFailed("HTTP 429", 429, Duration.ofMinutes(30), Duration.ofHours(6), NOW);
        assertThat(source.nextPollAt).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
        assertThat(source.lastHttpStatus).isEqualTo(429);
    }

    @Test
    void aPageWithoutItemsThreeReadsInARowIsDegradedUntilItemsComeBack() {
        FeedSource source = new FeedSource("https://x/news", "x", Duration.ofSeconds(60), NOW);
        FeedSource.Reading empty = new FeedSource.Reading(FeedSource.Kind.PAGE, "html", null, 0, "no item found");
        source.pollSucceeded(new FeedSource.Reading(FeedSource.Kind.PAGE, "html", null, 4, "date above title"), 4,
                null, null, 200, NOW);
        source.pollSucceeded(empty, 0, null, null, 200, NOW);
        source.pollSucceeded(empty, 0, null, null, 200, NOW);
        assertThat(source.degraded()).isFalse();
        source.pollSucceeded(null, 0, null, null, 304, NOW);
        assertThat(source.degraded()).isFalse();
        source.pollSucceeded(empty, 0, null, null, 200, NOW);
        assertThat(source.degraded()).isTrue();
        assertThat(source.layout).isEqualTo("no item found");
        source.pollSucceeded(new FeedSource.Reading(FeedSource.Kind.PAGE, "html", null, 2, "date above title"), 0,
                null, null, 200, NOW);
        assertThat(source.degraded()).isFalse();
    }

    @Test
    void aFeedWithoutEntriesIsNeverDegraded() {
        FeedSource source = new FeedSource("https://x/feed", "x", Duration.ofSeconds(60), NOW);
        for (int i = 0; i < 5; i++) {
            source.pollSucceeded(feed(0), 0, null, null, 200, NOW);
        }
        assertThat(source.degraded()).isFalse();
        assertThat(source.emptyReads).isEqualTo(5);
    }

    private static FeedSource.Reading feed(int items) {
        return new FeedSource.Reading(FeedSource.Kind.FEED, "rss", null, items, null);
    }
}
