package org.syndication.feed.digest;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.syndication.events.DigestIssued.Frequency;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A newsletter subscriber. The e-mail address is personal data: never logged, only the id is. */
@Entity
@Table(name = "subscriber")
public class Subscriber {

    public enum Status {
        PENDING,
        CONFIRMED,
        UNSUBSCRIBED
    }

    @Id
    public UUID id;

    @Column(nullable = false)
    public String email;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Frequency frequency;

    /** Theme slugs (or {@code all}), in the order chosen. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> themes = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Column(name = "window_start", nullable = false)
    public Instant windowStart;

    @Column(name = "requests_in_window", nullable = false)
    public int requestsInWindow;

    /** Hour of the day (0-23, in {@link #digestZone}) at which digests go out. */
    @Column(name = "digest_hour", nullable = false)
    public short digestHour = (short) DigestSchedule.DEFAULT.hour();

    /** IANA time zone id of {@link #digestHour}. */
    @Column(name = "digest_zone", nullable = false)
    public String digestZone = DigestSchedule.DEFAULT.zone().getId();

    /** ISO weekday (1 = Monday) of weekly digests. */
    @Column(name = "digest_weekday", nullable = false)
    public short digestWeekday = (short) DigestSchedule.DEFAULT.weekday().getValue();

    public DigestSchedule schedule() {
        return new DigestSchedule(digestHour, java.time.ZoneId.of(digestZone), java.time.DayOfWeek.of(digestWeekday));
    }

    public void schedule(DigestSchedule schedule) {
        digestHour = (short) schedule.hour();
        digestZone = schedule.zone().getId();
        digestWeekday = (short) schedule.weekday().getValue();
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof Subscriber other && id != null && id.equals(other.id));
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
