package org.syndication.catalog.rest;

import org.syndication.catalog.classify.ThemeRules;

/**
 * Body of {@code PUT /api/themes/{slug}}: the new title, description and rules of the theme. Bound by Jackson; a
 * value its record refuses (a weight of 0, a threshold below 0) is an {@code invalid-request} problem with
 * {@code parameter=body}. The slug, title and rules are checked as one theme by the service, as every theme is.
 */
public record ThemeUpdate(String title, String description, ThemeRules rules) {
}
