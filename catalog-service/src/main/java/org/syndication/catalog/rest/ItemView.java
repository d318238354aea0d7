package org.syndication.catalog.rest;

import org.syndication.catalog.classify.ThemeReason;
import org.syndication.events.ItemStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One item in full, with the reason for each theme ({@code GET /api/items/{id}}) and every source that carried the
 * story ({@code sources}, the first one first).
 */
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
        Instant updatedAt,
        List<StorySource> sources) {

    public record Source(String name, String url) {
    }

    /**
     * A source that carried the story.
     *
     * @param itemId        the item id ingest gave this source's copy; the story's own for the first source, and
     *                      {@code GET /api/items/{itemId}} of a later one answers this story
     * @param status        ACTIVE, or WITHDRAWN (this source's copy only; the story stays while another carries it)
     * @param matchedBy     null for the first source; LINK or TITLE_AND_DATE for a later one
     * @param ingestVersion the highest version of this source's copy applied
     */
    public record StorySource(String itemId, String name, String url, String link, String status, String matchedBy,
                              long ingestVersion, Instant addedAt) {
    }

    /** A theme given to the item: the matched words, phrases or acronyms with their weights are in {@code reason}. */
    public record Theme(String slug, String title, double score, ThemeReason reason) {
    }
}
