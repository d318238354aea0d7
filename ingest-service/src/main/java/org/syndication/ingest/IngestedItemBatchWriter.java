package org.syndication.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The write path of {@code ingested_item} kept in a plain JDBC batch (one round trip for a whole page), on the
 * connection of the caller's transaction, next to the Panache {@link IngestedItemRepository} that reads it.
 */
@ApplicationScoped
public class IngestedItemBatchWriter {

    private final EntityManager entityManager;

    public IngestedItemBatchWriter(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Records published versions of {@code source}'s items. An upsert that never lowers a version, so two requests
     * racing on the same item both succeed and the higher version stays.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void upsert(String source, List<ItemOutcome> published, OffsetDateTime now) {
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    insert into ingested_item (item_id, source, content_hash, version, first_seen_at, updated_at)
                    values (?, ?, ?, ?, ?, ?)
                    on conflict (item_id) do update
                       set content_hash = excluded.content_hash, version = excluded.version,
                           updated_at = excluded.updated_at
                     where ingested_item.version < excluded.version
                    """)) {
                for (ItemOutcome outcome : published) {
                    upsert.setString(1, outcome.item().itemId());
                    upsert.setString(2, source);
                    upsert.setString(3, outcome.contentHash());
                    upsert.setLong(4, outcome.version());
                    upsert.setObject(5, now);
                    upsert.setObject(6, now);
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        });
    }
}
