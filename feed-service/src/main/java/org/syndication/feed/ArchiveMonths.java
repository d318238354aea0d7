package org.syndication.feed;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Which months of a feed get an RFC 5005 archive document. Only complete months do (months are UTC, by the item's
 * own date): the current month lives in the subscription document, so an archive, once published, changes only
 * through a correction or withdrawal of one of its items (or an item that arrives late with a date in it). Items
 * dated implausibly (before 1900, or more than a day ahead) never create an archive month.
 */
public final class ArchiveMonths {

    /** The earliest date an item may carry and still create an archive month. */
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    private ArchiveMonths() {
    }

    /** Whether an item's date is believable on {@code today}: from 1900 on, and at most one day ahead. */
    public static boolean plausible(LocalDate date, LocalDate today) {
        return !date.isBefore(EARLIEST) && !date.isAfter(today.plusDays(1));
    }

    /** Whether a month is over on {@code today} and not before 1900: only such a month has an archive document. */
    public static boolean complete(YearMonth month, LocalDate today) {
        return !month.isBefore(YearMonth.from(EARLIEST)) && month.isBefore(YearMonth.from(today));
    }

    /** The first day of the current month: archive months hold items dated in [{@link #EARLIEST}, this day). */
    public static LocalDate archivedBefore(LocalDate today) {
        return today.withDayOfMonth(1);
    }

    /**
     * The day before which {@link #prevArchive} looks, as one bound: the first day of the current month (only
     * complete months are archived) or the first day after the oldest entry's month, whichever is earlier. The
     * newest month holding an item of the feed dated before it is the archive a full subscription document links as
     * {@code prev-archive}: the newest archived month not after the month of its oldest entry.
     */
    public static LocalDate prevArchiveBefore(LocalDate today, YearMonth oldestEntry) {
        LocalDate afterOldest = oldestEntry.plusMonths(1).atDay(1);
        LocalDate archivedBefore = archivedBefore(today);
        return afterOldest.isBefore(archivedBefore) ? afterOldest : archivedBefore;
    }
}
