package org.syndication.catalog.rest;

import org.syndication.catalog.classify.ThemeReason;
import org.syndication.events.ItemStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One item in full, with the reason for each theme ({@code GET /api/items/{id}}). */
public record ItemView(
        String itemId,
        long version,
        ItemStatus status,
        Source source,
        LocalDate date,
        LocalDate endDate,
        String title,
        String summary,
        String body,
        String link,
        String language,
        String contentHash,
        long ingestVersion,
        List<Theme> themes,
        Instant ingestedAt,
        Instant updatedAt) {

    public record Source(String name, String url) {
    }

    /** A theme given to the item: the matched words, phrases or acronyms with their weights are in {@code reason}. */
    public record Theme(String slug, String title, double score, ThemeReason reason) {
    }
}
