package org.syndication.feed.service;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FeedCacheTest {

    private static final long MS = 1_000_000;
    private static final long DEBOUNCE = 5 * MS;

    @Test
    void duringABacklogTheRendersTakeTheirShareOfACore() {
        assertThat(FeedCache.backlogDelay(DEBOUNCE, 300 * MS, 0.5)).as("half a core: wait as long as it took")
                .isEqualTo(300 * MS);
        assertThat(FeedCache.backlogDelay(DEBOUNCE, 100 * MS, 0.25)).as("a quarter: three times as long")
                .isEqualTo(300 * MS);
    }

    @Test
    void theRendersYieldTheirConfiguredShareOnlyWhileTheProjectionsBatchesComeFull() {
        assertThat(FeedCache.renderShare(0.25, 1.0)).as("full batches: a backlog").isEqualTo(0.25);
        assertThat(FeedCache.renderShare(0.25, 0.5)).as("half full").isEqualTo(0.625);
        assertThat(FeedCache.renderShare(0.25, 0.0)).as("a trickle: a whole core").isEqualTo(1.0);
        assertThat(FeedCache.backlogDelay(DEBOUNCE, 300 * MS, FeedCache.renderShare(0.25, 0.02)))
                .as("a steady stream of a few records per batch waits a few ms, not three renders' time")
                .isLessThan(10 * MS);
    }

    @Test
    void aQuickRenderIsFollowedAfterTheDebounce() {
        assertThat(FeedCache.backlogDelay(DEBOUNCE, 1 * MS, 0.25)).isEqualTo(DEBOUNCE);
    }
}
