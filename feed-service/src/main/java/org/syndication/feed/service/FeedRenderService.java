package org.syndication.feed.service;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.transaction.Transactional;
import org.syndication.feed.ArchiveMonths;
import org.syndication.feed.FeedItem;
import org.syndication.feed.FeedItemRepository;
import org.syndication.feed.PollingInterval;
import org.syndication.feed.PublicUrls;
import org.syndication.feed.Theme;
import org.syndication.feed.config.FeedConfig;
import org.syndication.feed.mapping.EntryMapper;
import org.syndication.feed.render.DeletedEntry;
import org.syndication.feed.render.FeedDocument;
import org.syndication.feed.render.FeedEntry;
import org.syndication.feed.render.FeedFormat;
import org.syndication.feed.render.JsonFeedWriter;
import org.syndication.feed.render.OpmlWriter;
import org.syndication.feed.render.RenderedFeed;
import org.syndication.feed.render.RomeFeedWriter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

/** Reads the projection and renders feed documents (subscription, archive, OPML) into bytes. */
@ApplicationScoped
@Unremovable
public class FeedRenderService {

    private final FeedItemRepository repository;
    private final ThemeCatalog themes;
    private final PublicUrls urls;
    private final FeedConfig config;
    private final Clock clock;
    private final RomeFeedWriter rome = new RomeFeedWriter();
    private final JsonFeedWriter json = new JsonFeedWriter();
    private final OpmlWriter opml = new OpmlWriter();

    public FeedRenderService(FeedItemRepository repository, ThemeCatalog themes, PublicUrls urls, FeedConfig config,
                             Clock clock) {
        this.repository = repository;
        this.themes = themes;
        this.urls = urls;
        this.config = config;
        this.clock = clock;
    }

    /** Every theme, for validation and listing. */
    @ActivateRequestContext
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Theme> themes() {
        return themes.themes();
    }

    /**
     * What a subscription document shows, read from the projection once for all formats.
     *
     * @param maxAge  how long readers may keep it, from how often the feed changes
     * @param deleted items withdrawn within {@code feed.tombstones.keep} (Atom only)
     */
    public record Snapshot(String feedKey, Map<String, String> titles, List<FeedEntry> entries, Instant updated,
                           Optional<YearMonth> prevArchive, Duration maxAge, List<DeletedEntry> deleted) {
    }

    /** Reads the newest entries of one feed. */
    @ActivateRequestContext
    @Transactional(Transactional.TxType.SUPPORTS)
    public Snapshot snapshot(String feedKey, List<Theme> known) {
        Map<String, String> titles = ThemeCatalog.titles(known);
        List<FeedItem> items = repository.newest(feedKey, config.pageSize());
        List<FeedEntry> entries = items.stream().map(i -> EntryMapper.toEntry(i, titles, urls)).toList();
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        Optional<YearMonth> prev = items.size() < config.pageSize()
                ? Optional.empty()
                : repository.newestMonthBefore(feedKey, ArchiveMonths.prevArchiveBefore(today,
                YearMonth.from(items.get(items.size() - 1).itemDate)));
        Instant now = clock.instant();
        List<DeletedEntry> deleted = repository.withdrawnSince(feedKey, now.minus(config.tombstones().keep()),
                config.pageSize()).stream().map(EntryMapper::toDeleted).toList();
        Duration maxAge = PollingInterval.maxAge(entries.stream().map(FeedEntry::updated).toList(),
                config.cache().maxAgeFloor(), config.cache().maxAgeCeiling());
        return new Snapshot(feedKey, titles, entries, updated(feedKey, entries), prev, maxAge, deleted);
    }

    /** The subscription document of a snapshot in one format. */
    public RenderedFeed subscription(Snapshot snapshot, FeedFormat format) {
        String key = snapshot.feedKey();
        FeedDocument doc = document(key, snapshot.titles(), format, snapshot.entries(), snapshot.updated(), false,
                urls.feed(key, format), snapshot.prevArchive().map(m -> urls.archive(key, m, format)), Optional.empty(),
                Optional.of(snapshot.maxAge()), snapshot.deleted());
        return RenderedFeed.offHeap(write(doc, format), format.contentType(), snapshot.updated(),
                "public, max-age=" + snapshot.maxAge().toSeconds());
    }

    /**
     * The RFC 5005 archive document of one complete month of a feed ({@link ArchiveMonths}), empty when that month
     * is not complete or holds no item. It keeps the tombstones of its withdrawn items for good, so withdrawing an
     * item changes it once.
     */
    @ActivateRequestContext
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<RenderedFeed> archive(String feedKey, YearMonth month, FeedFormat format) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        if (!ArchiveMonths.complete(month, today)) {
            return Optional.empty();
        }
        List<FeedItem> items = repository.inMonth(feedKey, month);
        if (items.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> titles = ThemeCatalog.titles(themes.themes());
        List<FeedEntry> entries = items.stream().map(i -> EntryMapper.toEntry(i, titles, urls)).toList();
        SortedSet<YearMonth> months = repository.months(feedKey, ArchiveMonths.archivedBefore(today));
        Optional<String> prev = Optional.ofNullable(months.headSet(month).isEmpty() ? null : months.headSet(month).last())
                .map(m -> urls.archive(feedKey, m, format));
        SortedSet<YearMonth> newer = months.tailSet(month.plusMonths(1));
        Optional<String> next = Optional.ofNullable(newer.isEmpty() ? null : newer.first())
                .map(m -> urls.archive(feedKey, m, format));
        List<DeletedEntry> deleted = repository.withdrawnInMonth(feedKey, month).stream()
                .map(EntryMapper::toDeleted).toList();
        Instant updated = java.util.stream.Stream.concat(entries.stream().map(FeedEntry::updated),
                deleted.stream().map(DeletedEntry::when)).max(Comparator.naturalOrder()).orElseThrow();
        String cacheControl = "public, max-age=" + config.cache().archiveMaxAge().toSeconds() + ", immutable";
        FeedDocument doc = document(feedKey, titles, format, entries, updated, true,
                urls.archive(feedKey, month, format), prev, next, Optional.empty(), deleted);
        return Optional.of(RenderedFeed.offHeap(write(doc, format), format.contentType(), updated, cacheControl));
    }

    /** The OPML list of every feed. */
    public RenderedFeed opml(List<Theme> known, Instant updated) {
        List<OpmlWriter.Listed> listed = new java.util.ArrayList<>();
        listed.add(new OpmlWriter.Listed(title(FeedItemRepository.ALL, Map.of()), urls.theme(FeedItemRepository.ALL),
                FeedItemRepository.ALL));
        known.forEach(t -> listed.add(new OpmlWriter.Listed(title(t.slug(), ThemeCatalog.titles(known)),
                urls.theme(t.slug()), t.slug())));
        byte[] bytes = opml.write(config.siteTitle() + " feeds", listed, urls::feed);
        return RenderedFeed.offHeap(bytes, "text/x-opml; charset=utf-8", updated,
                "public, max-age=" + config.cache().maxAge().toSeconds());
    }

    private FeedDocument document(String feedKey, Map<String, String> titles, FeedFormat format, List<FeedEntry> entries,
                                  Instant updated, boolean archive, String self, Optional<String> prev,
                                  Optional<String> next, Optional<Duration> ttl, List<DeletedEntry> deleted) {
        String title = title(feedKey, titles);
        String description = FeedItemRepository.ALL.equals(feedKey)
                ? "Every news item published by " + config.siteTitle()
                : "News about " + titles.getOrDefault(feedKey, feedKey) + " from " + config.siteTitle();
        return new FeedDocument(EntryMapper.feedUri(feedKey), title, description, config.siteTitle(), self,
                urls.theme(feedKey), urls.feed(feedKey, format), updated, entries, archive, prev, next, ttl, deleted,
                archive ? Optional.empty() : Optional.of(urls.hub()));
    }

    private String title(String feedKey, Map<String, String> titles) {
        return FeedItemRepository.ALL.equals(feedKey)
                ? config.siteTitle() + ": all news"
                : config.siteTitle() + ": " + titles.getOrDefault(feedKey, feedKey);
    }

    private Instant updated(String feedKey, List<FeedEntry> entries) {
        Instant updated = repository.lastChanged(feedKey).orElse(Instant.EPOCH);
        for (FeedEntry entry : entries) {
            if (entry.updated().isAfter(updated)) {
                updated = entry.updated();
            }
        }
        return updated;
    }

    private byte[] write(FeedDocument doc, FeedFormat format) {
        return switch (format) {
            case RSS -> rome.rss(doc);
            case ATOM -> rome.atom(doc);
            case JSON -> json.write(doc);
        };
    }
}
