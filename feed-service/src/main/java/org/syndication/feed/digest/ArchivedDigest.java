package org.syndication.feed.digest;

/** One digest of a theme's archive list: its period and how many items it had when issued. */
public record ArchivedDigest(Period period, int items) {
}
