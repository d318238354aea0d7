package org.syndication.catalog.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.syndication.catalog.NewsItemBatchWriter;
import org.syndication.catalog.NewsItem;
import org.syndication.catalog.OutboxEvent;
import org.syndication.catalog.OutboxRepository;
import org.syndication.catalog.mapping.ItemMapper;
import org.syndication.catalog.mapping.JsonText;
import org.syndication.catalog.messaging.EventTracing;
import org.syndication.events.CeHeaders;
import org.syndication.events.CeTypes;
import org.syndication.events.EventJson;
import org.syndication.events.NewsItemCatalogued;
import org.syndication.support.messaging.OutboxWritten;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Writes the NewsItemCatalogued of an item's new state into the outbox, in the caller's transaction. */
@ApplicationScoped
public class OutboxWriter {

    static final String AGGREGATE_TYPE = "news-item";

    private final OutboxRepository outbox;
    private final NewsItemBatchWriter batch;
    private final TaxonomyService taxonomy;
    private final Event<OutboxWritten> written;
    private final Clock clock;
    private final EventTracing tracing;

    public OutboxWriter(OutboxRepository outbox, NewsItemBatchWriter batch, TaxonomyService taxonomy,
                        Event<OutboxWritten> written, Clock clock, EventTracing tracing) {
        this.tracing = tracing;
        this.outbox = outbox;
        this.batch = batch;
        this.taxonomy = taxonomy;
        this.written = written;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID catalogued(NewsItem item) {
        OutboxEvent row = row(item, clock.instant());
        outbox.persist(row);
        written.fire(new OutboxWritten(item.id));
        Log.debugf("outbox row written itemId=%s ceId=%s version=%d status=%s", item.id, row.id, item.version, item.status);
        return row.id;
    }

    /** Writes rows built by {@link #row} in one JDBC batch, in list order; one relay wake-up after the commit. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void writeAll(List<OutboxEvent> rows) {
        if (rows.isEmpty()) {
            return;
        }
        batch.insertOutbox(rows);
        written.fire(new OutboxWritten(rows.get(0).aggregateId));
        Log.debugf("outbox rows written count=%d", rows.size());
    }

    /** The outbox row announcing the item's state, created at {@code createdAt} (not yet written). */
    public OutboxEvent row(NewsItem item, Instant createdAt) {
        NewsItemCatalogued event = ItemMapper.toCatalogued(item, taxonomy::titleOf);
        OutboxEvent row = new OutboxEvent();
        row.id = UUID.randomUUID();
        row.aggregateType = AGGREGATE_TYPE;
        row.aggregateId = item.id;
        row.type = CeTypes.NEWS_ITEM_CATALOGUED;
        row.payload = EventJson.toJson(event);
        // the change's trace context travels with the row, so the relay continues the trace (EventTracing)
        Map<String, String> headers = new HashMap<>(tracing.traceparentOf(item.id));
        headers.put(CeHeaders.THEMES, event.themeSlugs());
        row.headers = JsonText.write(headers);
        row.createdAt = createdAt;
        return row;
    }
}
