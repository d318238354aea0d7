package org.syndication.feed.service;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FeedCacheTest {

    private static final long MS = 1_000_000;
    private static final long DEBOUNCE = 5 * MS;

    @Test
    void aQuietFeedRendersAfterTheDebounce() {
        long now = 10_000 * MS;
        assertThat(FeedCache.renderDelay(DEBOUNCE, now - 2_000 * MS, 40 * MS, now)).isEqualTo(DEBOUNCE);
    }

    @Test
    void duringABacklogTheNextRenderWaitsAsLongAsTheLastOneTook() {
        long now = 10_000 * MS;
        // the last render took 300 ms and ended 100 ms ago: wait another 200 ms
        assertThat(FeedCache.renderDelay(DEBOUNCE, now - 100 * MS, 300 * MS, now)).isEqualTo(200 * MS);
    }

    @Test
    void worksWithNegativeNanoTimes() {
        long now = -5_000 * MS;
        assertThat(FeedCache.renderDelay(DEBOUNCE, now - 10 * MS, 50 * MS, now)).isEqualTo(40 * MS);
    }
}
