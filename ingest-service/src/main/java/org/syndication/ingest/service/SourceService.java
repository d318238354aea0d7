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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Registered sources (feeds and listing pages) and the bookkeeping of their polls. */
@ApplicationScoped
public class SourceService {

    /** A registration: {@code created} is false when the URL was already registered. */
    public record Registration(FeedSource source, boolean created) {
    }

    /**
     * What a poll needs to know of a source, read outside the fetch.
     *
     * @param pollUrl the address fetched: the registered URL, or the feed its page advertised
     * @param kind    null until the first successful read decided it
     */
    public record PollTarget(long id, String url, String pollUrl, String name, String etag, String lastModified,
                             FeedSource.Kind kind) {
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
        Log.infof("source registered sourceId=%d name=%s intervalSeconds=%d", source.id, sourceName,
                source.intervalSeconds);
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

    /**
     * Deletes a source. What it published stays published (and in the dedup ledger): registering the URL again
     * publishes only items not seen before.
     */
    @Transactional
    public void delete(long id) {
        FeedSource source = sources.findByIdOptional(id).orElseThrow(() -> new SourceNotFoundException(id));
        sources.delete(source);
        Log.infof("source deleted sourceId=%d", id);
    }

    /**
     * Claims the sources due now, the longest-waiting first, with what their polls need; in a transaction of its
     * own, so the state (validators of the last poll) is fresh, not a cached copy. A claimed source is due again
     * only after {@code ingest.sources.claim-lease} (the poll's outcome sets its real next poll), so with several
     * instances each due source is polled by one of them ({@code FOR UPDATE SKIP LOCKED}, no leader).
     */
    @Transactional
    public List<PollTarget> dueTargets(int limit) {
        Instant now = clock.instant();
        List<Long> claimed = sources.claimDue(now, now.plus(config.sources().claimLease()), limit);
        if (claimed.isEmpty()) {
            return List.of();
        }
        Map<Long, FeedSource> byId = new HashMap<>();
        sources.list("id in ?1", claimed).forEach(s -> byId.put(s.id, s));
        return claimed.stream().map(byId::get).filter(Objects::nonNull)
                .map(s -> new PollTarget(s.id, s.url, s.pollUrl(), s.name, s.etag, s.lastModified, s.kind))
                .toList();
    }

    /** Hands claimed sources that this instance will not poll now back: due at once, for any instance. */
    @Transactional
    public void release(List<Long> ids) {
        sources.release(ids, clock.instant());
    }

    /**
     * Records a successful poll; {@code reading} is null when the document was not modified (304).
     *
     * @return whether the source became degraded with this poll
     */
    @Transactional
    public boolean pollSucceeded(long id, FeedSource.Reading reading, long published, String etag, String lastModified,
                                 int httpStatus) {
        return sources.findByIdOptional(id).map(s -> {
            boolean before = s.degraded();
            s.pollSucceeded(reading, published, etag, lastModified, httpStatus, now());
            return !before && s.degraded();
        }).orElse(false);
    }

    /** Records a failed poll: {@code retryAfter} (may be null) is what the server asked for. */
    @Transactional
    public void pollFailed(long id, String error, Integer httpStatus, Duration retryAfter) {
        sources.findByIdOptional(id)
                .ifPresent(s -> s.pollFailed(error, httpStatus, retryAfter, config.sources().maxBackoff(), now()));
    }

    /** Not polled now (its host is not to be asked yet): due again at {@code until}, no failure counted. */
    @Transactional
    public void deferred(long id, Instant until) {
        sources.findByIdOptional(id).ifPresent(s -> s.deferred(until));
    }

    /** Page sources flagged degraded (for the gauge). */
    @Transactional
    public long countDegraded() {
        return sources.countDegraded(FeedSource.DEGRADED_AFTER);
    }

    private Instant now() {
        return clock.instant();
    }
}
