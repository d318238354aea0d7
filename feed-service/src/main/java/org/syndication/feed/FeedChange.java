package org.syndication.feed;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/** When a feed document (a theme slug or {@code all}) last changed; only ever moves forward. */
@Entity
@Table(name = "feed_change")
public class FeedChange {

    @Id
    @Column(name = "feed_key")
    public String feedKey;

    @Column(name = "last_changed", nullable = false)
    public Instant lastChanged;

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof FeedChange other && feedKey != null && feedKey.equals(other.feedKey));
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(feedKey);
    }
}
