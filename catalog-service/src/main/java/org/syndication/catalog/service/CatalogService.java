package org.syndication.catalog.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.syndication.catalog.ItemNotFoundException;
import org.syndication.catalog.ItemTheme;
import org.syndication.catalog.NewsItem;
import org.syndication.catalog.NewsItemRepository;
import org.syndication.catalog.classify.Classifier;
import org.syndication.catalog.classify.ThemeAssignment;
import org.syndication.catalog.mapping.ItemMapper;
import org.syndication.catalog.mapping.JsonText;
import org.syndication.events.ItemStatus;
import org.syndication.events.NewsItemIngested;

import java.time.Clock;
import java.util.HashMap;
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
    private final TaxonomyService taxonomy;
    private final OutboxWriter outbox;
    private final Clock clock;

    public CatalogService(NewsItemRepository items, TaxonomyService taxonomy, OutboxWriter outbox, Clock clock) {
        this.items = items;
        this.taxonomy = taxonomy;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Upserts the item by id; an ingest version lower than or equal to the stored one changes nothing. */
    @Transactional
    public Outcome ingest(NewsItemIngested event) {
        NewsItem item = items.findForUpdate(event.itemId()).orElse(null);
        if (item != null && event.version() <= item.ingestVersion) {
            Log.debugf("ingest ignored itemId=%s version=%d stored=%d", event.itemId(), event.version(), item.ingestVersion);
            return Outcome.IGNORED;
        }
        boolean created = item == null;
        if (created) {
            item = new NewsItem();
            item.status = ItemStatus.PUBLISHED;
            item.createdAt = clock.instant();
        }
        boolean changed = ItemMapper.applyIngested(event, item);
        if (!created && !changed) {
            Log.debugf("ingest unchanged itemId=%s version=%d", item.id, event.version());
            return Outcome.UNCHANGED;
        }
        applyThemes(item, taxonomy.classifier());
        item.version++;
        item.updatedAt = clock.instant();
        if (created) {
            items.persist(item);
        }
        outbox.catalogued(item);
        Log.debugf("item stored itemId=%s version=%d ingestVersion=%d themes=%s", item.id, item.version,
                item.ingestVersion, slugs(item));
        return created ? Outcome.CREATED : Outcome.UPDATED;
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
