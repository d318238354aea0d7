package org.syndication.feed.digest;

import org.syndication.events.DigestIssued.Frequency;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * When a subscriber wants digests: at {@code hour}:00 in their time zone, and weekly ones on {@code weekday}. A
 * digest is issued once for everyone (days and weeks in {@code feed.digest.zone}); each subscriber's mail waits
 * until their next chosen time after that.
 */
public record DigestSchedule(int hour, ZoneId zone, DayOfWeek weekday) {

    /** 06:00 UTC, weekly ones on Mondays. */
    public static final DigestSchedule DEFAULT = new DigestSchedule(6, ZoneOffset.UTC, DayOfWeek.MONDAY);

    public DigestSchedule {
        if (hour < 0 || hour > 23) {
            throw new IllegalArgumentException("hour must be 0 to 23");
        }
        if (zone == null || weekday == null) {
            throw new IllegalArgumentException("zone and weekday are required");
        }
    }

    /**
     * The first send time at or after {@code earliest}: {@code hour}:00 local time on any day (daily) or on
     * {@code weekday} (weekly). On a day when that hour does not exist (clocks go forward) the mail goes at the
     * first instant after the gap; when it exists twice (clocks go back), at the first of the two.
     */
    public Instant nextSend(Instant earliest, Frequency frequency) {
        LocalDate day = earliest.atZone(zone).toLocalDate();
        for (int i = 0; i <= 8; i++) {
            LocalDate candidate = day.plusDays(i);
            if (frequency == Frequency.WEEKLY && candidate.getDayOfWeek() != weekday) {
                continue;
            }
            Instant at = ZonedDateTime.of(candidate, LocalTime.of(hour, 0), zone).toInstant();
            if (!at.isBefore(earliest)) {
                return at;
            }
        }
        throw new IllegalStateException("no send time within 8 days"); // unreachable: every weekday recurs in 7
    }
}
