package org.syndication.ingest.rest;

import java.time.LocalDate;
import java.util.List;

/** Answer to {@code POST /api/documents}: every item found, with what ingest did with it. */
public record DocumentAccepted(String documentId, String source, List<Item> items) {

    /** One item of the document; {@code status} is NEW, CORRECTED or UNCHANGED. */
    public record Item(String itemId, LocalDate date, LocalDate endDate, String title, long version, String status) {
    }
}
