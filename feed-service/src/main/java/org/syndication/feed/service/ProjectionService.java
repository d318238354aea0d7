package org.syndication.feed.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.syndication.events.NewsItemCatalogued;
import org.syndication.events.ThemeTag;
import org.syndication.feed.FeedItemBatchWriter;
import org.syndication.feed.FeedItemRepository;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Keeps the feed projection equal to the latest state of every item on news.catalogued. */
@ApplicationScoped
public class ProjectionService {

    private final FeedItemRepository repository;
    private final FeedItemBatchWriter writer;
    private final Event<ProjectionChanged> changed;
    private final ThemeCatalog themes;
    private final Clock clock;

    public ProjectionService(FeedItemRepository repository, FeedItemBatchWriter writer,
                             Event<ProjectionChanged> changed, ThemeCatalog themes, Clock clock) {
        this.repository = repository;
        this.writer = writer;
        this.changed = changed;
        this.themes = themes;
        this.clock = clock;
    }

    /** One record of news.catalogued for {@link #applyBatch}: the latest event of an item, or null for a tombstone. */
    public record Change(String itemId, NewsItemCatalogued event) {
    }

    /**
     * Applies a batch in one transaction: one query loads the stored versions and themes, a version that is not
     * newer than the stored one is skipped, deletions, items and their theme rows go out as JDBC batches
     * ({@link FeedItemBatchWriter}), themes and last-change times are written once per key, and one
     * {@link ProjectionChanged} with the union of the touched feeds is fired. The changes must hold at most one
     * entry per item id (the consumer keeps the newest).
     *
     * @return how many items changed
     */
    @Transactional
    public int applyBatch(Collection<Change> changes) {
        if (changes.isEmpty()) {
            return 0;
        }
        Map<String, FeedItemBatchWriter.Stored> stored = writer.stored(changes.stream().map(Change::itemId).toList());
        Set<String> touched = new HashSet<>();
        Map<String, Instant> changedAt = new HashMap<>();
        Map<String, String> titles = new LinkedHashMap<>();
        List<String> removed = new ArrayList<>();
        List<NewsItemCatalogued> written = new ArrayList<>();
        Instant now = clock.instant();
        for (Change change : changes) {
            FeedItemBatchWriter.Stored item = stored.get(change.itemId());
            NewsItemCatalogued event = change.event();
            Set<String> keys = new HashSet<>();
            keys.add(FeedItemRepository.ALL);
            if (item != null) {
                keys.addAll(item.themes());
            }
            if (event == null) {
                if (item == null) {
                    continue;
                }
                removed.add(change.itemId());
                Log.infof("removed itemId=%s (tombstone)", change.itemId());
                record(keys, now, touched, changedAt);
                continue;
            }
            if (item != null && item.version() >= event.version()) {
                Log.debugf("skipped itemId=%s version=%d stored=%d", event.itemId(), event.version(), item.version());
                continue;
            }
            written.add(event);
            for (ThemeTag theme : event.themes()) {
                titles.put(theme.slug(), theme.title());
                keys.add(theme.slug());
            }
            record(keys, event.updatedAt(), touched, changedAt);
        }
        int applied = removed.size() + written.size();
        if (applied == 0) {
            return 0;
        }
        writer.delete(removed);
        writer.upsert(written);
        titles.forEach(repository::upsertTheme);
        changedAt.forEach(repository::touch);
        Log.debugf("projected batch records=%d changed=%d feeds=%s", changes.size(), applied, touched);
        changed.fire(new ProjectionChanged(touched));
        return applied;
    }

    private static void record(Set<String> keys, Instant at, Set<String> touched, Map<String, Instant> changedAt) {
        touched.addAll(keys);
        keys.forEach(key -> changedAt.merge(key, at, (a, b) -> a.isAfter(b) ? a : b));
    }

    /** Empties the projection before it is read again from offset zero. */
    @Transactional
    public void reset() {
        Set<String> keys = new HashSet<>(themes.feedKeys());
        repository.clearProjection();
        Log.infof("projection cleared for rebuild feeds=%d", keys.size());
        changed.fire(new ProjectionChanged(keys));
    }
}
