package org.syndication.feed;

import java.time.Duration;

/** Too many requests for one address, or from one client, within the window; retry after {@code retryAfter}. */
public class RateLimitedException extends RuntimeException {
    private final Duration retryAfter;

    public RateLimitedException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
