package org.syndication.ingest;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;

/**
 * A registered source and the health of its polling: a feed (RSS, Atom, JSON Feed, or the feed a page advertises)
 * or a listing page read with the page reader. Its kind is decided by its first successful read.
 */
@Entity
@Table(name = "feed_source")
public class FeedSource {

    /** Longest last error kept (the column is 500). */
    static final int MAX_ERROR = 500;

    /** Successful reads in a row without an item after which a page source is {@link #degraded()}. */
    public static final int DEGRADED_AFTER = 3;

    /** What a source is read as. */
    public enum Kind {
        /** RSS, Atom or JSON Feed (possibly found through a page's {@code <link rel="alternate">}). */
        FEED,
        /** A listing page read with the page reader. */
        PAGE
    }

    /**
     * What one read of a source found.
     *
     * @param fetchUrl the address read when it differs from the registered one (the feed a page advertises), or null
     * @param layout   the layout the page reader inferred (pages only), or null
     */
    public record Reading(Kind kind, String format, String fetchUrl, int itemsFound, String layout) {
    }

    /** Where a source stands after its last poll. */
    public enum Status {
        /** Registered, not polled yet. */
        PENDING,
        /** The last poll read the feed (or got 304). */
        OK,
        /** The last poll failed; it is retried with backoff. */
        FAILING
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "url", nullable = false, unique = true, length = 2048)
    public String url;

    @Column(name = "name", nullable = false, length = 200)
    public String name;

    @Column(name = "interval_seconds", nullable = false)
    public int intervalSeconds;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    public Status status;

    @Column(name = "last_error", length = MAX_ERROR)
    public String lastError;

    @Column(name = "consecutive_failures", nullable = false)
    public int consecutiveFailures;

    @Column(name = "items_read", nullable = false)
    public int itemsRead;

    @Column(name = "items_published", nullable = false)
    public long itemsPublished;

    @Column(name = "etag", length = 500)
    public String etag;

    @Column(name = "last_modified", length = 100)
    public String lastModified;

    @Column(name = "last_polled_at")
    public Instant lastPolledAt;

    @Column(name = "last_success_at")
    public Instant lastSuccessAt;

    @Column(name = "next_poll_at", nullable = false)
    public Instant nextPollAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Null until the first successful read. */
    @Enumerated(EnumType.STRING)
    @Column(name = "kind", length = 10)
    public Kind kind;

    /** The feed found on the registered page, or null. */
    @Column(name = "fetch_url", length = 2048)
    public String fetchUrl;

    @Column(name = "format", length = 20)
    public String format;

    @Column(name = "last_http_status")
    public Integer lastHttpStatus;

    @Column(name = "layout", length = 300)
    public String layout;

    @Column(name = "empty_reads", nullable = false)
    public int emptyReads;

    protected FeedSource() {
        // for JPA
    }

    public FeedSource(String url, String name, Duration interval, Instant now) {
        this.url = url;
        this.name = name;
        this.intervalSeconds = (int) interval.toSeconds();
        this.status = Status.PENDING;
        this.nextPollAt = now;
        this.createdAt = now;
    }

    /**
     * A successful poll: {@code reading} is what the document held, or null when it was not modified (304, then
     * the last counts and validators stay).
     */
    public void pollSucceeded(Reading reading, long published, String newEtag, String newLastModified, int httpStatus,
                              Instant now) {
        status = Status.OK;
        lastError = null;
        consecutiveFailures = 0;
        lastHttpStatus = httpStatus;
        if (reading != null) {
            kind = reading.kind();
            format = truncate(reading.format(), 20);
            if (reading.fetchUrl() != null) {
                fetchUrl = reading.fetchUrl();
            }
            layout = truncate(reading.layout(), 300);
            itemsRead = reading.itemsFound();
            emptyReads = reading.itemsFound() == 0 ? emptyReads + 1 : 0;
            etag = truncate(newEtag, 500);
            lastModified = truncate(newLastModified, 100);
        }
        itemsPublished += published;
        lastPolledAt = now;
        lastSuccessAt = now;
        nextPollAt = now.plusSeconds(intervalSeconds);
    }

    /**
     * A failed poll: the next one waits the interval times 2^(failures - 1), at most {@code maxBackoff} (or the
     * interval, when that is longer), and at least what the server asked for ({@code retryAfter}, may be null).
     */
    public void pollFailed(String error, Integer httpStatus, Duration retryAfter, Duration maxBackoff, Instant now) {
        status = Status.FAILING;
        lastError = truncate(error, MAX_ERROR);
        lastHttpStatus = httpStatus;
        consecutiveFailures++;
        lastPolledAt = now;
        long factor = 1L << Math.min(consecutiveFailures - 1, 20);
        long cap = Math.max(maxBackoff.toSeconds(), intervalSeconds);
        long wait = Math.min((long) intervalSeconds * factor, cap);
        if (retryAfter != null) {
            wait = Math.max(wait, retryAfter.toSeconds());
        }
        nextPollAt = now.plusSeconds(wait);
    }

    /** Not fetched now (the host asked us to wait, or its crawl delay is long): due again at {@code until}. */
    public void deferred(Instant until) {
        nextPollAt = until;
    }

    /** A page source whose last {@link #DEGRADED_AFTER} reads found no item: the site probably changed its layout. */
    public boolean degraded() {
        return kind == Kind.PAGE && emptyReads >= DEGRADED_AFTER;
    }

    /** Makes the source due now (after a change of its settings, or on request). */
    public void dueNow(Instant now) {
        nextPollAt = now;
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    /** The address polled: the advertised feed when the registered page pointed to one, else the registered URL. */
    public String pollUrl() {
        return fetchUrl != null ? fetchUrl : url;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof FeedSource other && id != null && id.equals(other.id));
    }

    @Override
    public int hashCode() {
        return FeedSource.class.hashCode();
    }
}
