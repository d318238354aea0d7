package org.syndication.ingest.parse;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The date of a news item: one day, or a range of days.
 *
 * @param start the first day
 * @param end   the last day of a range, or {@code null} for a single day; never equal to or before {@code start}
 */
public record ItemDate(LocalDate start, LocalDate end) {

    public ItemDate {
        Objects.requireNonNull(start, "start");
        if (end != null && !end.isAfter(start)) {
            throw new IllegalArgumentException("end must be after start: " + start + " .. " + end);
        }
    }

    static ItemDate of(LocalDate start, LocalDate end) {
        return new ItemDate(start, end == null || end.equals(start) ? null : end);
    }
}
