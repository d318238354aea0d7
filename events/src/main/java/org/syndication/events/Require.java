package org.syndication.events;

import java.util.Objects;

/** Invariants checked when an event is built or read, so a malformed record fails loudly at the boundary. */
final class Require {

    private Require() {
    }

    static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    /** The identity and dating every item event carries. */
    static void item(String itemId, long version, SourceRef source, java.time.LocalDate date,
                     java.time.LocalDate endDate, String title) {
        text(itemId, "itemId");
        present(source, "source");
        present(date, "date");
        text(title, "title");
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1");
        }
        if (endDate != null && endDate.isBefore(date)) {
            throw new IllegalArgumentException("endDate is before date");
        }
    }

    static <T> T present(T value, String field) {
        return Objects.requireNonNull(value, () -> field + " is required");
    }
}
