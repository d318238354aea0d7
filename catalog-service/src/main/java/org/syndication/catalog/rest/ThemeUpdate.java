package org.syndication.catalog.rest;

import org.syndication.catalog.classify.ThemeRules;

/** Body of {@code PUT /api/themes/{slug}}: the new title, description and rules of the theme. */
public record ThemeUpdate(String title, String description, ThemeRules rules) {
}
