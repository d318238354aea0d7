package org.syndication.feed.digest;

import org.junit.jupiter.api.Test;
import org.syndication.events.DigestIssued.Frequency;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class PeriodTest {

    @Test
    void daysAndIsoWeeksParseAndPrint() {
        assertThat(Period.parse("2026-11-23")).contains(Period.day(LocalDate.of(2026, 11, 23)));
        Period week = Period.parse("2026-W48").orElseThrow();
        assertThat(week.from()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(week.to()).isEqualTo(LocalDate.of(2026, 11, 29));
        assertThat(Period.isoWeek(LocalDate.of(2026, 11, 29)).id()).isEqualTo("2026-W48");
        // ISO week-based years: 2027-01-01 is a Friday in week 53 of 2026
        assertThat(Period.isoWeek(LocalDate.of(2027, 1, 1)).id()).isEqualTo("2026-W53");
        assertThat(Period.parse("2025-W53")).isEmpty();
        assertThat(Period.parse("2026-W00")).isEmpty();
        assertThat(Period.parse("yesterday")).isEmpty();
    }

    @Test
    void previousPeriodIsTheLastCompleteOne() {
        LocalDate monday = LocalDate.of(2026, 11, 23);
        assertThat(Period.previous(Frequency.DAILY, monday).id()).isEqualTo("2026-11-22");
        assertThat(Period.previous(Frequency.WEEKLY, monday).id()).isEqualTo("2026-W47");
    }
}
