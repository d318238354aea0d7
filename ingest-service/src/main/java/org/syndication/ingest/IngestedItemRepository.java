package org.syndication.ingest;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Dedup rows by item id, through Hibernate: the service reads and writes them with {@link IngestedItemTable} (one
 * plain statement each); the entity keeps Hibernate's check that the table fits it, and the tests read with this.
 */
@ApplicationScoped
public class IngestedItemRepository implements PanacheRepositoryBase<IngestedItem, String> {
}
