package org.syndication.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;

/** Makes every source due now, so a test drives the poller at once instead of waiting out intervals. */
@ApplicationScoped
public class DueSources {

    private final FeedSourceRepository sources;
    private final Clock clock;

    public DueSources(FeedSourceRepository sources, Clock clock) {
        this.sources = sources;
        this.clock = clock;
    }

    @Transactional
    public void allDueNow() {
        Instant now = clock.instant();
        sources.listAll().forEach(s -> s.dueNow(now));
    }
}
