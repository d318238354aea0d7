package org.syndication.catalog.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.syndication.catalog.NewsItem;
import org.syndication.catalog.OutboxEvent;
import org.syndication.catalog.OutboxRepository;
import org.syndication.catalog.mapping.ItemMapper;
import org.syndication.catalog.mapping.JsonText;
import org.syndication.catalog.messaging.OutboxWritten;
import org.syndication.events.CeHeaders;
import org.syndication.events.CeTypes;
import org.syndication.events.EventJson;
import org.syndication.events.NewsItemCatalogued;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/** Writes the NewsItemCatalogued of an item's new state into the outbox, in the caller's transaction. */
@ApplicationScoped
public class OutboxWriter {

    static final String AGGREGATE_TYPE = "news-item";

    private final OutboxRepository outbox;
    private final TaxonomyService taxonomy;
    private final Event<OutboxWritten> written;
    private final Clock clock;

    public OutboxWriter(OutboxRepository outbox, TaxonomyService taxonomy, Event<OutboxWritten> written, Clock clock) {
        this.outbox = outbox;
        this.taxonomy = taxonomy;
        this.written = written;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID catalogued(NewsItem item) {
        NewsItemCatalogued event = ItemMapper.toCatalogued(item, taxonomy::titleOf);
        OutboxEvent row = new OutboxEvent();
        row.id = UUID.randomUUID();
        row.aggregateType = AGGREGATE_TYPE;
        row.aggregateId = item.id;
        row.type = CeTypes.NEWS_ITEM_CATALOGUED;
        row.payload = EventJson.toJson(event);
        row.headers = JsonText.write(Map.of(CeHeaders.THEMES, event.themeSlugs()));
        row.createdAt = clock.instant();
        outbox.persist(row);
        written.fire(new OutboxWritten(item.id));
        Log.debugf("outbox row written itemId=%s ceId=%s version=%d status=%s", item.id, row.id, item.version, item.status);
        return row.id;
    }
}
