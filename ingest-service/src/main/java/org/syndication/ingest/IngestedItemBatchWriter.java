package org.syndication.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The write path of {@code ingested_item} kept in plain JDBC (one statement for a whole page), on the
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
     * racing on the same item both succeed and the higher version stays. One statement over arrays (unnest), not a
     * statement per item: PostgreSQL executes one plan for the page. An item twice in the page is sent once, at its
     * highest version (what the rows one at a time would have left; one statement may not update a row twice).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void upsert(String source, List<ItemOutcome> published, OffsetDateTime now) {
        if (published.isEmpty()) {
            return;
        }
        Map<String, ItemOutcome> highest = new LinkedHashMap<>();
        for (ItemOutcome outcome : published) {
            highest.merge(outcome.item().itemId(), outcome, (a, b) -> b.version() > a.version() ? b : a);
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    insert into ingested_item (item_id, source, content_hash, version, first_seen_at, updated_at)
                    select item_id, ?, content_hash, version, ?, ?
                      from unnest(?::varchar[], ?::varchar[], ?::bigint[]) as t (item_id, content_hash, version)
                    on conflict (item_id) do update
                       set content_hash = excluded.content_hash, version = excluded.version,
                           updated_at = excluded.updated_at
                     where ingested_item.version < excluded.version
                    """)) {
                upsert.setString(1, source);
                upsert.setObject(2, now);
                upsert.setObject(3, now);
                upsert.setArray(4, connection.createArrayOf("varchar", highest.keySet().toArray()));
                upsert.setArray(5, connection.createArrayOf("varchar",
                        highest.values().stream().map(ItemOutcome::contentHash).toArray()));
                upsert.setArray(6, connection.createArrayOf("bigint",
                        highest.values().stream().map(ItemOutcome::version).toArray()));
                upsert.executeUpdate();
            }
        });
    }
}
