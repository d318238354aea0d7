package org.syndication.ingest.feeds;

/** A fetch that did not give a document: HTTP error, timeout, too large, too many redirects. Message is safe. */
public class FetchException extends RuntimeException {

    public FetchException(String message, Throwable cause) {
        super(message, cause);
    }
}
