package org.syndication.feed.digest;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An event written in the same transaction as the state it announces; the relay publishes it (id = ce_id) in
 * insertion order (column {@code seq}). The same columns as catalog-service's outbox (service-support's
 * {@code OutboxTable}).
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    @Id
    public UUID id;

    @Column(name = "aggregate_type", nullable = false)
    public String aggregateType;

    @Column(name = "aggregate_id", nullable = false)
    public String aggregateId;

    @Column(nullable = false)
    public String type;

    @Column(nullable = false)
    public String payload;

    /** JSON object of extra Kafka headers. */
    @Column(nullable = false)
    public String headers;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof OutboxEvent other && id != null && id.equals(other.id));
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
