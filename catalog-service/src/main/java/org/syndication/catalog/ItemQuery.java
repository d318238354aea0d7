package org.syndication.catalog;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A search over published items.
 *
 * @param theme a theme slug, or empty for all
 * @param text  PostgreSQL web-search syntax ("words", "a phrase", -not, or)
 * @param from  first day (inclusive) an item (or its date range) must reach
 * @param to    last day (inclusive) an item may start on
 * @param page  0-based page
 * @param size  items per page
 */
public record ItemQuery(Optional<String> theme, Optional<String> text, Optional<LocalDate> from,
                        Optional<LocalDate> to, int page, int size) {
}
