package org.syndication.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One news item found by ingest, on {@link Topics#NEWS_INGESTED}, keyed by {@code itemId}.
 *
 * @param itemId      stable id derived from (canonical source, date, normalised title)
 * @param version     1 for the first text seen of this item, +1 for every correction
 * @param source      where the item was published
 * @param date        the item's own date (the first day of a range)
 * @param endDate     the last day of a range, or null
 * @param title       the item's title
 * @param summary     a short plain-text summary (first sentences of the body)
 * @param body        the full plain text
 * @param link        the item's own link, or the page it came from; may be null
 * @param language    BCP 47 language tag, e.g. {@code en}
 * @param contentHash SHA-256 (hex) of the normalised title and body; a change means a correction
 * @param ingestedAt  when ingest published this version
 */
public record NewsItemIngested(
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
        Instant ingestedAt) {

    public NewsItemIngested {
        Require.item(itemId, version, source, date, endDate, title);
        Require.text(contentHash, "contentHash");
        Require.present(ingestedAt, "ingestedAt");
        body = body == null ? "" : body;
        summary = summary == null ? "" : summary;
    }
}
