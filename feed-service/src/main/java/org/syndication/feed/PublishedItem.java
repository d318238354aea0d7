package org.syndication.feed;

import java.time.LocalDate;
import java.util.List;

/**
 * A published item as readers see it on pages and in digests: texts cleaned for XML, the link absolute (its own,
 * else its source page's, else our item page) and its themes with their current titles, sorted by slug. What the
 * services hand out instead of the {@link FeedItem} row.
 *
 * @param date    the item's own date
 * @param endDate the last day of an item that spans several, if any
 * @param body    the full plain text
 */
public record PublishedItem(String id, String title, LocalDate date, LocalDate endDate, String summary, String body,
                            String link, List<Theme> themes) {
}
