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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
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
    private final BatchWorkers workers;
    private final Clock clock;

    public CatalogService(NewsItemRepository items, ItemBatchRepository batch, TaxonomyService taxonomy,
                          OutboxWriter outbox, BatchWorkers workers, Clock clock) {
        this.items = items;
        this.batch = batch;
        this.taxonomy = taxonomy;
        this.outbox = outbox;
        this.workers = workers;
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
     * The CPU-bound work (classifying each stored change, the JSON of its outbox row) runs on {@link BatchWorkers},
     * the classification while this thread writes the items.
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
        List<Change> changes = new ArrayList<>();
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
            item.version++;
            item.updatedAt = clock.instant();
            changed.put(item.id, item);
            changes.add(new Change(item, ItemMapper.copyOf(item)));
            outcomes.add(isNew ? Outcome.CREATED : Outcome.UPDATED);
        }
        CompletableFuture<List<Classified>> classified = workers.map(changes, c -> classify(classifier, c.state()));
        List<NewsItem> created = touched.values().stream().filter(i -> !stored.contains(i.id)).toList();
        List<NewsItem> updated = touched.values().stream().filter(i -> stored.contains(i.id)).toList();
        batch.writeItems(created, updated);

        // the themes of each change, applied in order (as one at a time), then the outbox row of each change
        List<Classified> themes = BatchWorkers.await(classified);
        List<Announcement> announcements = new ArrayList<>(changes.size());
        for (int i = 0; i < changes.size(); i++) {
            Change change = changes.get(i);
            applyThemes(change.item(), themes.get(i));
            change.state().themes = ItemMapper.copyOfThemes(change.item());
            announcements.add(new Announcement(change.state(), clock.instant()));
            Log.debugf("item stored itemId=%s version=%d ingestVersion=%d themes=%s", change.item().id,
                    change.state().version, change.state().ingestVersion, slugs(change.state()));
        }
        List<OutboxEvent> rows = BatchWorkers.await(workers.map(announcements, a -> outbox.row(a.state(), a.at())));
        batch.writeThemes(List.copyOf(changed.values()));
        outbox.writeAll(rows);
        return outcomes;
    }

    /** A stored change: the item, and a copy of its state at that point (what the change announces). */
    private record Change(NewsItem item, NewsItem state) {
    }

    /** The outbox row to write for a change: the state it announces, and when. */
    private record Announcement(NewsItem state, Instant at) {
    }

    /** A classifier's result with the JSON of each reason, in the same order. */
    private record Classified(List<ThemeAssignment> assigned, List<String> reasons) {
    }

    private static Classified classify(Classifier classifier, NewsItem item) {
        List<ThemeAssignment> assigned = classifier.classify(item.title, textOf(item));
        return new Classified(assigned, assigned.stream().map(a -> JsonText.write(a.reason())).toList());
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
        return applyThemes(item, classify(classifier, item));
    }

    private static boolean applyThemes(NewsItem item, Classified classified) {
        List<ThemeAssignment> assigned = classified.assigned();
        Set<String> before = slugs(item);
        Map<String, ThemeAssignment> bySlug = new HashMap<>();
        assigned.forEach(a -> bySlug.put(a.slug(), a));
        item.themes.removeIf(t -> !bySlug.containsKey(t.slug));
        Map<String, ItemTheme> existing = new HashMap<>();
        item.themes.forEach(t -> existing.put(t.slug, t));
        for (int i = 0; i < assigned.size(); i++) {
            ThemeAssignment a = assigned.get(i);
            ItemTheme row = existing.get(a.slug());
            if (row == null) {
                row = new ItemTheme();
                row.item = item;
                row.slug = a.slug();
                item.themes.add(row);
            }
            row.score = a.score();
            row.reason = classified.reasons().get(i);
        }
        item.themes.sort((x, y) -> Double.compare(y.score, x.score));
        return !before.equals(bySlug.keySet());
    }

    /** What the classifier reads besides the title: the body, or the summary when there is no body. */
    private static String textOf(NewsItem item) {
        return item.body.isEmpty() ? item.summary : item.body;
    }

    private static Set<String> slugs(NewsItem item) {
        return item.themes.stream().map(t -> t.slug).collect(Collectors.toSet());
    }
}
