package org.syndication.feed.render;

import java.time.Instant;
import java.util.List;

/**
 * One entry of a feed document, format-neutral, every URL absolute and every text already free of characters
 * that XML forbids.
 *
 * @param id        the item id (RSS guid, JSON Feed id)
 * @param uri       the same id as a URI (Atom id): {@code urn:uuid:...}
 * @param published the item's own date, never the time of rendering
 * @param content   the full plain text
 */
public record FeedEntry(
        String id,
        String uri,
        String title,
        String link,
        Instant published,
        Instant updated,
        List<Category> categories,
        String summary,
        String content,
        String language) {

    /** A theme of the entry: slug (term), title (label) and the URL of the theme page as scheme. */
    public record Category(String slug, String title, String scheme) {
    }
}
