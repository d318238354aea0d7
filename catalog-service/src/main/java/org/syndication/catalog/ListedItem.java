package org.syndication.catalog;

import org.syndication.events.ItemStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An item as a search lists it: no body, no reasons, its theme slugs only. {@code rest/} shows it as an
 * {@code ItemSummary}.
 *
 * @param sourceName the story's first source
 */
public record ListedItem(
        String itemId,
        long version,
        ItemStatus status,
        String sourceName,
        LocalDate date,
        LocalDate endDate,
        String title,
        String summary,
        String link,
        List<String> themes,
        Instant updatedAt) {
}
