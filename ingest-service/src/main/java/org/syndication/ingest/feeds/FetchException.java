package org.syndication.ingest.feeds;

import java.time.Duration;

/**
 * A fetch that did not give a document: HTTP error, timeout, too large, too many redirects, refused by robots.txt.
 * The message is safe to store. {@code status} is the HTTP status when the server answered (else null);
 * {@code retryAfter} is how long the server asked us to wait ({@code Retry-After} of a 429/503), else null.
 */
public class FetchException extends RuntimeException {

    private final Integer status;
    private final transient Duration retryAfter;

    public FetchException(String message, Throwable cause) {
        this(message, cause, null, null);
    }

    public FetchException(String message, Throwable cause, Integer status, Duration retryAfter) {
        super(message, cause);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public Integer status() {
        return status;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
