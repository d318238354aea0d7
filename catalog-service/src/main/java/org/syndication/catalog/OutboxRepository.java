package org.syndication.catalog;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * The outbox rows an API write persists ({@link org.syndication.catalog.service.OutboxWriter}); the consumer's
 * batches insert theirs with JDBC ({@link NewsItemBatchWriter#insertOutbox}). The relay reads and marks them through
 * service-support's {@code OutboxTable}, the same SQL as feed-service's outbox.
 */
@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxEvent, UUID> {
}
