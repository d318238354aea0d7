package org.syndication.catalog;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.syndication.events.ItemStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A catalogued news item: the system of record. Never leaves the service (see mapping/). */
@Entity
@Table(name = "news_item")
public class NewsItem {

    @Id
    public String id;

    @Column(name = "source_name", nullable = false)
    public String sourceName;

    @Column(name = "source_url")
    public String sourceUrl;

    @Column(name = "item_date", nullable = false)
    public LocalDate date;

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

    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    /** Catalog's own version: +1 for every stored change. */
    @Column(nullable = false)
    public long version;

    /** The highest ingest version applied. */
    @Column(name = "ingest_version", nullable = false)
    public long ingestVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ItemStatus status;

    @Column(name = "ingested_at", nullable = false)
    public Instant ingestedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @OneToMany(mappedBy = "item", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("score desc")
    public List<ItemTheme> themes = new ArrayList<>();

    /** The same row when the ids are equal (the id is assigned, as in the other services' entities). */
    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof NewsItem other && id != null && id.equals(other.id));
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
