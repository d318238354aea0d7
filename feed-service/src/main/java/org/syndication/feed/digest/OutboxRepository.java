package org.syndication.feed.digest;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxEvent, UUID> {

    /** Unpublished events in creation order, locked so that a second relay skips them. */
    @SuppressWarnings("unchecked")
    public List<OutboxEvent> lockUnpublished(int limit) {
        return getEntityManager().createNativeQuery("select * from outbox_event where published_at is null"
                        + " order by created_at, id limit :limit for update skip locked", OutboxEvent.class)
                .setParameter("limit", limit)
                .getResultList();
    }

    public long countUnpublished() {
        return count("publishedAt is null");
    }

    /** When the oldest row not yet published was written; empty when the relay has sent everything. */
    public Optional<Instant> oldestUnpublished() {
        return getEntityManager().createQuery("select min(o.createdAt) from OutboxEvent o where o.publishedAt is null",
                Instant.class).getResultStream().filter(Objects::nonNull).findFirst();
    }
}
