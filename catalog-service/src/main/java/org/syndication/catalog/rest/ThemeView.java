package org.syndication.catalog.rest;

import org.syndication.catalog.classify.ThemeRules;

import java.time.Instant;

/** A theme of the taxonomy with the number of published items that have it. */
public record ThemeView(String slug, String title, String description, ThemeRules rules, long revision,
                        Instant updatedAt, long itemCount) {
}
