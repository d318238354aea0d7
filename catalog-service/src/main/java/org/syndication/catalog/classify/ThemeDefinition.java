package org.syndication.catalog.classify;

import java.util.regex.Pattern;

/** A theme of the taxonomy: a stable slug (feed URL, Kafka header value), display texts and rules. */
public record ThemeDefinition(String slug, String title, String description, ThemeRules rules) {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public ThemeDefinition {
        if (slug == null || !SLUG.matcher(slug).matches() || slug.length() > 64 || "all".equals(slug)) {
            throw new IllegalArgumentException("slug must be lower-case words joined by '-', at most 64 characters, not 'all'");
        }
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("title is required");
        }
        description = description == null ? "" : description;
        rules = rules == null ? new ThemeRules(null, null, null, null) : rules;
    }
}
