package org.syndication.ingest.rest;

import java.time.Instant;

/** A registered feed source and how its polling goes. */
public record SourceView(long id, String url, String name, int intervalSeconds, String status, String lastError,
                         int consecutiveFailures, int itemsRead, long itemsPublished, Instant lastPolledAt,
                         Instant lastSuccessAt, Instant nextPollAt, String etag, String lastModified) {
}
