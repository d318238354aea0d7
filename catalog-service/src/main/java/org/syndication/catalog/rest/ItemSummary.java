package org.syndication.catalog.rest;

import org.syndication.events.ItemStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An item in a result list (no body, theme slugs only). */
public record ItemSummary(
        String itemId,
        long version,
        ItemStatus status,
        String source,
        LocalDate date,
        LocalDate endDate,
        String title,
        String summary,
        String link,
        List<String> themes,
        Instant updatedAt) {
}
