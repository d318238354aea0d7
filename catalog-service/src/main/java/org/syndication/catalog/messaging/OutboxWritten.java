package org.syndication.catalog.messaging;

/** CDI event: an outbox row was written; observed after the commit to wake the relay. */
public record OutboxWritten(String aggregateId) {
}
