package org.syndication.ingest.feeds;

import java.time.Instant;

/**
 * One RSS item, Atom entry or JSON Feed item as read from a source, before it becomes a news item (the feed
 * service's {@code FeedEntry} is the other direction: an entry it publishes).
 *
 * @param guid      the entry's own id (RSS guid, RSS 1.0 rdf:about, Atom id), or null
 * @param link      the entry's link, or null
 * @param title     the title, possibly holding HTML markup or entities
 * @param content   the richest text given (content, else description/summary), possibly HTML; may be empty
 * @param published publication time (published, else updated), or null when the entry has none
 */
public record ParsedEntry(String guid, String link, String title, String content, Instant published) {
}
