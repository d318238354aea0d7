package org.syndication.catalog.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.syndication.catalog.ItemBatchRepository;
import org.syndication.catalog.ItemNotFoundException;
import org.syndication.catalog.ItemTheme;
import org.syndication.catalog.NewsItem;
import org.syndication.catalog.NewsItemRepository;
import org.syndication.catalog.OutboxEvent;
import org.syndication.catalog.classify.Classifier;
import org.syndication.catalog.classify.ThemeAssignment;
import org.syndication.catalog.mapping.ItemMapper;
import org.syndication.catalog.mapping.JsonText;
import org.syndication.events.ItemStatus;
import org.syndication.events.NewsItemIngested;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The write side of the catalog. Every stored change bumps the item's version and writes a NewsItemCatalogued
 * into the outbox in the same transaction.
 */
@ApplicationScoped
public class CatalogService {

    /** What {@link #ingest} did with an event. */
    public enum Outcome {
        CREATED,
        UPDATED,
        /** a newer ingest version with the same content: remembered, nothing republished */
        UNCHANGED,
        /** an equal or older ingest version: a redelivery or an out-of-order record */
        IGNORED
    }

    private final NewsItemRepository items;
    private final ItemBatchRepository batch;
    private final TaxonomyService taxonomy;
    private final OutboxWriter outbox;
    private final Clock clock;

    public CatalogService(NewsItemRepository items, ItemBatchRepository batch, TaxonomyService taxonomy,
                          OutboxWriter outbox, Clock clock) {
        this.items = items;
        this.batch = batch;
        this.taxonomy = taxonomy;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Upserts the item by id; an ingest version lower than or equal to the stored one changes nothing. */
    @Transactional
    public Outcome ingest(NewsItemIngested event) {
        return ingestAll(List.of(event)).get(0);
    }

    /**
     * Upserts a batch of events in one transaction: one locking query for the stored items, the events applied in
     * order in memory (exactly as one at a time: a version not above the item's current one is ignored, so several
     * versions of an item in one batch give one outbox row per stored change), then one JDBC batch per statement.
     *
     * @return the outcome of each event, in order
     */
    @Transactional
    public List<Outcome> ingestAll(List<NewsItemIngested> events) {
        Map<String, NewsItem> items = batch.lockAll(events.stream().map(NewsItemIngested::itemId).distinct().toList());
        Set<String> stored = Set.copyOf(items.keySet());
        Classifier classifier = taxonomy.classifier();
        List<Outcome> outcomes = new ArrayList<>(events.size());
        Map<String, NewsItem> touched = new LinkedHashMap<>();
        Map<String, NewsItem> changed = new LinkedHashMap<>();
        List<OutboxEvent> rows = new ArrayList<>();
        for (NewsItemIngested event : events) {
            NewsItem item = items.get(event.itemId());
            if (item != null && event.version() <= item.ingestVersion) {
                Log.debugf("ingest ignored itemId=%s version=%d stored=%d", event.itemId(), event.version(), item.ingestVersion);
                outcomes.add(Outcome.IGNORED);
                continue;
            }
            boolean isNew = item == null;
            if (isNew) {
                item = new NewsItem();
                item.status = ItemStatus.PUBLISHED;
                item.createdAt = clock.instant();
                items.put(event.itemId(), item);
            }
            boolean contentChanged = ItemMapper.applyIngested(event, item);
            touched.put(item.id, item);
            if (!isNew && !contentChanged) {
                Log.debugf("ingest unchanged itemId=%s version=%d", item.id, event.version());
                outcomes.add(Outcome.UNCHANGED);
                continue;
            }
            applyThemes(item, classifier);
            item.version++;
            item.updatedAt = clock.instant();
            changed.put(item.id, item);
            rows.add(outbox.row(item));
            outcomes.add(isNew ? Outcome.CREATED : Outcome.UPDATED);
            Log.debugf("item stored itemId=%s version=%d ingestVersion=%d themes=%s", item.id, item.version,
                    item.ingestVersion, slugs(item));
        }
        List<NewsItem> created = touched.values().stream().filter(i -> !stored.contains(i.id)).toList();
        List<NewsItem> updated = touched.values().stream().filter(i -> stored.contains(i.id)).toList();
        batch.write(created, updated, List.copyOf(changed.values()));
        outbox.writeAll(rows);
        return outcomes;
    }

    /** Withdraws the item from the feeds (idempotent). */
    @Transactional
    public void withdraw(String itemId) {
        NewsItem item = items.findForUpdate(itemId).orElseThrow(() -> new ItemNotFoundException(itemId));
        if (item.status != ItemStatus.WITHDRAWN) {
            item.status = ItemStatus.WITHDRAWN;
            item.version++;
            item.updatedAt = clock.instant();
            outbox.catalogued(item);
            Log.infof("item withdrawn itemId=%s version=%d", itemId, item.version);
        }
    }

    /**
     * Re-classifies the items with the given classifier; republishes those whose set of themes changed.
     *
     * @return how many items changed themes
     */
    @Transactional
    public int recategorise(List<String> itemIds, Classifier classifier) {
        int changed = 0;
        for (String id : itemIds) {
            NewsItem item = items.findForUpdate(id).orElse(null);
            if (item != null && applyThemes(item, classifier)) {
                item.version++;
                item.updatedAt = clock.instant();
                outbox.catalogued(item);
                changed++;
            }
        }
        return changed;
    }

    /**
     * Replaces the item's themes with the classifier's result, updating rows in place (scores and reasons of kept
     * themes refresh silently).
     *
     * @return true when the set of theme slugs changed
     */
    private static boolean applyThemes(NewsItem item, Classifier classifier) {
        List<ThemeAssignment> assigned = classifier.classify(item.title, item.body.isEmpty() ? item.summary : item.body);
        Set<String> before = slugs(item);
        Map<String, ThemeAssignment> bySlug = new HashMap<>();
        assigned.forEach(a -> bySlug.put(a.slug(), a));
        item.themes.removeIf(t -> !bySlug.containsKey(t.slug));
        Map<String, ItemTheme> existing = new HashMap<>();
        item.themes.forEach(t -> existing.put(t.slug, t));
        for (ThemeAssignment a : assigned) {
            ItemTheme row = existing.get(a.slug());
            if (row == null) {
                row = new ItemTheme();
                row.item = item;
                row.slug = a.slug();
                item.themes.add(row);
            }
            row.score = a.score();
            row.reason = JsonText.write(a.reason());
        }
        item.themes.sort((x, y) -> Double.compare(y.score, x.score));
        return !before.equals(bySlug.keySet());
    }

    private static Set<String> slugs(NewsItem item) {
        return item.themes.stream().map(t -> t.slug).collect(Collectors.toSet());
    }
}
