package org.syndication.feed.digest;

import org.syndication.events.DigestIssued.Frequency;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A digest period: a day ({@code 2026-11-23}) or an ISO week ({@code 2026-W48}), first and last day inclusive.
 */
public record Period(Frequency frequency, String id, LocalDate from, LocalDate to) {

    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");

    public static Period day(LocalDate day) {
        return new Period(Frequency.DAILY, day.toString(), day, day);
    }

    public static Period isoWeek(LocalDate anyDay) {
        LocalDate monday = anyDay.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        String id = String.format("%04d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        return new Period(Frequency.WEEKLY, id, monday, monday.plusDays(6));
    }

    /** The period of an id, if it is a valid day or ISO week. */
    public static Optional<Period> parse(String id) {
        Matcher week = WEEK.matcher(id);
        if (week.matches()) {
            int year = Integer.parseInt(week.group(1));
            int number = Integer.parseInt(week.group(2));
            LocalDate jan4 = LocalDate.of(year, 1, 4);
            if (number < 1 || number > jan4.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
                return Optional.empty();
            }
            return Optional.of(isoWeek(jan4.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, number)));
        }
        try {
            return Optional.of(day(LocalDate.parse(id)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The last complete period of a frequency before the given day. */
    public static Period previous(Frequency frequency, LocalDate today) {
        return frequency == Frequency.DAILY ? day(today.minusDays(1)) : isoWeek(today.minusWeeks(1));
    }

    public String label() {
        return frequency == Frequency.DAILY ? from.toString() : "week " + id + " (" + from + " to " + to + ")";
    }
}
