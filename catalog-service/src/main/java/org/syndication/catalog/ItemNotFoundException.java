package org.syndication.catalog;

/** No item has this id. */
public class ItemNotFoundException extends RuntimeException {

    public ItemNotFoundException(String itemId) {
        super("no item with id " + itemId);
    }
}
