package org.syndication.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The current state of a catalogued item, on the compacted {@link Topics#NEWS_CATALOGUED}, keyed by
 * {@code itemId}. The latest record per key is the item's state; a higher {@code version} wins.
 *
 * @param version    increases with every stored change (correction, re-categorisation, withdrawal)
 * @param themes     the themes assigned, possibly none
 * @param status     PUBLISHED, or WITHDRAWN when the item must leave the feeds
 * @param updatedAt  when this state was stored
 */
public record NewsItemCatalogued(
        String itemId,
        long version,
        SourceRef source,
        LocalDate date,
        LocalDate endDate,
        String title,
        String summary,
        String body,
        String link,
        String language,
        String contentHash,
        List<ThemeTag> themes,
        ItemStatus status,
        Instant ingestedAt,
        Instant updatedAt) {

    public NewsItemCatalogued {
        Require.item(itemId, version, source, date, endDate, title);
        Require.present(status, "status");
        Require.present(updatedAt, "updatedAt");
        themes = themes == null ? List.of() : List.copyOf(themes);
        body = body == null ? "" : body;
        summary = summary == null ? "" : summary;
    }

    /** Theme slugs joined for the {@link CeHeaders#THEMES} header. */
    public String themeSlugs() {
        return String.join(",", themes.stream().map(ThemeTag::slug).toList());
    }
}
