package org.syndication.ingest.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.syndication.ingest.FeedSource;
import org.syndication.ingest.FeedSourceRepository;
import org.syndication.ingest.InvalidRequestException;
import org.syndication.ingest.SourceNotFoundException;
import org.syndication.ingest.config.IngestConfig;
import org.syndication.ingest.feeds.UrlGuard;
import org.syndication.ingest.parse.ItemIdentity;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Registered feed sources and the bookkeeping of their polls. */
@ApplicationScoped
public class SourceService {

    /** A registration: {@code created} is false when the URL was already registered. */
    public record Registration(FeedSource source, boolean created) {
    }

    /** What a poll needs to know of a source, read outside the fetch. */
    public record PollTarget(long id, String url, String name, String etag, String lastModified) {
    }

    private final FeedSourceRepository sources;
    private final UrlGuard guard;
    private final IngestConfig config;
    private final Clock clock;

    public SourceService(FeedSourceRepository sources, UrlGuard guard, IngestConfig config, Clock clock) {
        this.sources = sources;
        this.guard = guard;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Registers a source (idempotent by URL), due for its first poll now.
     *
     * @throws org.syndication.ingest.feeds.UnsafeUrlException when the URL is refused
     */
    @Transactional
    public Registration register(String url, String name, Integer intervalSeconds) {
        URI uri = guard.check(url);
        String normalised = uri.toString();
        Optional<FeedSource> existing = sources.findByUrl(normalised);
        if (existing.isPresent()) {
            return new Registration(existing.get(), false);
        }
        Duration interval = interval(intervalSeconds);
        String sourceName = ItemIdentity.canonicalSource(name == null || name.isBlank() ? uri.getHost() : name);
        if (sourceName.isEmpty() || sourceName.length() > DocumentService.MAX_SOURCE) {
            throw new InvalidRequestException("'name' must hold letters or digits, at most "
                    + DocumentService.MAX_SOURCE + " characters");
        }
        FeedSource source = new FeedSource(normalised, sourceName, interval, clock.instant());
        sources.persist(source);
        Log.infof("source registered sourceId=%d name=%s intervalSeconds=%d", source.id(), sourceName,
                source.intervalSeconds());
        return new Registration(source, true);
    }

    private Duration interval(Integer seconds) {
        if (seconds == null) {
            return config.sources().defaultInterval();
        }
        Duration interval = Duration.ofSeconds(seconds);
        if (interval.compareTo(config.sources().minInterval()) < 0 || seconds > Duration.ofDays(7).toSeconds()) {
            throw new InvalidRequestException("'intervalSeconds' must be between "
                    + config.sources().minInterval().toSeconds() + " and " + Duration.ofDays(7).toSeconds());
        }
        return interval;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<FeedSource> list() {
        return sources.listAllById();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public FeedSource get(long id) {
        return sources.findByIdOptional(id).orElseThrow(() -> new SourceNotFoundException(id));
    }

    /** In a transaction of its own: fresh state, not a request-scoped session's cached copy. */
    @Transactional
    public List<Long> dueIds(int limit) {
        return sources.dueIds(clock.instant(), limit);
    }

    /** In a transaction of its own: the validators stored by the last poll, not a cached copy. */
    @Transactional
    public Optional<PollTarget> pollTarget(long id) {
        return sources.findByIdOptional(id)
                .map(s -> new PollTarget(s.id(), s.url(), s.name(), s.etag(), s.lastModified()));
    }

    /** Records a successful poll; {@code itemsInFeed} is null when the feed was not modified (304). */
    @Transactional
    public void pollSucceeded(long id, Integer itemsInFeed, long published, String etag, String lastModified) {
        sources.findByIdOptional(id).ifPresent(s -> s.pollSucceeded(itemsInFeed, published, etag, lastModified, now()));
    }

    @Transactional
    public void pollFailed(long id, String error) {
        sources.findByIdOptional(id).ifPresent(s -> s.pollFailed(error, config.sources().maxBackoff(), now()));
    }

    /** Makes every source due now (used on request, and by tests). */
    @Transactional
    public void allDueNow() {
        Instant now = now();
        sources.listAll().forEach(s -> s.dueNow(now));
    }

    private Instant now() {
        return clock.instant();
    }
}
