package org.syndication.ingest;

import java.time.LocalDate;

/**
 * A news item found in a document or feed, with its stable id, before dedup decides whether to publish it.
 *
 * @param itemId  stable id (see {@code ItemIdentity})
 * @param date    the item's date (first day of a range)
 * @param endDate last day of a range, or null
 * @param title   plain-text title
 * @param body    plain-text body, possibly empty
 * @param link    the item's own link, or the page's URL, or null
 * @param place   the dateline's place, or null
 */
public record ItemCandidate(String itemId, LocalDate date, LocalDate endDate, String title, String body, String link,
                            String place) {

    public ItemCandidate withItemId(String newItemId) {
        return new ItemCandidate(newItemId, date, endDate, title, body, link, place);
    }
}
