package org.syndication.feed.render;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One feed document in one format, format-neutral: a subscription document (newest entries) or an RFC 5005
 * archive document (one month).
 *
 * @param uri          the feed's stable id as a URI (Atom id)
 * @param selfUrl      absolute URL of this very document
 * @param htmlUrl      absolute URL of the HTML page of the theme
 * @param currentUrl   absolute URL of the subscription document (RFC 5005 {@code current})
 * @param prevArchive  the next older archive document, if any
 * @param nextArchive  the next newer archive document (archive documents only), if any
 * @param ttl          how long readers may keep the document (RSS {@code ttl}); subscription documents only
 * @param deleted      items withdrawn lately that were in this document (RFC 6721; Atom only)
 * @param hub          the WebSub hub of this document ({@code rel="hub"}), subscription documents only
 */
public record FeedDocument(
        String uri,
        String title,
        String description,
        String author,
        String selfUrl,
        String htmlUrl,
        String currentUrl,
        Instant updated,
        List<FeedEntry> entries,
        boolean archive,
        Optional<String> prevArchive,
        Optional<String> nextArchive,
        Optional<Duration> ttl,
        List<DeletedEntry> deleted,
        Optional<String> hub) {

    /** A document without a hub link, a ttl or deleted entries (archives, composed feeds). */
    public FeedDocument(String uri, String title, String description, String author, String selfUrl, String htmlUrl,
                        String currentUrl, Instant updated, List<FeedEntry> entries, boolean archive,
                        Optional<String> prevArchive, Optional<String> nextArchive) {
        this(uri, title, description, author, selfUrl, htmlUrl, currentUrl, updated, entries, archive, prevArchive,
                nextArchive, Optional.empty(), List.of(), Optional.empty());
    }

    /** A document without a hub link. */
    public FeedDocument(String uri, String title, String description, String author, String selfUrl, String htmlUrl,
                        String currentUrl, Instant updated, List<FeedEntry> entries, boolean archive,
                        Optional<String> prevArchive, Optional<String> nextArchive, Optional<Duration> ttl,
                        List<DeletedEntry> deleted) {
        this(uri, title, description, author, selfUrl, htmlUrl, currentUrl, updated, entries, archive, prevArchive,
                nextArchive, ttl, deleted, Optional.empty());
    }
}
