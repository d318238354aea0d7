package org.syndication.ingest.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.syndication.ingest.IngestedItem;
import org.syndication.ingest.IngestedItemTable;
import org.syndication.ingest.ItemOutcome;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The dedup table: what was published for each item id. Written only after Kafka acknowledged. */
@ApplicationScoped
public class ItemLedger {

    private final IngestedItemTable table;
    private final Clock clock;

    public ItemLedger(IngestedItemTable table, Clock clock) {
        this.table = table;
        this.clock = clock;
    }

    /** What the database holds now (one statement, no session that could answer with a cached, older version). */
    public Map<String, IngestedItem> lookup(Collection<String> itemIds) {
        return table.byIds(itemIds);
    }

    /**
     * Records published versions in one statement (one round trip for a whole page), never lowering a version
     * ({@link IngestedItemTable#upsert}).
     */
    public void record(String source, List<ItemOutcome> published) {
        if (published.isEmpty()) {
            return;
        }
        table.upsert(source, published, clock.instant().atOffset(ZoneOffset.UTC));
    }
}
