package org.syndication.support.messaging;

import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * The outbox settings of a service, a group of its {@code @ConfigMapping} ({@code catalog.outbox.*},
 * {@code feed.outbox.*}): the same keys and defaults in both.
 */
public interface OutboxConfig {

    /** Whether this instance runs the relay (rows are still written when false, and published by another instance). */
    @WithDefault("true")
    boolean enabled();

    /** Rows published per relay transaction. */
    @WithDefault("1000")
    int batchSize();

    /** How long the relay waits for Kafka to acknowledge a batch before it retries later. */
    @WithDefault("10s")
    Duration sendTimeout();

    /** Periodic sweep for rows left unpublished (e.g. after a crash); commits also wake the relay at once. */
    @WithDefault("2s")
    Duration sweepInterval();

    /** Published rows older than this are deleted by the sweep (the database keeps the state they announced). */
    @WithDefault("7d")
    Duration retention();
}
