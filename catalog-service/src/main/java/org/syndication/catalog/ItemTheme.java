package org.syndication.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A theme given to an item, with its score and the reason (JSON of the matched terms). */
@Entity
@Table(name = "item_theme")
public class ItemTheme {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "item_id")
    public NewsItem item;

    @Column(nullable = false)
    public String slug;

    @Column(nullable = false)
    public double score;

    @Column(nullable = false)
    public String reason;

    /** The same row when the ids are equal; the id is generated at insert, so the hash cannot follow it. */
    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof ItemTheme other && id != null && id.equals(other.id));
    }

    @Override
    public int hashCode() {
        return ItemTheme.class.hashCode();
    }
}
