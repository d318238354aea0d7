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
    void aQuickRenderIsFollowedAfterTheDebounce() {
        assertThat(FeedCache.backlogDelay(DEBOUNCE, 1 * MS, 0.25)).isEqualTo(DEBOUNCE);
    }
}
