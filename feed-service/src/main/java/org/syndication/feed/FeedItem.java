package org.syndication.feed;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.BatchSize;
import org.syndication.events.ItemStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/** One item of the feed projection: the latest version seen on news.catalogued. Never leaves this service. */
@Entity
@Table(name = "feed_item")
public class FeedItem {

    @Id
    @Column(name = "item_id")
    public String itemId;

    @Column(nullable = false)
    public long version;

    @Column(name = "source_name", nullable = false)
    public String sourceName;

    @Column(name = "source_url")
    public String sourceUrl;

    @Column(name = "item_date", nullable = false)
    public LocalDate itemDate;

    @Column(name = "end_date")
    public LocalDate endDate;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String summary;

    @Column(nullable = false)
    public String body;

    public String link;

    public String language;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ItemStatus status;

    @Column(name = "ingested_at")
    public Instant ingestedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "feed_item_theme", joinColumns = @JoinColumn(name = "item_id"))
    @Column(name = "slug")
    @BatchSize(size = 100)
    public Set<String> themes = new LinkedHashSet<>();

    public boolean isPublished() {
        return status == ItemStatus.PUBLISHED;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof FeedItem other && itemId != null && itemId.equals(other.itemId));
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(itemId);
    }
}
