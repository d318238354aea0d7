package org.syndication.ingest.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.syndication.ingest.IngestedItem;
import org.syndication.ingest.IngestedItemBatchWriter;
import org.syndication.ingest.IngestedItemRepository;
import org.syndication.ingest.ItemOutcome;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The dedup table: what was published for each item id. Written only after Kafka acknowledged. */
@ApplicationScoped
public class ItemLedger {

    private final IngestedItemRepository items;
    private final IngestedItemBatchWriter writer;
    private final Clock clock;

    public ItemLedger(IngestedItemRepository items, IngestedItemBatchWriter writer, Clock clock) {
        this.items = items;
        this.writer = writer;
        this.clock = clock;
    }

    /** In a transaction of its own, so a long-lived session never answers with a cached, older version. */
    @Transactional
    public Map<String, IngestedItem> lookup(Collection<String> itemIds) {
        return items.byIds(itemIds);
    }

    /**
     * Records published versions in one JDBC batch (one round trip for a whole page), never lowering a version
     * ({@link IngestedItemBatchWriter#upsert}).
     */
    @Transactional
    public void record(String source, List<ItemOutcome> published) {
        if (published.isEmpty()) {
            return;
        }
        writer.upsert(source, published, clock.instant().atOffset(ZoneOffset.UTC));
    }
}
