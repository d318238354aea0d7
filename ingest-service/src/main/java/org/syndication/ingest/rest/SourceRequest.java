package org.syndication.ingest.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/sources}: the feed URL, an optional canonical name and polling interval. */
public record SourceRequest(
        @NotBlank(message = "'url' is required")
        @Size(max = SourceRequest.MAX_URL, message = "'url' must be at most " + SourceRequest.MAX_URL + " characters")
        String url,
        String name,
        Integer intervalSeconds) {

    /** Longest URL accepted: the {@code feed_source.url} column, and what browsers and servers reliably handle. */
    public static final int MAX_URL = 2048;
}
