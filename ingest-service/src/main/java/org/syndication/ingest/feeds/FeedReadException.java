package org.syndication.ingest.feeds;

/** A fetched document is not a feed we read (ill-formed, hostile, or of an unknown kind). Message is safe to show. */
public class FeedReadException extends RuntimeException {

    public FeedReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
