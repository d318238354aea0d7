package org.syndication.catalog;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class TaxonomyRepository implements PanacheRepositoryBase<TaxonomyTheme, String> {

    public List<TaxonomyTheme> listInOrder() {
        return list("order by slug");
    }

    /** The global taxonomy version: the highest revision of any theme (0 when empty). */
    public long currentRevision() {
        Long max = getEntityManager().createQuery("select max(t.revision) from TaxonomyTheme t", Long.class).getSingleResult();
        return max == null ? 0 : max;
    }

    public long nextRevision() {
        return ((Number) getEntityManager().createNativeQuery("select nextval('taxonomy_revision_seq')").getSingleResult())
                .longValue();
    }

    /** Copies the theme as it is now into {@code taxonomy_revision}, the history of every version. */
    public void recordRevision(String slug) {
        getEntityManager().flush();
        getEntityManager().createNativeQuery("insert into taxonomy_revision (revision, slug, title, description, rules, changed_at)"
                        + " select revision, slug, title, description, rules, updated_at from taxonomy_theme where slug = :slug")
                .setParameter("slug", slug)
                .executeUpdate();
    }
}
