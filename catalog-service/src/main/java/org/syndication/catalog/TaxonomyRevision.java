package org.syndication.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One historical version of one theme; the revision number is the global taxonomy version. */
@Entity
@Table(name = "taxonomy_revision")
public class TaxonomyRevision {

    @Id
    public long revision;

    @Column(nullable = false)
    public String slug;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String description;

    @Column(nullable = false)
    public String rules;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    /** The history row of a theme as it is now. */
    public static TaxonomyRevision of(TaxonomyTheme theme) {
        TaxonomyRevision r = new TaxonomyRevision();
        r.revision = theme.revision;
        r.slug = theme.slug;
        r.title = theme.title;
        r.description = theme.description;
        r.rules = theme.rules;
        r.changedAt = theme.updatedAt;
        return r;
    }
}
