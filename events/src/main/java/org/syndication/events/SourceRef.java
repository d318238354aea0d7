package org.syndication.events;

/**
 * Where an item was published.
 *
 * @param name canonical source name, e.g. {@code eu-unodc} (part of the item id)
 * @param url  the page or feed the item came from; may be null for a posted document without URL
 */
public record SourceRef(String name, String url) {

    public SourceRef {
        Require.text(name, "source.name");
    }
}
