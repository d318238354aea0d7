package org.syndication.catalog;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.Session;
import org.hibernate.jpa.HibernateHints;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxEvent, UUID> {

    /** The advisory lock key of the outbox relay ("outbox" in ASCII). */
    static final long RELAY_LOCK = 0x6f7574626f78L;

    /**
     * Locks the oldest unpublished rows in insertion order; rows locked by another relay are skipped.
     * Must run in a transaction; the locks hold until it ends.
     */
    @SuppressWarnings("unchecked")
    public List<OutboxEvent> lockUnpublished(int limit) {
        return getEntityManager().createNativeQuery(
                        "select * from outbox_event where published_at is null order by seq limit :limit for update skip locked",
                        OutboxEvent.class)
                .setParameter("limit", limit)
                // the relay only reads the rows (markPublished updates them in bulk): no snapshots, no dirty checks
                .setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultList();
    }

    /**
     * Makes this transaction the only relay at work across every instance (a PostgreSQL advisory lock, released
     * at commit or rollback); another instance's relay waits here until this one committed. SKIP LOCKED alone
     * would let two relays send consecutive versions of one item from two producers at once, so an older version
     * could land after a newer one, and the compacted topic would keep the older.
     */
    public void lockRelay() {
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(?)")) {
                lock.setLong(1, RELAY_LOCK);
                lock.execute();
            }
        });
    }

    /** Marks the rows published (one statement); in the transaction that locked them. */
    public void markPublished(List<UUID> ids, Instant at) {
        getEntityManager().createNativeQuery("update outbox_event set published_at = :at where id in (:ids)")
                .setParameter("at", at)
                .setParameter("ids", ids)
                .executeUpdate();
    }

    public long countUnpublished() {
        return count("publishedAt is null");
    }

    /** When the oldest row not yet published was written; empty when the relay has sent everything. */
    public Optional<Instant> oldestUnpublished() {
        return getEntityManager().createQuery("select min(o.createdAt) from OutboxEvent o where o.publishedAt is null",
                Instant.class).getResultStream().filter(Objects::nonNull).findFirst();
    }

    public long deletePublishedBefore(Instant cutoff) {
        return delete("publishedAt < ?1", cutoff);
    }
}
