package org.syndication.feed;

/** A theme this service publishes a feed for: its stable slug and display title. */
public record Theme(String slug, String title) {
}
