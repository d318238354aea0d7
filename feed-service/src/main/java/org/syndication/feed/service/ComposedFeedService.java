package org.syndication.feed.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;
import org.syndication.feed.ComposedItemRepository;
import org.syndication.feed.FeedItem;
import org.syndication.feed.FeedItemRepository;
import org.syndication.feed.InvalidRequestException;
import org.syndication.feed.PublicUrls;
import org.syndication.feed.SearchQuery;
import org.syndication.feed.config.FeedConfig;
import org.syndication.feed.mapping.EntryMapper;
import org.syndication.feed.render.FeedDocument;
import org.syndication.feed.render.FeedEntry;
import org.syndication.feed.render.FeedFormat;
import org.syndication.feed.render.JsonFeedWriter;
import org.syndication.feed.render.RenderedFeed;
import org.syndication.feed.render.RomeFeedWriter;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Renders composed feeds (combined themes, saved searches) on request and keeps them in a bounded cache
 * (Caffeine, at most {@code feed.compose.cache-memory} of documents, the least used out first, each at most
 * {@code feed.compose.cache-ttl} old; on the Java heap, see {@link RenderedFeed#onHeap}). Unlike theme feeds they
 * cannot all be rendered ahead: there are as many as readers invent. Any projection change empties the cache; a render
 * that started before the change is not kept (a generation number tells), so no reader gets a document older than a
 * change it could have seen.
 */
@ApplicationScoped
public class ComposedFeedService {

    record Cached(long generation, RenderedFeed document) {
    }

    private final ComposedItemRepository repository;
    private final FeedItemRepository items;
    private final ThemeCatalog themes;
    private final PublicUrls urls;
    private final FeedConfig config;
    private final RomeFeedWriter rome = new RomeFeedWriter();
    private final JsonFeedWriter json = new JsonFeedWriter();
    private final AtomicLong generation = new AtomicLong();
    private final Cache<String, Cached> cache;

    public ComposedFeedService(ComposedItemRepository repository, FeedItemRepository items, ThemeCatalog themes,
                               PublicUrls urls, FeedConfig config) {
        this.repository = repository;
        this.items = items;
        this.themes = themes;
        this.urls = urls;
        this.config = config;
        this.cache = documentCache(config.compose());
    }

    /** Bounded by the bytes its documents hold, not by their number: a search feed may be 1 KB or 200 KB. */
    static Cache<String, Cached> documentCache(FeedConfig.Compose compose) {
        return Caffeine.newBuilder()
                .maximumWeight(compose.cacheMemory().asLongValue())
                .weigher((String key, Cached cached) -> cached.document().memorySize())
                .expireAfterWrite(compose.cacheTtl())
                .build();
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) ProjectionChanged change) {
        generation.incrementAndGet();
        cache.invalidateAll();
    }

    /** The cached document, or null when it must be rendered ({@link #render}); never blocks. */
    public RenderedFeed cached(ComposedFeed feed, FeedFormat format) {
        Cached cached = cache.getIfPresent(cacheKey(feed, format));
        return cached != null && cached.generation() == generation.get() ? cached.document() : null;
    }

    /**
     * Renders the document from the projection and caches it; blocks, so call it from a worker thread.
     *
     * @throws InvalidRequestException for a query without a word to search
     */
    @ActivateRequestContext
    @Transactional(Transactional.TxType.SUPPORTS)
    public RenderedFeed render(ComposedFeed feed, FeedFormat format) {
        long started = generation.get();
        List<FeedItem> found;
        List<String> changeKeys;
        if (feed.query().isPresent()) {
            SearchQuery q = feed.query().get();
            if (!repository.searchable(q)) {
                throw new InvalidRequestException("q has no word to search for (only stop words or punctuation)");
            }
            found = repository.newestMatching(q, config.pageSize());
            changeKeys = List.of(FeedItemRepository.ALL);
        } else {
            found = repository.newestOfThemes(feed.themes(), config.pageSize());
            changeKeys = feed.themes();
        }
        Map<String, String> titles = ThemeCatalog.titles(themes.themes());
        List<FeedEntry> entries = found.stream().map(i -> EntryMapper.toEntry(i, titles, urls)).toList();
        // the feeds' last changes too, so a withdrawal (an entry gone) still moves Last-Modified forward
        Instant updated = changeKeys.stream().map(items::lastChanged).flatMap(Optional::stream)
                .max(Instant::compareTo).orElse(Instant.EPOCH);
        for (FeedEntry entry : entries) {
            if (entry.updated().isAfter(updated)) {
                updated = entry.updated();
            }
        }
        String self = self(feed, format);
        String title = feed.query().isPresent()
                ? config.siteTitle() + ": search \u201c" + feed.query().get().text() + "\u201d"
                : config.siteTitle() + ": " + feed.themes().stream().map(s -> titles.getOrDefault(s, s))
                .collect(Collectors.joining(" + "));
        String description = feed.query().isPresent()
                ? "News from " + config.siteTitle() + " matching " + feed.query().get().text()
                : "News about " + feed.themes().stream().map(s -> titles.getOrDefault(s, s))
                .collect(Collectors.joining(" or ")) + " from " + config.siteTitle();
        FeedDocument doc = new FeedDocument(EntryMapper.feedUri(feed.key()), title, description, config.siteTitle(),
                self, urls.home(), self, updated, entries, false, Optional.empty(), Optional.empty(), Optional.empty(),
                List.of());
        byte[] bytes = switch (format) {
            case RSS -> rome.rss(doc);
            case ATOM -> rome.atom(doc);
            case JSON -> json.write(doc);
        };
        RenderedFeed rendered = RenderedFeed.onHeap(bytes, format.contentType(), updated,
                "public, max-age=" + config.cache().maxAge().toSeconds());
        cache.put(cacheKey(feed, format), new Cached(started, rendered));
        Log.debugf("composed feed rendered feed=%s format=%s entries=%d", feed.key(), format.extension(), entries.size());
        return rendered;
    }

    /** The absolute URL of a composed feed document. */
    public String self(ComposedFeed feed, FeedFormat format) {
        return feed.query().isPresent()
                ? urls.base() + "/feeds/search." + format.extension() + "?q="
                + URLEncoder.encode(feed.query().get().text(), StandardCharsets.UTF_8)
                : urls.feed(feed.key(), format);
    }

    private static String cacheKey(ComposedFeed feed, FeedFormat format) {
        return format.extension() + " " + feed.key();
    }
}
