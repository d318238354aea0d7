package org.syndication.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Makes a test's own sources due now, so a test drives the poller at once instead of waiting out intervals. The
 * integration test classes share one application and database, so the sources other tests registered are still
 * there (their servers stopped, their intervals running out at any moment): every other source is put off, so that
 * the next poll takes exactly the test's own sources, as it would on a database of the test's own, and never runs
 * past the poller's batch on someone else's.
 */
@ApplicationScoped
public class DueSources {

    /** Longer than any test class runs. */
    private static final Duration PUT_OFF = Duration.ofDays(1);

    private final FeedSourceRepository sources;
    private final Clock clock;

    public DueSources(FeedSourceRepository sources, Clock clock) {
        this.sources = sources;
        this.clock = clock;
    }

    /** These sources are due now, and no other (none at all without ids). */
    @Transactional
    public void onlyDueNow(long... ids) {
        Instant now = clock.instant();
        List<Long> own = Arrays.stream(ids).boxed().toList();
        if (own.isEmpty()) {
            sources.update("nextPollAt = ?1", now.plus(PUT_OFF));
            return;
        }
        sources.update("nextPollAt = ?1 where id not in ?2", now.plus(PUT_OFF), own);
        sources.update("nextPollAt = ?1 where id in ?2", now, own);
    }
}
