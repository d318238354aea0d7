package org.syndication.ingest.rest;

import java.time.Instant;

/**
 * A registered source and the health of its polling.
 *
 * @param kind        {@code feed} or {@code page}; null until the first successful read
 * @param feedUrl     the feed the registered page advertises (read instead of the page), or null
 * @param format      what was read: {@code rss_2.0}, {@code atom_1.0}, {@code json_feed_1.1}, {@code html}, ...
 * @param httpStatus  status of the last fetch (200, 304, 429, ...), null before the first answer
 * @param itemsRead   items found in the last read
 * @param itemsPublished items published in total (new items and corrections)
 * @param layout      how the page reader read the page (pages only)
 * @param lastError   why the last poll failed: shown to the operator only (null for others)
 * @param degraded    a page source whose last three reads found no item (its layout probably changed)
 */
public record SourceView(long id, String url, String name, String kind, String feedUrl, String format,
                         int intervalSeconds, String status, Integer httpStatus, String lastError,
                         int consecutiveFailures, int itemsRead, long itemsPublished, String layout, int emptyReads,
                         boolean degraded, Instant lastPolledAt, Instant lastSuccessAt, Instant nextPollAt,
                         String etag, String lastModified) {
}
