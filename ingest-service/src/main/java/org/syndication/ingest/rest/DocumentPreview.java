package org.syndication.ingest.rest;

import java.time.LocalDate;
import java.util.List;

/**
 * Answer to {@code POST /api/documents?dryRun=true}: the items the page reader found and how it read the page;
 * nothing was published or recorded.
 *
 * @param dryRun    always {@code true}, so a client can tell a preview from a receipt
 * @param reader    {@code text} (lines) or {@code html-records} (repeated DOM records)
 * @param layout    the record template the reader inferred, in words
 * @param dateLines how many lines started an item
 * @param dropped   the lines left out of every item, with the reason (at most 200)
 */
public record DocumentPreview(boolean dryRun, String source, String reader, String layout, int dateLines,
                              List<Item> items, List<Dropped> dropped) {

    /**
     * One item as it would be published: {@code itemId} is the id it would get, {@code summary} the event's summary
     * (the first sentences of the body, at most 300 characters).
     */
    public record Item(String itemId, LocalDate date, LocalDate endDate, String title, String summary, String link,
                       String place) {
    }

    /** A line that belongs to no item, and why. */
    public record Dropped(String text, String reason) {
    }
}
