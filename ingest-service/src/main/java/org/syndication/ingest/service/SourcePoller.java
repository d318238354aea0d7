package org.syndication.ingest.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.syndication.events.SourceRef;
import org.syndication.ingest.ItemCandidate;
import org.syndication.ingest.ItemOutcome;
import org.syndication.ingest.PublishFailedException;
import org.syndication.ingest.config.IngestConfig;
import org.syndication.ingest.feeds.FeedFetcher;
import org.syndication.ingest.feeds.FeedReadException;
import org.syndication.ingest.feeds.FeedReader;
import org.syndication.ingest.feeds.FetchException;
import org.syndication.ingest.feeds.FetchResult;
import org.syndication.ingest.feeds.ParsedFeed;
import org.syndication.ingest.feeds.UnsafeUrlException;
import org.syndication.ingest.mapping.ItemMapper;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Polls due feed sources one after the other. Each poll is bounded in time and size, and any failure is
 * recorded on its source (with backoff) without stopping the others. Validators (ETag, Last-Modified) are
 * stored only after the entries were published, so a poll that fails to publish reads the feed again next time.
 */
@ApplicationScoped
public class SourcePoller {

    /** Sources polled per scheduler tick at most. */
    static final int BATCH = 50;

    private final SourceService sources;
    private final IngestService ingest;
    private final FeedFetcher fetcher;
    private final FeedReader reader;
    private final IngestConfig config;
    private final MeterRegistry metrics;
    private final Clock clock;

    public SourcePoller(SourceService sources, IngestService ingest, FeedFetcher fetcher, IngestConfig config,
                        MeterRegistry metrics, Clock clock) {
        this.sources = sources;
        this.ingest = ingest;
        this.fetcher = fetcher;
        this.reader = new FeedReader(config.sources().maxEntityExpansions(), config.sources().maxEntitySize());
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Scheduled(identity = "poll-feed-sources", every = "${ingest.sources.poll-every:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        pollDue();
    }

    /** Polls every due source; returns how many were polled. */
    public int pollDue() {
        List<Long> due = sources.dueIds(BATCH);
        for (long id : due) {
            poll(id);
        }
        return due.size();
    }

    /** Polls one source, recording the result on it. Never throws. */
    public void poll(long id) {
        SourceService.PollTarget target = sources.pollTarget(id).orElse(null);
        if (target == null) {
            return;
        }
        long started = System.nanoTime();
        try {
            FetchResult fetched = fetcher.fetch(target.url(), target.etag(), target.lastModified());
            if (fetched.notModified()) {
                sources.pollSucceeded(id, null, 0, target.etag(), target.lastModified());
                count("not-modified");
                Log.debugf("source not modified sourceId=%d", id);
                return;
            }
            ParsedFeed feed = reader.read(fetched.body(), fetched.contentType());
            List<ItemCandidate> items = candidates(target.name(), feed);
            List<ItemOutcome> outcomes = ingest.ingest(new SourceRef(target.name(), target.url()),
                    language(feed.language()), items);
            long published = outcomes.stream().filter(ItemOutcome::published).count();
            sources.pollSucceeded(id, feed.entries().size(), published, fetched.etag(), fetched.lastModified());
            count("ok");
            Log.infof("source polled sourceId=%d format=%s entries=%d published=%d ms=%d", id, feed.format(),
                    feed.entries().size(), published, (System.nanoTime() - started) / 1_000_000);
        } catch (UnsafeUrlException | FetchException | FeedReadException e) {
            failed(id, e.getMessage());
        } catch (PublishFailedException e) {
            failed(id, "Kafka unavailable: nothing published, retried later");
        } catch (RuntimeException e) {
            Log.errorf(e, "source poll failed unexpectedly sourceId=%d", id);
            failed(id, "internal error (" + e.getClass().getSimpleName() + ")");
        }
    }

    private void failed(long id, String reason) {
        count("failed");
        Log.warnf("source poll failed sourceId=%d reason=%s", id, reason);
        try {
            sources.pollFailed(id, reason);
        } catch (RuntimeException e) {
            Log.errorf(e, "cannot record the failed poll sourceId=%d", id);
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
