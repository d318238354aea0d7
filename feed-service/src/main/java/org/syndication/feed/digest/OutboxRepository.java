package org.syndication.feed.digest;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.syndication.support.messaging.OutboxWritten;

import java.util.UUID;

/**
 * The outbox rows of this service's changes. The relay reads and marks them through service-support's
 * {@code OutboxTable}, the same SQL as catalog-service's outbox.
 */
@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxEvent, UUID> {

    private final Event<OutboxWritten> written;

    public OutboxRepository(Event<OutboxWritten> written) {
        this.written = written;
    }

    /** Writes the row in the caller's transaction; the relay is woken once it commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void write(OutboxEvent row) {
        persist(row);
        written.fire(new OutboxWritten(row.aggregateId));
    }
}
