package org.syndication.ingest;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/** Dedup state of one item: the last version published to {@code news.ingested} and the hash of its text. */
@Entity
@Table(name = "ingested_item")
public class IngestedItem {

    @Id
    @Column(name = "item_id", length = 64)
    public String itemId;

    @Column(name = "source", nullable = false, length = 200)
    public String source;

    @Column(name = "content_hash", nullable = false, length = 64)
    public String contentHash;

    @Column(name = "version", nullable = false)
    public long version;

    @Column(name = "first_seen_at", nullable = false)
    public Instant firstSeenAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    protected IngestedItem() {
        // for JPA
    }

    public IngestedItem(String itemId, String source, String contentHash, long version, Instant now) {
        this.itemId = Objects.requireNonNull(itemId);
        this.source = source;
        this.contentHash = contentHash;
        this.version = version;
        this.firstSeenAt = now;
        this.updatedAt = now;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof IngestedItem other && itemId != null && itemId.equals(other.itemId));
    }

    @Override
    public int hashCode() {
        return IngestedItem.class.hashCode();
    }
}
