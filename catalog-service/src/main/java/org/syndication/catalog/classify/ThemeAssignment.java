package org.syndication.catalog.classify;

/** A theme given to an item, with its score and the reason. */
public record ThemeAssignment(String slug, String title, double score, ThemeReason reason) {
}
