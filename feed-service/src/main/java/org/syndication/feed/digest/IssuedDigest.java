package org.syndication.feed.digest;

import org.syndication.feed.PublishedItem;

import java.util.List;

/**
 * An issued digest as its readers get it, in the mail and on its archive page (withdrawn items left out).
 *
 * @param list       the list the digest belongs to: the theme slug, or {@code search-<hash>} for a saved search (the
 *                   mail's List-Id)
 * @param title      the theme's title, or {@code search “<query>”}
 * @param archiveUrl where the digest can be read again (for a saved search: its search feed)
 * @param themeUrl   the page of its theme (for a saved search: its search feed)
 */
public record IssuedDigest(String list, String title, Period period, List<PublishedItem> items, String archiveUrl,
                           String themeUrl) {
}
