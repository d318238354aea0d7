package org.syndication.ingest.feeds;

import java.time.Instant;

/** Not fetched now, and not a failure: the host may be asked again at {@link #until()} (crawl delay, Retry-After). */
public class HostDeferredException extends RuntimeException {

    private final transient Instant until;

    public HostDeferredException(Instant until) {
        super("host not ready before " + until, null, false, false);
        this.until = until;
    }

    public Instant until() {
        return until;
    }
}
