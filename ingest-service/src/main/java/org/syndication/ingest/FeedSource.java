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

/** A registered RSS/Atom source and the state of its polling. */
@Entity
@Table(name = "feed_source")
public class FeedSource {

    /** Longest last error kept (the column is 500). */
    static final int MAX_ERROR = 500;

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
    private Long id;

    @Column(name = "url", nullable = false, unique = true, length = 2048)
    private String url;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "interval_seconds", nullable = false)
    private int intervalSeconds;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private Status status;

    @Column(name = "last_error", length = MAX_ERROR)
    private String lastError;

    @Column(name = "consecutive_failures", nullable = false)
    private int consecutiveFailures;

    @Column(name = "items_read", nullable = false)
    private int itemsRead;

    @Column(name = "items_published", nullable = false)
    private long itemsPublished;

    @Column(name = "etag", length = 500)
    private String etag;

    @Column(name = "last_modified", length = 100)
    private String lastModified;

    @Column(name = "last_polled_at")
    private Instant lastPolledAt;

    @Column(name = "last_success_at")
    private Instant lastSuccessAt;

    @Column(name = "next_poll_at", nullable = false)
    private Instant nextPollAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

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

    /** A poll that read the feed ({@code itemsInFeed} entries) or found it unchanged ({@code itemsInFeed} null). */
    public void pollSucceeded(Integer itemsInFeed, long published, String newEtag, String newLastModified, Instant now) {
        status = Status.OK;
        lastError = null;
        consecutiveFailures = 0;
        if (itemsInFeed != null) {
            itemsRead = itemsInFeed;
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
     * interval, when that is longer).
     */
    public void pollFailed(String error, Duration maxBackoff, Instant now) {
        status = Status.FAILING;
        lastError = truncate(error, MAX_ERROR);
        consecutiveFailures++;
        lastPolledAt = now;
        long factor = 1L << Math.min(consecutiveFailures - 1, 20);
        long cap = Math.max(maxBackoff.toSeconds(), intervalSeconds);
        nextPollAt = now.plusSeconds(Math.min((long) intervalSeconds * factor, cap));
    }

    /** Makes the source due now (after a change of its settings, or on request). */
    public void dueNow(Instant now) {
        nextPollAt = now;
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    public Long id() {
        return id;
    }

    public String url() {
        return url;
    }

    public String name() {
        return name;
    }

    public int intervalSeconds() {
        return intervalSeconds;
    }

    public Status status() {
        return status;
    }

    public String lastError() {
        return lastError;
    }

    public int consecutiveFailures() {
        return consecutiveFailures;
    }

    public int itemsRead() {
        return itemsRead;
    }

    public long itemsPublished() {
        return itemsPublished;
    }

    public String etag() {
        return etag;
    }

    public String lastModified() {
        return lastModified;
    }

    public Instant lastPolledAt() {
        return lastPolledAt;
    }

    public Instant lastSuccessAt() {
        return lastSuccessAt;
    }

    public Instant nextPollAt() {
        return nextPollAt;
    }

    public Instant createdAt() {
        return createdAt;
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
