package org.syndication.feed;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.Objects;

/** A theme learned from an event: its stable slug and its latest title. */
@Entity
@Table(name = "feed_theme")
public class FeedTheme {

    @Id
    public String slug;

    @Column(nullable = false)
    public String title;

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof FeedTheme other && slug != null && slug.equals(other.slug));
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(slug);
    }
}
