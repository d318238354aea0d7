package org.syndication.ingest.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.syndication.events.SourceRef;
import org.syndication.ingest.DocumentDecoder;
import org.syndication.ingest.FeedSource;
import org.syndication.ingest.ItemCandidate;
import org.syndication.ingest.ItemOutcome;
import org.syndication.ingest.PublishFailedException;
import org.syndication.ingest.UndecodableDocumentException;
import org.syndication.ingest.config.IngestConfig;
import org.syndication.ingest.feeds.FeedDiscovery;
import org.syndication.ingest.feeds.FeedReadException;
import org.syndication.ingest.feeds.FeedReader;
import org.syndication.ingest.feeds.FetchException;
import org.syndication.ingest.feeds.FetchResult;
import org.syndication.ingest.feeds.HostDeferredException;
import org.syndication.ingest.feeds.JsonFeedReader;
import org.syndication.ingest.feeds.ParsedFeed;
import org.syndication.ingest.feeds.PoliteFetcher;
import org.syndication.ingest.feeds.UnsafeUrlException;
import org.syndication.ingest.mapping.ItemMapper;
import org.syndication.ingest.parse.DocumentSplitter;
import org.syndication.ingest.parse.PageReading;
import org.syndication.support.concurrent.DaemonThreads;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Polls due sources: hosts at the same time on a bounded pool ({@code ingest.sources.concurrency}), the sources of
 * one host one after another (and every request through {@link PoliteFetcher}), so a slow or timing-out host delays
 * only its own sources. A document is read as a feed (RSS, Atom, JSON Feed) or, for an HTML page, first checked for
 * an advertised feed (read instead, the source then says so) and otherwise read with the page reader. Items go
 * through the same dedup ledger and transactional publish as posted documents; items that leave a page are not
 * withdrawn. Any failure is recorded on its source (with backoff) without stopping the others. Validators (ETag,
 * Last-Modified) are stored only after the items were published, so a poll that fails to publish reads again.
 * Due sources are claimed in the database ({@link SourceService#dueTargets}), so with several instances each due
 * source is polled once per interval, by whichever instance claimed it.
 */
@ApplicationScoped
public class SourcePoller {

    /** Sources taken per scheduler tick at most. */
    static final int BATCH = 50;

    private static final Pattern CHARSET = Pattern.compile("charset\\s*=\\s*\"?([^\";\\s]+)", Pattern.CASE_INSENSITIVE);
    private static final String DEGRADED_GAUGE = "ingest.sources.degraded";
    private static final Pattern FEED_ROOT = Pattern.compile("<(rss|feed|rdf:RDF|Channel)[\\s>]");

    /** What one read of a source gave. */
    private record Read(FeedSource.Reading reading, List<ItemCandidate> items, String language, String etag,
                        String lastModified) {
    }

    private final SourceService sources;
    private final IngestService ingest;
    private final PoliteFetcher fetcher;
    private final FeedReader xmlReader;
    private final JsonFeedReader jsonReader;
    private final DocumentSplitter splitter = new DocumentSplitter();
    private final IngestConfig config;
    private final MeterRegistry metrics;
    private final Clock clock;
    private final ExecutorService pool;
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    private final Set<String> busyHosts = ConcurrentHashMap.newKeySet();
    private final AtomicLong degraded = new AtomicLong();
    private final Counter becameDegraded;

    public SourcePoller(SourceService sources, IngestService ingest, PoliteFetcher fetcher, IngestConfig config,
                        MeterRegistry metrics, Clock clock) {
        this.sources = sources;
        this.ingest = ingest;
        this.fetcher = fetcher;
        this.xmlReader = new FeedReader(config.sources().maxEntityExpansions(), config.sources().maxEntitySize());
        this.jsonReader = new JsonFeedReader(config.sources().maxFeedSize().asLongValue());
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
        this.pool = Executors.newFixedThreadPool(Math.max(1, config.sources().concurrency()),
                DaemonThreads.numbered("source-poller"));
        // a gauge an earlier instance left in a shared registry (the tests restart the application in one JVM) would
        // still watch that instance's counter: replaced, and held strongly so that a collection never drops it
        metrics.find(DEGRADED_GAUGE).gauges().forEach(metrics::remove);
        Gauge.builder(DEGRADED_GAUGE, degraded, AtomicLong::get)
                .strongReference(true)
                .description("Page sources whose last " + FeedSource.DEGRADED_AFTER + " reads found no item "
                        + "(the site probably changed its layout)")
                .register(metrics);
        this.becameDegraded = Counter.builder("ingest.source.degraded")
                .description("Times a page source became degraded")
                .register(metrics);
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    @Scheduled(identity = "poll-feed-sources", every = "${ingest.sources.poll-every:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        dispatch();
    }

    /** Polls every due source and waits until those polls are done; returns how many were polled. */
    public int pollDue() {
        return dispatch().join();
    }

    /**
     * Starts polling the due sources whose host is not being polled already, one task per host on the pool, and
     * returns at once: the future completes (with the number of sources) when those polls are done.
     */
    public CompletableFuture<Integer> dispatch() {
        Map<String, List<SourceService.PollTarget>> byHost = new LinkedHashMap<>();
        List<Long> notNow = new ArrayList<>();
        for (SourceService.PollTarget target : sources.dueTargets(BATCH)) {
            if (!inFlight.contains(target.id())) {
                byHost.computeIfAbsent(hostOf(target), h -> new ArrayList<>()).add(target);
            } else {
                notNow.add(target.id());
            }
        }
        List<CompletableFuture<Void>> tasks = new ArrayList<>();
        int started = 0;
        for (Map.Entry<String, List<SourceService.PollTarget>> host : byHost.entrySet()) {
            if (!busyHosts.add(host.getKey())) {
                // still busy from an earlier tick: its sources are handed back and stay due
                host.getValue().forEach(t -> notNow.add(t.id()));
                continue;
            }
            List<SourceService.PollTarget> targets = host.getValue();
            targets.forEach(t -> inFlight.add(t.id()));
            started += targets.size();
            tasks.add(CompletableFuture.runAsync(() -> {
                try {
                    targets.forEach(this::poll);
                } finally {
                    targets.forEach(t -> inFlight.remove(t.id()));
                    busyHosts.remove(host.getKey());
                }
            }, pool));
        }
        if (!notNow.isEmpty()) {
            try {
                sources.release(notNow);
            } catch (RuntimeException e) {
                // they stay claimed until the lease ends, then due again
                Log.errorf(e, "cannot hand back sources not polled now count=%d", notNow.size());
            }
        }
        int count = started;
        return CompletableFuture.allOf(tasks.toArray(CompletableFuture[]::new)).handle((ok, error) -> {
            refreshDegraded();
            return count;
        });
    }

    private static String hostOf(SourceService.PollTarget target) {
        try {
            return PoliteFetcher.hostKey(URI.create(target.pollUrl()));
        } catch (IllegalArgumentException e) {
            return "unparsable:" + target.id(); // fails on its own in poll()
        }
    }

    private void refreshDegraded() {
        try {
            degraded.set(sources.countDegraded());
        } catch (RuntimeException e) {
            Log.warnf("cannot count degraded sources: %s", e.getClass().getSimpleName());
        }
    }

    /** Polls one source, recording the result on it. Never throws. */
    void poll(SourceService.PollTarget target) {
        long id = target.id();
        long started = System.nanoTime();
        try {
            FetchResult fetched = fetcher.fetch(target.pollUrl(), target.etag(), target.lastModified());
            if (fetched.notModified()) {
                sources.pollSucceeded(id, null, 0, target.etag(), target.lastModified(), 304);
                count("not-modified");
                Log.debugf("source not modified sourceId=%d", id);
                return;
            }
            Read read = read(target, fetched);
            List<ItemOutcome> outcomes = ingest.ingest(new SourceRef(target.name(), target.url()), read.language(),
                    read.items());
            long published = outcomes.stream().filter(ItemOutcome::published).count();
            if (sources.pollSucceeded(id, read.reading(), published, read.etag(), read.lastModified(), 200)) {
                becameDegraded.increment();
                Log.warnf("page source degraded sourceId=%d: its last %d reads found no item", id,
                        FeedSource.DEGRADED_AFTER);
            }
            count("ok");
            Log.infof("source polled sourceId=%d kind=%s format=%s items=%d published=%d ms=%d", id,
                    read.reading().kind(), read.reading().format(), read.items().size(), published,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (HostDeferredException e) {
            count("deferred");
            Log.debugf("source deferred sourceId=%d until=%s", id, e.until());
            record(() -> sources.deferred(id, e.until()), id);
        } catch (FetchException e) {
            failed(id, e.getMessage(), e.status(), e);
        } catch (UnsafeUrlException | FeedReadException | UndecodableDocumentException e) {
            failed(id, e.getMessage(), null, null);
        } catch (PublishFailedException e) {
            failed(id, "Kafka unavailable: nothing published, retried later", null, null);
        } catch (RuntimeException e) {
            Log.errorf(e, "source poll failed unexpectedly sourceId=%d", id);
            failed(id, "internal error (" + e.getClass().getSimpleName() + ")", null, null);
        }
    }

    /**
     * The document as items: a feed, or a page. A page that advertises a feed, read for the first time, is read
     * through that feed from now on; a source once read as a feed stays a feed.
     */
    private Read read(SourceService.PollTarget target, FetchResult fetched) {
        byte[] body = fetched.body();
        String type = fetched.contentType();
        Optional<ParsedFeed> feed = asFeed(body, type, fetched.finalUrl());
        if (feed.isPresent()) {
            return feedRead(target, feed.get(), null, fetched);
        }
        if (target.kind() == FeedSource.Kind.FEED) {
            throw new FeedReadException("not an RSS, Atom or JSON feed any more (the source was read as a feed)", null);
        }
        boolean html = type == null || type.toLowerCase(Locale.ROOT).contains("html");
        String text = decode(body, type, html);
        String pageUrl = fetched.finalUrl().toString();
        if (target.kind() == null && html) {
            Optional<String> advertised = FeedDiscovery.feedOf(text, pageUrl).filter(url -> !url.equals(pageUrl));
            if (advertised.isPresent()) {
                FetchResult feedFetched = fetcher.fetch(advertised.get(), null, null);
                ParsedFeed advertisedFeed = asFeed(feedFetched.body(), feedFetched.contentType(),
                        feedFetched.finalUrl()).orElseThrow(() -> new FeedReadException(
                        "the page advertises a feed at " + advertised.get() + " that is not RSS, Atom or JSON Feed", null));
                Log.infof("source reads the feed its page advertises sourceId=%d", target.id());
                return feedRead(target, advertisedFeed, advertised.get(), feedFetched);
            }
        }
        PageReading reading = splitter.preview(text, html, pageUrl);
        List<ItemCandidate> items = reading.items().stream()
                .map(draft -> ItemMapper.fromDraft(target.name(), draft, pageUrl))
                .toList();
        return new Read(new FeedSource.Reading(FeedSource.Kind.PAGE, html ? "html" : "text", null, items.size(),
                reading.layout()), items, config.defaultLanguage(), fetched.etag(), fetched.lastModified());
    }

    private Read feedRead(SourceService.PollTarget target, ParsedFeed feed, String fetchUrl, FetchResult fetched) {
        List<ItemCandidate> items = candidates(target.name(), feed);
        return new Read(new FeedSource.Reading(FeedSource.Kind.FEED, feed.format(), fetchUrl, feed.entries().size(),
                null), items, language(feed.language()), fetched.etag(), fetched.lastModified());
    }

    /** A JSON Feed, or an XML feed (by media type or by its root element); empty for anything else (a page). */
    private Optional<ParsedFeed> asFeed(byte[] body, String type, URI at) {
        if (JsonFeedReader.looksLikeJsonFeed(body, type)) {
            return Optional.of(jsonReader.read(body, at));
        }
        String media = type == null ? "" : type.toLowerCase(Locale.ROOT);
        if (media.contains("html")) {
            return Optional.empty();
        }
        boolean xml = media.contains("xml")
                || FEED_ROOT.matcher(new String(body, 0, Math.min(body.length, 2048), StandardCharsets.ISO_8859_1)).find();
        return xml ? Optional.of(xmlReader.read(body, type)) : Optional.empty();
    }

    /** The page's text: the charset the server declared, or (when that one is wrong) what the bytes say. */
    private static String decode(byte[] body, String type, boolean html) {
        String charset = null;
        if (type != null) {
            Matcher m = CHARSET.matcher(type);
            charset = m.find() ? m.group(1) : null;
        }
        if (charset != null) {
            try {
                return DocumentDecoder.decode(body, charset, html).text();
            } catch (UndecodableDocumentException e) {
                // a declared charset that does not fit the bytes is common on the web: read them as a browser would
            }
        }
        return DocumentDecoder.decode(body, null, html).text();
    }

    private void failed(long id, String reason, Integer status, FetchException fetch) {
        count("failed");
        Log.warnf("source poll failed sourceId=%d reason=%s", id, reason);
        record(() -> sources.pollFailed(id, reason, status, fetch == null ? null : fetch.retryAfter()), id);
    }

    private static void record(Runnable bookkeeping, long id) {
        try {
            bookkeeping.run();
        } catch (RuntimeException e) {
            Log.errorf(e, "cannot record the poll sourceId=%d", id);
        }
    }

    /** Entries as items; entries with the same id (a feed repeating a guid) count once, the first one kept. */
    private List<ItemCandidate> candidates(String source, ParsedFeed feed) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Map<String, ItemCandidate> byId = new LinkedHashMap<>();
        feed.entries().forEach(entry -> ItemMapper.fromFeedEntry(source, entry, today)
                .ifPresent(item -> byId.putIfAbsent(item.itemId(), item)));
        return List.copyOf(byId.values());
    }

    private String language(String declared) {
        if (declared == null || declared.isBlank()) {
            return config.defaultLanguage();
        }
        String tag = Locale.forLanguageTag(declared.strip().replace('_', '-')).toLanguageTag();
        return tag.equals("und") ? config.defaultLanguage() : tag;
    }

    private void count(String outcome) {
        metrics.counter("ingest.source.polls", "outcome", outcome.toLowerCase(Locale.ROOT)).increment();
    }
}
