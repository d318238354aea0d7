package org.syndication.ingest.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.syndication.ingest.IngestedItem;
import org.syndication.ingest.IngestedItemRepository;
import org.syndication.ingest.ItemOutcome;

import java.time.Clock;
import java.time.Instant;
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
     * Records published versions. An upsert that never lowers a version, so two requests racing on the same
     * item both succeed and the higher version stays.
     */
    @Transactional
    public void record(String source, List<ItemOutcome> published) {
        Instant now = clock.instant();
        for (ItemOutcome outcome : published) {
            entityManager.createNativeQuery("""
                            insert into ingested_item (item_id, source, content_hash, version, first_seen_at, updated_at)
                            values (?1, ?2, ?3, ?4, ?5, ?5)
                            on conflict (item_id) do update
                               set content_hash = excluded.content_hash, version = excluded.version,
                                   updated_at = excluded.updated_at
                             where ingested_item.version < excluded.version
                            """)
                    .setParameter(1, outcome.item().itemId())
                    .setParameter(2, source)
                    .setParameter(3, outcome.contentHash())
                    .setParameter(4, outcome.version())
                    .setParameter(5, now)
                    .executeUpdate();
        }
    }
}
