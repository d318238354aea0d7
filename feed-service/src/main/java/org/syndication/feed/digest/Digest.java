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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A digest issued for a theme and period; unique per (theme, period id). */
@Entity
@Table(name = "digest")
public class Digest {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String theme;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Frequency frequency;

    @Column(name = "period_id", nullable = false)
    public String periodId;

    @Column(name = "from_date", nullable = false)
    public LocalDate fromDate;

    @Column(name = "to_date", nullable = false)
    public LocalDate toDate;

    /** Item ids in the order shown. */
    @Column(name = "item_ids", nullable = false)
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> itemIds = new ArrayList<>();

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    public Period period() {
        return new Period(frequency, periodId, fromDate, toDate);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof Digest other && id != null && id.equals(other.id));
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
