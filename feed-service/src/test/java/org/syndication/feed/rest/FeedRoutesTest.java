package org.syndication.feed.rest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FeedRoutesTest {

    @Test
    void gzipIsUsedOnlyWhenTheClientAcceptsIt() {
        assertThat(FeedRoutes.acceptsGzip("gzip")).isTrue();
        assertThat(FeedRoutes.acceptsGzip("gzip, deflate, br")).isTrue();
        assertThat(FeedRoutes.acceptsGzip("br, gzip")).isTrue();
        assertThat(FeedRoutes.acceptsGzip("gzip;q=0.5")).isTrue();
        assertThat(FeedRoutes.acceptsGzip("*")).isTrue();
        assertThat(FeedRoutes.acceptsGzip("gzip;q=0")).isFalse();
        assertThat(FeedRoutes.acceptsGzip("gzip; q=0.000, br")).isFalse();
        assertThat(FeedRoutes.acceptsGzip("identity")).isFalse();
        assertThat(FeedRoutes.acceptsGzip(null)).isFalse();
    }
}
