package org.syndication.catalog.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.syndication.catalog.NewsItemBatchWriter;
import org.syndication.catalog.ItemSource;
import org.syndication.catalog.ItemSourceRepository;
import org.syndication.catalog.ItemNotFoundException;
import org.syndication.catalog.ItemTheme;
import org.syndication.catalog.NewsItem;
import org.syndication.catalog.NewsItemRepository;
import org.syndication.catalog.OutboxEvent;
import org.syndication.catalog.classify.Classifier;
import org.syndication.catalog.classify.ThemeAssignment;
import org.syndication.catalog.mapping.ItemMapper;
import org.syndication.catalog.mapping.JsonText;
import org.syndication.catalog.mapping.StoryKeys;
import org.syndication.events.ItemStatus;
import org.syndication.events.NewsItemIngested;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
        IGNORED,
        /** a stored story reached the catalog from another source: the source is recorded, nothing republished */
        MERGED
    }

    private final NewsItemRepository items;
    private final NewsItemBatchWriter batch;
    private final TaxonomyService taxonomy;
    private final OutboxWriter outbox;
    private final BatchWorkers workers;
    private final StoryMatcher stories;
    private final ItemSourceRepository sources;
    private final Clock clock;

    public CatalogService(NewsItemRepository items, NewsItemBatchWriter batch, TaxonomyService taxonomy,
                          OutboxWriter outbox, BatchWorkers workers, StoryMatcher stories, ItemSourceRepository sources,
                          Clock clock) {
        this.items = items;
        this.stories = stories;
        this.sources = sources;
        this.batch = batch;
        this.taxonomy = taxonomy;
        this.outbox = outbox;
        this.workers = workers;
        this.clock = clock;
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
        Map<String, StoryMatcher.Match> storyOf = stories.resolve(events);
        List<String> storyIds = storyOf.values().stream().map(StoryMatcher.Match::storyId).distinct().toList();
        Map<String, NewsItem> items = batch.lockAll(storyIds);
        Map<String, ItemSource> sourceRows = new HashMap<>();
        sources.ofStories(storyIds).forEach(s -> sourceRows.put(s.ingestItemId, s));
        Map<String, ItemSource> touchedSources = new LinkedHashMap<>();
        Set<String> stored = Set.copyOf(items.keySet());
        Classifier classifier = taxonomy.classifier();
        List<Outcome> outcomes = new ArrayList<>(events.size());
        Map<String, NewsItem> touched = new LinkedHashMap<>();
        Map<String, NewsItem> changed = new LinkedHashMap<>();
        List<Change> changes = new ArrayList<>();
        for (NewsItemIngested event : events) {
            StoryMatcher.Match match = storyOf.get(event.itemId());
            boolean first = match.storyId().equals(event.itemId());
            NewsItem item = items.get(match.storyId());
            ItemSource source = sourceRows.get(event.itemId());
            // each source has its own ingest versions; an item stored before sources were kept has only its own
            long applied = source != null ? source.ingestVersion : first && item != null ? item.ingestVersion : 0;
            if (item != null && event.version() <= applied) {
                Log.debugf("ingest ignored itemId=%s version=%d stored=%d", event.itemId(), event.version(), applied);
                outcomes.add(Outcome.IGNORED);
                continue;
            }
            String previousHash = source == null ? null : source.contentHash;
            boolean newSource = source == null;
            if (newSource) {
                source = newSource(event, match);
                sourceRows.put(event.itemId(), source);
            }
            boolean wasActive = source.active();
            recordVersion(source, event);
            touchedSources.put(source.ingestItemId, source);
            boolean isNew = item == null;
            if (isNew) {
                item = new NewsItem();
                item.status = ItemStatus.PUBLISHED;
                item.createdAt = clock.instant();
                items.put(event.itemId(), item);
            } else if (!first && newSource) {
                Log.infof("same story from another source itemId=%s storyId=%s source=%s matchedBy=%s", event.itemId(),
                        item.id, event.source().name(), match.matchedBy());
                outcomes.add(Outcome.MERGED);
                continue;
            } else if (!wasActive) {
                // a withdrawn source's later versions are remembered, but nothing of them reaches the story
                Log.debugf("ingest of a withdrawn source itemId=%s storyId=%s version=%d", event.itemId(), item.id,
                        event.version());
                outcomes.add(Outcome.UNCHANGED);
                continue;
            }
            // the story shows the text of the latest change from any of its sources; the first source keeps its
            // place (source, link) and changes like any item, another source only through a new text of its own
            boolean contentChanged = first ? ItemMapper.applyIngested(event, item)
                    : !Objects.equals(previousHash, event.contentHash()) && ItemMapper.applyCorrection(event, item);
            if (first || contentChanged) {
                touched.put(item.id, item);
            }
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
        sources.upsertAll(touchedSources.values());
        outbox.writeAll(rows);
        return outcomes;
    }

    private ItemSource newSource(NewsItemIngested event, StoryMatcher.Match match) {
        ItemSource source = new ItemSource();
        source.ingestItemId = event.itemId();
        source.itemId = match.storyId();
        source.matchedBy = match.matchedBy();
        source.addedAt = clock.instant();
        return source;
    }

    /** This source's view of the story: its link, keys, text hash and the version now applied. */
    private void recordVersion(ItemSource source, NewsItemIngested event) {
        source.sourceName = event.source().name();
        source.sourceUrl = event.source().url();
        source.link = event.link();
        source.linkKey = StoryKeys.linkKey(event.link(), event.source().url());
        source.titleKey = StoryKeys.titleKey(event.title());
        source.date = event.date();
        source.contentHash = event.contentHash();
        source.ingestVersion = event.version();
        source.updatedAt = clock.instant();
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

    /** Withdraws the source of this item id (see {@link #withdraw(String, boolean)}). */
    @Transactional
    public String withdraw(String itemId) {
        return withdraw(itemId, false);
    }

    /**
     * Withdraws one source's copy of a story, or with {@code wholeStory} every source. The story leaves the feeds
     * (WITHDRAWN, republished) only when no source carries it any more; idempotent.
     *
     * @param itemId an item id as ingest gave it: the story's own, or that of a source merged into it
     * @return the story's item id
     */
    @Transactional
    public String withdraw(String itemId, boolean wholeStory) {
        String storyId = sources.find(itemId).map(s -> s.itemId).orElse(itemId);
        NewsItem item = items.findForUpdate(storyId).orElseThrow(() -> new ItemNotFoundException(itemId));
        List<ItemSource> all = sources.ofStories(List.of(storyId));
        List<ItemSource> withdrawn = new ArrayList<>();
        for (ItemSource source : all) {
            if (source.active() && (wholeStory || source.ingestItemId.equals(itemId))) {
                source.status = ItemSource.Status.WITHDRAWN;
                source.updatedAt = clock.instant();
                withdrawn.add(source);
            }
        }
        sources.upsertAll(withdrawn);
        if (all.stream().anyMatch(ItemSource::active)) {
            Log.infof("source withdrawn, story still carried itemId=%s storyId=%s", itemId, storyId);
        } else if (item.status != ItemStatus.WITHDRAWN) {
            item.status = ItemStatus.WITHDRAWN;
            item.version++;
            item.updatedAt = clock.instant();
            outbox.catalogued(item);
            Log.infof("item withdrawn itemId=%s version=%d", storyId, item.version);
        }
        return storyId;
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
