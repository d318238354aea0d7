package org.syndication.catalog;

import org.syndication.catalog.classify.ThemeReason;
import org.syndication.events.ItemStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One item in full as the read side reports it ({@code ItemQueryService.find}): its stored state, every theme with
 * the reason it was given, and every source that carried the story. Built inside the query's transaction, where the
 * item's themes can still be loaded; {@code rest/} shows it as an {@code ItemView}.
 *
 * @param version       the catalog's own version (+1 per stored change)
 * @param ingestVersion the highest ingest version applied
 * @param sources       the first source first
 */
public record ItemDetails(
        String itemId,
        long version,
        ItemStatus status,
        String sourceName,
        String sourceUrl,
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

    /** A theme given to the item, with its display title and the terms that earned it. */
    public record Theme(String slug, String title, double score, ThemeReason reason) {
    }

    /**
     * A source that carried the story.
     *
     * @param ingestItemId the item id ingest gave this source's copy (the story's own for the first source)
     * @param matchedBy    null for the first source
     */
    public record StorySource(String ingestItemId, String name, String url, String link, ItemSource.Status status,
                              ItemSource.MatchedBy matchedBy, long ingestVersion, Instant addedAt) {
    }
}
