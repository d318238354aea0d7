package org.syndication.feed.rest;

/** An item id that is not (or no longer) published. */
public class UnknownItemException extends RuntimeException {

    public UnknownItemException(String itemId) {
        super("There is no published item '" + itemId + "'.");
    }
}
