package org.syndication.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/** A theme of the taxonomy in force; {@code rules} is the JSON the classifier reads. */
@Entity
@Table(name = "taxonomy_theme")
public class TaxonomyTheme {

    @Id
    public String slug;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String description;

    @Column(nullable = false)
    public String rules;

    /** The taxonomy revision that last changed this theme. */
    @Column(nullable = false)
    public long revision;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The same row when the slugs are equal. */
    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof TaxonomyTheme other && slug != null && slug.equals(other.slug));
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(slug);
    }
}
