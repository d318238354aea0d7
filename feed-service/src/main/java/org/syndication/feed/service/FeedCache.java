package org.syndication.feed.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.context.Scope;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.syndication.feed.ArchiveMonths;
import org.syndication.feed.FeedItemRepository;
import org.syndication.feed.Theme;
import org.syndication.feed.config.FeedConfig;
import org.syndication.feed.messaging.EventTracing;
import org.syndication.feed.render.FeedFormat;
import org.syndication.feed.render.RenderedFeed;
import org.syndication.support.concurrent.DaemonThreads;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Rendered feed documents in memory. A projection change marks feeds dirty; one render thread re-renders them a
 * few milliseconds later (so a burst renders once) and swaps the new bytes in. What it re-renders: every format of
 * {@code all} (the feed most readers poll, and the one the OPML's date comes from), and of a theme's feed the
 * documents requested since their last render; a theme document nobody asked for since is dropped instead and
 * rendered again on its next request ({@link #document}). Rendering every format of every theme on every change
 * spent most of a render's time on documents no one read before the next change (a steady stream: three feeds of
 * three formats re-rendered a few times a second, read in one format of one feed); the same state of the projection
 * still gives the same bytes, whichever instance renders them and whenever.
 * When changes came in while a render ran, the next render may wait a multiple of the time the last one took: while
 * the projection drains a backlog (its consumer's batches come full), rendering takes at most
 * {@code feed.render.backlog-share} of a core (a quarter) from the projection it renders; under a steady stream (small
 * batches) it may take more, up to a whole core when batches are small, so a feed follows within a render's time.
 * A change that arrives while nothing renders is rendered after the debounce only.
 */
@ApplicationScoped
public class FeedCache {

    /** In {@link #pending}: render every feed, not only the listed ones. */
    private static final String EVERY_FEED = "*";
    /**
     * Within a feed, Atom (the format the latency target is about) is rendered last, so whoever sees the new Atom
     * also sees the new RSS and JSON Feed of the same render.
     */
    private static final List<FeedFormat> RENDER_ORDER = List.of(FeedFormat.RSS, FeedFormat.JSON, FeedFormat.ATOM);

    private final FeedRenderService renderer;
    private final FeedConfig config;
    private final Timer renders;
    private final EventTracing tracing;
    /** Subscription documents by file name, e.g. {@code all.atom}. */
    private final Map<String, RenderedFeed> documents = new ConcurrentHashMap<>();
    /** File names of theme documents served since their last render: the next change re-renders them. */
    private final Set<String> requested = ConcurrentHashMap.newKeySet();
    /** Archive documents by path, e.g. {@code all/2026-11.atom}; rendered on first request. */
    private final Map<String, Optional<RenderedFeed>> archives = new ConcurrentHashMap<>();
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    /** How long the last render took, in nanoseconds. */
    private volatile long lastRenderTook;
    /** How full the projection's last batch was, from 0 to 1: a full one means more records wait behind it. */
    private volatile double backlog;
    private final ScheduledExecutorService executor =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("feed-render"));
    private volatile List<Theme> themes = List.of();
    private volatile Set<String> feedKeys = Set.of();
    private volatile RenderedFeed opml;
    /** When the oldest tombstone shown by each feed's subscription document expires (feeds that show one). */
    private final Map<String, Instant> tombstonesExpire = new ConcurrentHashMap<>();
    /** The month (UTC) of the last full render: a new month changes every feed's archive links. */
    private volatile YearMonth renderedMonth;
    private final Clock clock;

    public FeedCache(FeedRenderService renderer, FeedConfig config, Clock clock, MeterRegistry metrics,
                     EventTracing tracing) {
        this.tracing = tracing;
        this.renderer = renderer;
        this.config = config;
        this.clock = clock;
        this.renders = Timer.builder("feed.renders")
                .description("Renders of changed feeds (RSS, Atom and JSON Feed of each, and the OPML) and their time")
                .register(metrics);
    }

    void onStart(@Observes @Priority(10) StartupEvent event) {
        renderNow(null);
        executor.scheduleWithFixedDelay(this::expire, 1, 1, TimeUnit.MINUTES);
    }

    /**
     * Time alone changes some documents: a tombstone older than {@code feed.tombstones.keep} leaves its feeds, and
     * when a month is over it gets its archive document, so every prev-archive link may move.
     */
    void expire() {
        try {
            expireNow();
        } catch (RuntimeException e) {
            Log.errorf(e, "checking for expired tombstones failed; next check in a minute");
        }
    }

    private void expireNow() {
        Instant now = clock.instant();
        Set<String> due = new HashSet<>();
        if (!YearMonth.now(clock.withZone(ZoneOffset.UTC)).equals(renderedMonth)) {
            due.addAll(feedKeys);
        }
        tombstonesExpire.forEach((key, at) -> {
            if (!at.isAfter(now)) {
                due.add(key);
            }
        });
        if (!due.isEmpty()) {
            Log.debugf("re-rendering feeds=%s: tombstones expired or a month is over", due);
            onChange(new ProjectionChanged(due));
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        executor.shutdownNow();
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) ProjectionChanged change) {
        invalidate(change.feedKeys());
    }

    /**
     * Re-renders these feeds soon: a change this instance projected, or one another instance projected
     * ({@link FeedChangeListener}).
     */
    public void invalidate(Collection<String> feedKeys) {
        pending.addAll(feedKeys);
        if (scheduled.compareAndSet(false, true)) {
            executor.schedule(this::drain, config.render().debounce().toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /** Whether no render is waiting or running (tests wait for it before they measure). */
    public boolean idle() {
        return pending.isEmpty() && !scheduled.get();
    }

    /** Re-renders every feed soon (themes learned meanwhile included): after changes may have gone unnoticed. */
    public void invalidateAll() {
        invalidate(Set.of(EVERY_FEED));
    }

    /**
     * The projection consumed a batch of {@code records} where it takes at most {@code maxRecords} at once: how full
     * it was tells a backlog (full batches) from a steady stream (small ones).
     */
    public void projected(int records, int maxRecords) {
        backlog = Math.min(1.0, (double) records / Math.max(1, maxRecords));
    }

    /**
     * The share of a core renders may take: {@code backlogShare} while the projection's batches come full, growing
     * to all of it as they get smaller (a steady stream is not a backlog: holding its renders back only delays
     * every feed, while the projection has time to spare).
     */
    static double renderShare(double backlogShare, double backlog) {
        return backlogShare + (1 - backlogShare) * (1 - backlog);
    }

    /**
     * Delay of a render that follows another one directly: the debounce, or as long as keeps the renders to
     * {@code share} of a core (the last render's duration times (1 - share) / share).
     */
    static long backlogDelay(long debounce, long lastTook, double share) {
        return Math.max(debounce, (long) (lastTook * (1 - share) / share));
    }

    /**
     * A subscription document by file name ({@code <feed>.<format>}) as rendered so far, or null when it is not
     * (not rendered since the last change, or no such feed): never blocks, for the event loop.
     */
    public RenderedFeed cached(String fileName) {
        RenderedFeed document = documents.get(fileName);
        // a read first: the set's add locks its bin even when the name is in it, and this runs on every request
        if (document != null && !requested.contains(fileName)) {
            requested.add(fileName);
        }
        return document;
    }

    /**
     * A subscription document by file name ({@code <feed>.<format>}), rendered now if it is not in memory; null when
     * there is no such feed. Blocks on the database, so call it from a worker thread.
     */
    public RenderedFeed document(String fileName) {
        RenderedFeed document = cached(fileName);
        return document != null ? document : renderOnRequest(fileName);
    }

    /** Whether {@code fileName} names a subscription document: a feed's key and a format's extension. */
    public boolean isDocument(String fileName) {
        return documentOfAKnownFeed(fileName).isPresent();
    }

    private Optional<DocumentName> documentOfAKnownFeed(String fileName) {
        return DocumentName.parse(fileName).filter(name -> feedKeys.contains(name.feedKey()));
    }

    /** Renders one document that is not in memory, under the render thread's lock (so no older one replaces it). */
    private synchronized RenderedFeed renderOnRequest(String fileName) {
        RenderedFeed document = documents.get(fileName);
        if (document != null) {
            return document; // rendered while this request waited for the lock
        }
        Optional<DocumentName> name = documentOfAKnownFeed(fileName);
        if (name.isEmpty()) {
            return null;
        }
        render(name.get().feedKey(), List.of(name.get().format()), themes);
        requested.add(fileName);
        return documents.get(fileName);
    }

    public RenderedFeed opml() {
        return opml;
    }

    /** An archive document, rendered on first use; blocks, so call it from a worker thread. */
    public Optional<RenderedFeed> archive(String feedKey, YearMonth month, FeedFormat format) {
        if (!feedKeys.contains(feedKey)
                || !ArchiveMonths.complete(month, java.time.LocalDate.now(clock.withZone(ZoneOffset.UTC)))) {
            return Optional.empty(); // not cached: the month gets its archive once it is over
        }
        return archives.computeIfAbsent(feedKey + "/" + month + "." + format.extension(),
                k -> renderer.archive(feedKey, month, format));
    }

    public boolean isFeed(String feedKey) {
        return feedKeys.contains(feedKey);
    }

    /** {@code all} and every theme slug. */
    public List<String> validFeeds() {
        List<String> valid = new ArrayList<>();
        valid.add(FeedItemRepository.ALL);
        themes.forEach(t -> valid.add(t.slug()));
        return valid;
    }

    /** Re-renders the pending feeds now (the render thread's job; tests and the rebuild call it too). */
    public synchronized void renderNow(Set<String> only) {
        long started = System.nanoTime();
        YearMonth month = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        List<Theme> known = renderer.themes();
        Set<String> keys = new HashSet<>();
        keys.add(FeedItemRepository.ALL);
        known.forEach(t -> keys.add(t.slug()));
        boolean themesChanged = !keys.equals(feedKeys);
        themes = known;
        feedKeys = Set.copyOf(keys);
        boolean monthChanged = !month.equals(renderedMonth);
        Set<String> targets = only == null || themesChanged || monthChanged ? keys : only;
        if (themesChanged) {
            // a feed that is gone (its theme no longer known, e.g. after a rebuild) keeps no documents
            documents.keySet().removeIf(file -> documentOfAKnownFeed(file).isEmpty());
        }
        List<String> ordered = new ArrayList<>();
        if (targets.contains(FeedItemRepository.ALL)) {
            ordered.add(FeedItemRepository.ALL);
        }
        targets.stream().filter(k -> keys.contains(k) && !FeedItemRepository.ALL.equals(k)).forEach(ordered::add);
        // `all` first: the feed readers poll most is swapped in soonest
        int rendered = 0;
        for (String key : ordered) {
            List<FeedFormat> formats = wanted(key);
            render(key, formats, known);
            rendered += formats.size();
        }
        for (String key : ordered) {
            archives.keySet().removeIf(path -> path.startsWith(key + "/"));
        }
        Instant newest = documents.values().stream().map(RenderedFeed::lastModified)
                .max(Instant::compareTo).orElse(Instant.EPOCH);
        opml = renderer.opml(known, newest);
        renderedMonth = month;
        lastRenderTook = System.nanoTime() - started;
        renders.record(lastRenderTook, TimeUnit.NANOSECONDS);
        Log.infof("rendered feeds=%d documents=%d in %d ms", targets.size(), rendered, lastRenderTook / 1_000_000);
    }

    /**
     * The formats of a feed to render again after a change: every one of {@code all}; of a theme, those served since
     * their last render. The others are dropped, to be rendered on their next request.
     */
    private List<FeedFormat> wanted(String feedKey) {
        List<FeedFormat> wanted = new ArrayList<>();
        for (FeedFormat format : RENDER_ORDER) {
            String file = DocumentName.of(feedKey, format);
            if (FeedItemRepository.ALL.equals(feedKey) || requested.remove(file)) {
                wanted.add(format);
            } else {
                documents.remove(file);
            }
        }
        return wanted;
    }

    /** Renders these formats of one feed from one snapshot of the projection (none: nothing is read). */
    private void render(String feedKey, List<FeedFormat> formats, List<Theme> known) {
        if (formats.isEmpty()) {
            tombstonesExpire.remove(feedKey);
            return;
        }
        FeedRenderService.Snapshot snapshot = renderer.snapshot(feedKey, known);
        snapshot.deleted().stream().map(d -> d.when().plus(config.tombstones().keep())).min(Instant::compareTo)
                .ifPresentOrElse(at -> tombstonesExpire.put(feedKey, at), () -> tombstonesExpire.remove(feedKey));
        for (FeedFormat format : formats) {
            documents.put(DocumentName.of(feedKey, format), renderer.subscription(snapshot, format));
        }
    }

    /** The file name of a subscription document: {@code <feed key>.<format extension>}. */
    record DocumentName(String feedKey, FeedFormat format) {

        static String of(String feedKey, FeedFormat format) {
            return feedKey + "." + format.extension();
        }

        static Optional<DocumentName> parse(String fileName) {
            int dot = fileName.lastIndexOf('.');
            if (dot <= 0) {
                return Optional.empty();
            }
            return FeedFormat.ofExtension(fileName.substring(dot + 1))
                    .map(format -> new DocumentName(fileName.substring(0, dot), format));
        }
    }

    private void drain() {
        Set<String> keys = new HashSet<>();
        for (Iterator<String> it = pending.iterator(); it.hasNext(); ) {
            keys.add(it.next());
            it.remove();
        }
        long next;
        try {
            if (keys.contains(EVERY_FEED)) {
                try (Scope span = tracing.rendering(keys.size())) {
                    renderNow(null);
                }
            } else if (!keys.isEmpty()) {
                try (Scope span = tracing.rendering(keys.size())) {
                    renderNow(keys);
                }
            }
            next = backlogDelay(config.render().debounce().toNanos(), lastRenderTook,
                    renderShare(config.render().backlogShare(), backlog));
        } catch (RuntimeException e) {
            Log.errorf(e, "render failed feeds=%s; retrying", keys);
            pending.addAll(keys);
            next = TimeUnit.SECONDS.toNanos(1);
        }
        scheduled.set(false);
        // changes that came in meanwhile wait for the next run; one that arrives after this line schedules itself
        if (!pending.isEmpty() && scheduled.compareAndSet(false, true)) {
            executor.schedule(this::drain, next, TimeUnit.NANOSECONDS);
        }
    }
}
