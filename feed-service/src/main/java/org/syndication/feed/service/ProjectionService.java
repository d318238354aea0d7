package org.syndication.feed.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.syndication.events.NewsItemCatalogued;
import org.syndication.events.ThemeTag;
import org.syndication.feed.FeedItem;
import org.syndication.feed.FeedItemRepository;
import org.syndication.feed.mapping.EntryMapper;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

/** Keeps the feed projection equal to the latest state of every item on news.catalogued. */
@ApplicationScoped
public class ProjectionService {

    private final FeedItemRepository repository;
    private final Event<ProjectionChanged> changed;
    private final ThemeCatalog themes;
    private final Clock clock;

    public ProjectionService(FeedItemRepository repository, Event<ProjectionChanged> changed, ThemeCatalog themes,
                             Clock clock) {
        this.repository = repository;
        this.changed = changed;
        this.themes = themes;
        this.clock = clock;
    }

    /**
     * Upserts the item unless the stored version is the same or newer (redelivery, replay); withdrawn items stay
     * as rows so an older version can never bring them back, and leave every feed.
     *
     * @return whether the projection changed
     */
    @Transactional
    public boolean apply(NewsItemCatalogued event) {
        FeedItem item = repository.findById(event.itemId());
        if (item != null && item.version >= event.version()) {
            Log.debugf("skipped itemId=%s version=%d stored=%d", event.itemId(), event.version(), item.version);
            return false;
        }
        Set<String> touched = new HashSet<>();
        touched.add(FeedItemRepository.ALL);
        if (item == null) {
            item = new FeedItem();
            EntryMapper.fromCatalogued(event, item);
            repository.persist(item);
        } else {
            touched.addAll(item.themes);
            EntryMapper.fromCatalogued(event, item);
        }
        for (ThemeTag theme : event.themes()) {
            repository.upsertTheme(theme.slug(), theme.title());
            touched.add(theme.slug());
        }
        touched.forEach(key -> repository.touch(key, event.updatedAt()));
        Log.debugf("projected itemId=%s version=%d status=%s feeds=%s", event.itemId(), event.version(),
                event.status(), touched);
        changed.fire(new ProjectionChanged(touched));
        return true;
    }

    /** A tombstone on the compacted topic: the item is gone for good. */
    @Transactional
    public void remove(String itemId) {
        FeedItem item = repository.findById(itemId);
        if (item == null) {
            return;
        }
        Set<String> touched = new HashSet<>(item.themes);
        touched.add(FeedItemRepository.ALL);
        repository.delete(item);
        touched.forEach(key -> repository.touch(key, clock.instant()));
        Log.infof("removed itemId=%s (tombstone)", itemId);
        changed.fire(new ProjectionChanged(touched));
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
