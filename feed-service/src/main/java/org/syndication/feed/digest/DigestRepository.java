package org.syndication.feed.digest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.syndication.support.persistence.Jdbc;

import java.sql.PreparedStatement;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class DigestRepository implements PanacheRepositoryBase<Digest, UUID> {

    private final AgroalDataSource dataSource;

    public DigestRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<Digest> findIssued(String theme, String periodId) {
        return find("theme = ?1 and periodId = ?2", theme, periodId).firstResultOptional();
    }

    /**
     * Takes a lock on one theme and period until the transaction ends (a PostgreSQL advisory lock keyed by both):
     * a second instance issuing the same digest waits here for the first one's commit.
     */
    public void lockPeriod(String theme, String periodId) {
        Jdbc.execute(dataSource, "cannot lock the digest period", connection -> {
            try (PreparedStatement lock = connection.prepareStatement(
                    "select pg_advisory_xact_lock(hashtextextended(?, 0))")) {
                lock.setString(1, "digest:" + theme + "/" + periodId);
                lock.execute();
            }
        });
    }

    /** Newest first. */
    public List<Digest> ofTheme(String theme, int limit) {
        return find("theme = ?1 order by issuedAt desc, periodId desc", theme).page(0, limit).list();
    }
}
