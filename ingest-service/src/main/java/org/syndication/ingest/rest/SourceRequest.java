package org.syndication.ingest.rest;

/** Body of {@code POST /api/sources}: the feed URL, an optional canonical name and polling interval. */
public record SourceRequest(String url, String name, Integer intervalSeconds) {

    /** Longest URL accepted: the {@code feed_source.url} column, and what browsers and servers reliably handle. */
    public static final int MAX_URL = 2048;
}
