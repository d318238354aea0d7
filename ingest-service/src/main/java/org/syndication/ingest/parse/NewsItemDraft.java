package org.syndication.ingest.parse;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One news item found in a document, before it gets an id.
 *
 * @param date    the item's (first) day
 * @param endDate the last day when the item covers a range of days, otherwise {@code null}
 * @param title   the item's title, never blank
 * @param body    the item's text without page chrome, paragraphs separated by a blank line; may be empty
 * @param link    the item's own link when the document gave one, otherwise {@code null}
 * @param place   the place of a dateline ({@code Vienna, Austria}), otherwise {@code null}
 */
public record NewsItemDraft(LocalDate date, LocalDate endDate, String title, String body, String link, String place) {

    public NewsItemDraft {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
    }
}
