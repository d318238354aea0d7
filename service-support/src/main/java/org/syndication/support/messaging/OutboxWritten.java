package org.syndication.support.messaging;

/**
 * CDI event: an outbox row was written; observed after the commit ({@code TransactionPhase.AFTER_SUCCESS}) to wake
 * the {@link OutboxRelay}.
 */
public record OutboxWritten(String aggregateId) {
}
