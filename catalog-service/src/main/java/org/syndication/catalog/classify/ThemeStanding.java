package org.syndication.catalog.classify;

import java.time.Instant;

/**
 * A theme of the taxonomy as it stands: its definition, the revision that last changed it and how many published
 * items have it ({@code TaxonomyService} reports it; {@code rest/} shows it as a {@code ThemeView}).
 */
public record ThemeStanding(ThemeDefinition definition, long revision, Instant updatedAt, long itemCount) {
}
