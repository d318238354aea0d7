package org.syndication.ingest.rest;

/** Body of {@code POST /api/sources}: the feed URL, an optional canonical name and polling interval. */
public record SourceRequest(String url, String name, Integer intervalSeconds) {
}
