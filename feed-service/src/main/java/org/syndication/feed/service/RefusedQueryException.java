package org.syndication.feed.service;

/** A search query that cannot be searched for (400 problem): it holds no word to search. */
public class RefusedQueryException extends RuntimeException {

    public RefusedQueryException(String message) {
        super(message);
    }
}
