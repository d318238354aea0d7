package org.syndication.feed.digest;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class DigestRepository implements PanacheRepositoryBase<Digest, UUID> {

    public Optional<Digest> findIssued(String theme, String periodId) {
        return find("theme = ?1 and periodId = ?2", theme, periodId).firstResultOptional();
    }

    /** Newest first. */
    public List<Digest> ofTheme(String theme, int limit) {
        return find("theme = ?1 order by issuedAt desc, periodId desc", theme).page(0, limit).list();
    }
}
