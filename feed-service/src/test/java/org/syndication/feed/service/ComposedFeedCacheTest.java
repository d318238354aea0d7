package org.syndication.feed.service;

import com.github.benmanes.caffeine.cache.Cache;
import io.quarkus.runtime.configuration.MemorySize;
import org.junit.jupiter.api.Test;
import org.syndication.feed.config.FeedConfig;
import org.syndication.feed.render.RenderedFeed;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The composed feeds' cache holds at most {@code feed.compose.cache-memory} of documents, whatever their number. */
class ComposedFeedCacheTest {

    private static final long LIMIT = 100_000;

    @Test
    void manyDocumentsAreKeptWithinTheMemoryLimit() {
        Cache<String, ComposedFeedService.Cached> cache = ComposedFeedService.documentCache(compose(LIMIT));
        for (int i = 0; i < 50; i++) {
            cache.put("search " + i, new ComposedFeedService.Cached(1, document(i, 8_000)));
        }
        cache.cleanUp();
        long held = cache.asMap().values().stream().mapToLong(c -> c.document().memorySize()).sum();
        // each document weighs ~12 KB (8 KB plain, ~4 KB gzipped): several fit, fifty do not
        assertThat(held).isPositive().isLessThanOrEqualTo(LIMIT);
        assertThat(cache.estimatedSize()).isBetween(2L, 9L);
    }

    @Test
    void oneDocumentLargerThanTheLimitIsNotKept() {
        Cache<String, ComposedFeedService.Cached> cache = ComposedFeedService.documentCache(compose(LIMIT));
        cache.put("search huge", new ComposedFeedService.Cached(1, document(1, 200_000)));
        cache.cleanUp();
        assertThat(cache.asMap()).isEmpty();
    }

    /** A document of about {@code size} plain bytes that gzip cannot shrink much (random hex). */
    private static RenderedFeed document(int seed, int size) {
        String text = new BigInteger(size * 4, new Random(seed)).toString(16);
        return RenderedFeed.onHeap(text.getBytes(StandardCharsets.US_ASCII), "application/atom+xml", Instant.EPOCH,
                "max-age=60");
    }

    private static FeedConfig.Compose compose(long bytes) {
        return new FeedConfig.Compose() {
            @Override
            public MemorySize cacheMemory() {
                return new MemorySize(BigInteger.valueOf(bytes));
            }

            @Override
            public Duration cacheTtl() {
                return Duration.ofMinutes(5);
            }

            @Override
            public int maxQueryLength() {
                return 200;
            }

            @Override
            public int maxThemes() {
                return 5;
            }
        };
    }
}
