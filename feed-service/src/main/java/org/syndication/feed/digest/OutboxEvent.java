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

    @Column(name = "aggregate_type")
    public String aggregateType;

    @Column(name = "aggregate_id")
    public String aggregateId;

    public String type;

    public String payload;

    /** JSON object of extra Kafka headers. */
    public String headers;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Override
    public boolean equals(Object o) {
        return o instanceof OutboxEvent other && id != null && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
