package org.syndication.feed;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class ArchiveMonthsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

    @Test
    void onlyMonthsThatAreOverAndFrom1900OnAreComplete() {
        assertThat(ArchiveMonths.complete(YearMonth.of(2026, 11), TODAY)).isTrue();
        assertThat(ArchiveMonths.complete(YearMonth.of(2025, 3), TODAY)).isTrue();
        assertThat(ArchiveMonths.complete(YearMonth.of(1900, 1), TODAY)).isTrue();
        assertThat(ArchiveMonths.complete(YearMonth.of(2026, 12), TODAY)).as("the current month").isFalse();
        assertThat(ArchiveMonths.complete(YearMonth.of(2027, 1), TODAY)).as("a future month").isFalse();
        assertThat(ArchiveMonths.complete(YearMonth.of(1899, 12), TODAY)).as("before 1900").isFalse();
        // on the first day of a month the month before is over
        assertThat(ArchiveMonths.complete(YearMonth.of(2026, 11), LocalDate.of(2026, 12, 1))).isTrue();
        assertThat(ArchiveMonths.complete(YearMonth.of(2026, 11), LocalDate.of(2026, 11, 30))).isFalse();
    }

    @Test
    void plausibleDatesAreFrom1900ToOneDayAhead() {
        assertThat(ArchiveMonths.plausible(TODAY, TODAY)).isTrue();
        assertThat(ArchiveMonths.plausible(TODAY.plusDays(1), TODAY)).isTrue();
        assertThat(ArchiveMonths.plausible(TODAY.plusDays(2), TODAY)).isFalse();
        assertThat(ArchiveMonths.plausible(LocalDate.of(2099, 1, 1), TODAY)).isFalse();
        assertThat(ArchiveMonths.plausible(LocalDate.of(1900, 1, 1), TODAY)).isTrue();
        assertThat(ArchiveMonths.plausible(LocalDate.of(1899, 12, 31), TODAY)).isFalse();
        assertThat(ArchiveMonths.archivedBefore(TODAY)).isEqualTo(LocalDate.of(2026, 12, 1));
    }

    @Test
    void prevArchiveIsTheNewestArchivedMonthNotAfterTheOldestEntry() {
        TreeSet<YearMonth> archived = new TreeSet<>(java.util.List.of(
                YearMonth.of(2026, 8), YearMonth.of(2026, 10), YearMonth.of(2026, 11)));
        assertThat(ArchiveMonths.prevArchive(archived, YearMonth.of(2026, 10))).contains(YearMonth.of(2026, 10));
        assertThat(ArchiveMonths.prevArchive(archived, YearMonth.of(2026, 9))).contains(YearMonth.of(2026, 8));
        assertThat(ArchiveMonths.prevArchive(archived, YearMonth.of(2026, 12)))
                .as("oldest entry in the current month: the newest archive").contains(YearMonth.of(2026, 11));
        assertThat(ArchiveMonths.prevArchive(archived, YearMonth.of(2026, 7))).isEmpty();
        assertThat(ArchiveMonths.prevArchive(new TreeSet<>(), YearMonth.of(2026, 12))).isEmpty();
    }
}
