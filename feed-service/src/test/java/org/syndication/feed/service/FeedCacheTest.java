package org.syndication.feed.service;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FeedCacheTest {

    private static final long MS = 1_000_000;
    private static final long DEBOUNCE = 5 * MS;

    @Test
    void duringABacklogTheNextRenderWaitsAsLongAsTheLastOneTook() {
        assertThat(FeedCache.backlogDelay(DEBOUNCE, 300 * MS)).isEqualTo(300 * MS);
    }

    @Test
    void aQuickRenderIsFollowedAfterTheDebounce() {
        assertThat(FeedCache.backlogDelay(DEBOUNCE, 2 * MS)).isEqualTo(DEBOUNCE);
    }
}
