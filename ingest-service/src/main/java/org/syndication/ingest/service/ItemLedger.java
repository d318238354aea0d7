package org.syndication.ingest.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.syndication.ingest.IngestedItem;
import org.syndication.ingest.IngestedItemRepository;
import org.syndication.ingest.ItemOutcome;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The dedup table: what was published for each item id. Written only after Kafka acknowledged. */
@ApplicationScoped
public class ItemLedger {

    private final IngestedItemRepository items;
    private final EntityManager entityManager;
    private final Clock clock;

    public ItemLedger(IngestedItemRepository items, EntityManager entityManager, Clock clock) {
        this.items = items;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** In a transaction of its own, so a long-lived session never answers with a cached, older version. */
    @Transactional
    public Map<String, IngestedItem> lookup(Collection<String> itemIds) {
        return items.byIds(itemIds);
    }

    /**
     * Records published versions in one JDBC batch (one round trip for a whole page). An upsert that never lowers
     * a version, so two requests racing on the same item both succeed and the higher version stays.
     */
    @Transactional
    public void record(String source, List<ItemOutcome> published) {
        if (published.isEmpty()) {
            return;
        }
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
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
