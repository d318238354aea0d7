package org.syndication.feed;

/** An item id that is not (or no longer) published. */
public class ItemNotFoundException extends RuntimeException {

    public ItemNotFoundException(String itemId) {
        super("There is no published item '" + itemId + "'.");
    }
}
