package org.syndication.feed;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.SortedSet;
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
        // months holding items; the current one (December) has no archive yet
        TreeSet<YearMonth> withItems = new TreeSet<>(java.util.List.of(
                YearMonth.of(2026, 8), YearMonth.of(2026, 10), YearMonth.of(2026, 11), YearMonth.of(2026, 12)));
        assertThat(prevArchive(withItems, YearMonth.of(2026, 10))).contains(YearMonth.of(2026, 10));
        assertThat(prevArchive(withItems, YearMonth.of(2026, 9))).contains(YearMonth.of(2026, 8));
        assertThat(prevArchive(withItems, YearMonth.of(2026, 12)))
                .as("oldest entry in the current month: the newest archive").contains(YearMonth.of(2026, 11));
        assertThat(prevArchive(withItems, YearMonth.of(2026, 7))).isEmpty();
        assertThat(prevArchive(new TreeSet<>(), YearMonth.of(2026, 12))).isEmpty();
        assertThat(ArchiveMonths.prevArchiveBefore(TODAY, YearMonth.of(2026, 9))).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(ArchiveMonths.prevArchiveBefore(TODAY, YearMonth.of(2026, 12))).isEqualTo(LocalDate.of(2026, 12, 1));
    }

    /**
     * The prev-archive of a feed whose items fall in {@code withItems}: the newest of those months with an item dated
     * before {@link ArchiveMonths#prevArchiveBefore} (what FeedItemRepository.newestMonthBefore asks PostgreSQL).
     */
    private static Optional<YearMonth> prevArchive(TreeSet<YearMonth> withItems, YearMonth oldestEntry) {
        LocalDate before = ArchiveMonths.prevArchiveBefore(TODAY, oldestEntry);
        SortedSet<YearMonth> earlier = withItems.headSet(YearMonth.from(before.minusDays(1)), true);
        return earlier.isEmpty() ? Optional.empty() : Optional.of(earlier.last());
    }
}
