package org.syndication.ingest.feeds;

/** A source URL that we refuse to fetch (not http(s), not allowed, or a non-public address). */
public class UnsafeUrlException extends RuntimeException {

    public UnsafeUrlException(String message) {
        super(message);
    }
}
