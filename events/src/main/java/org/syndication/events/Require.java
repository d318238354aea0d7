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

    static <T> T present(T value, String field) {
        return Objects.requireNonNull(value, () -> field + " is required");
    }
}
