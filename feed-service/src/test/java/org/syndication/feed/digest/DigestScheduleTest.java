package org.syndication.feed.digest;

import org.junit.jupiter.api.Test;
import org.syndication.events.DigestIssued.Frequency;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DigestScheduleTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static Instant at(String text) {
        return Instant.parse(text);
    }

    @Test
    void theDefaultIsSixUtcTheSameDayOrTheNext() {
        DigestSchedule schedule = DigestSchedule.DEFAULT;
        assertThat(schedule.nextSend(at("2026-11-23T00:30:00Z"), Frequency.DAILY)).isEqualTo(at("2026-11-23T06:00:00Z"));
        assertThat(schedule.nextSend(at("2026-11-23T06:00:00Z"), Frequency.DAILY)).isEqualTo(at("2026-11-23T06:00:00Z"));
        assertThat(schedule.nextSend(at("2026-11-23T06:00:01Z"), Frequency.DAILY)).isEqualTo(at("2026-11-24T06:00:00Z"));
        // weekly: the next Monday (2026-11-23 is a Monday)
        assertThat(schedule.nextSend(at("2026-11-23T07:00:00Z"), Frequency.WEEKLY)).isEqualTo(at("2026-11-30T06:00:00Z"));
    }

    @Test
    void localHourFollowsSummerTime() {
        DigestSchedule six = new DigestSchedule(6, BERLIN, DayOfWeek.MONDAY);
        assertThat(six.nextSend(at("2026-01-10T00:00:00Z"), Frequency.DAILY)).isEqualTo(at("2026-01-10T05:00:00Z"));
        assertThat(six.nextSend(at("2026-07-10T00:00:00Z"), Frequency.DAILY)).isEqualTo(at("2026-07-10T04:00:00Z"));
        // clocks go forward in the night of 28 to 29 March 2026: 06:00 is 05:00Z on the 28th, 04:00Z on the 29th
        assertThat(six.nextSend(at("2026-03-28T05:00:01Z"), Frequency.DAILY)).isEqualTo(at("2026-03-29T04:00:00Z"));
        // and back in the night of 24 to 25 October
        assertThat(six.nextSend(at("2026-10-24T04:00:01Z"), Frequency.DAILY)).isEqualTo(at("2026-10-25T05:00:00Z"));
    }

    @Test
    void anHourThatDoesNotExistThatDayGoesRightAfterTheGapAndADoubledOneAtTheFirst() {
        DigestSchedule two = new DigestSchedule(2, BERLIN, DayOfWeek.MONDAY);
        // 29 March 2026: 02:00 to 03:00 does not exist in Berlin; 03:00 CEST = 01:00Z
        assertThat(two.nextSend(at("2026-03-28T01:00:01Z"), Frequency.DAILY)).isEqualTo(at("2026-03-29T01:00:00Z"));
        // 25 October 2026: 02:00 happens twice (CEST, then CET); the first one is 00:00Z
        assertThat(two.nextSend(at("2026-10-24T00:00:01Z"), Frequency.DAILY)).isEqualTo(at("2026-10-25T00:00:00Z"));
        // after the first one has passed, the next day (not the second 02:00 of the same night)
        assertThat(two.nextSend(at("2026-10-25T00:00:01Z"), Frequency.DAILY)).isEqualTo(at("2026-10-26T01:00:00Z"));
    }

    @Test
    void weeklyOnTheChosenLocalWeekday() {
        DigestSchedule friday = new DigestSchedule(18, ZoneId.of("America/New_York"), DayOfWeek.FRIDAY);
        // Monday 00:30 UTC is still Sunday evening in New York; the Friday after, 18:00 EST = 23:00Z
        assertThat(friday.nextSend(at("2026-11-30T00:30:00Z"), Frequency.WEEKLY)).isEqualTo(at("2026-12-04T23:00:00Z"));
        DigestSchedule sunday = new DigestSchedule(6, ZoneId.of("Asia/Tokyo"), DayOfWeek.SUNDAY);
        // Monday 2026-11-30 00:30Z is Monday 09:30 in Tokyo: the next Sunday 06:00 JST = Saturday 21:00Z
        assertThat(sunday.nextSend(at("2026-11-30T00:30:00Z"), Frequency.WEEKLY)).isEqualTo(at("2026-12-05T21:00:00Z"));
    }

    @Test
    void aZoneAheadOfUtcGetsItsNextMorning() {
        DigestSchedule tokyo = new DigestSchedule(6, ZoneId.of("Asia/Tokyo"), DayOfWeek.MONDAY);
        // issued 00:30Z = 09:30 in Tokyo: tomorrow 06:00 JST = 21:00Z today
        assertThat(tokyo.nextSend(at("2026-11-24T00:30:00Z"), Frequency.DAILY)).isEqualTo(at("2026-11-24T21:00:00Z"));
    }

    @Test
    void refusesHoursOutsideTheDay() {
        assertThatThrownBy(() -> new DigestSchedule(24, BERLIN, DayOfWeek.MONDAY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DigestSchedule(-1, BERLIN, DayOfWeek.MONDAY)).isInstanceOf(IllegalArgumentException.class);
    }
}
