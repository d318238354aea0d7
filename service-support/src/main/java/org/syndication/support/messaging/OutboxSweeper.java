package org.syndication.support.messaging;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

import java.time.Clock;

/**
 * Periodic work of an outbox: wakes the relay (the first sweep after a restart publishes what a crashed instance
 * left behind) and deletes published rows past their retention. The service schedules both ({@code @Scheduled} in
 * its {@code messaging/MessagingSetup}, at {@link OutboxConfig#sweepInterval()} and hourly), once the application,
 * and so the Kafka channels, are up.
 */
public class OutboxSweeper {

    private final OutboxRelay relay;
    private final OutboxTable outbox;
    private final OutboxConfig config;
    private final Clock clock;

    public OutboxSweeper(OutboxRelay relay, OutboxTable outbox, OutboxConfig config, Clock clock) {
        this.relay = relay;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    public void sweep() {
        relay.wake();
    }

    public void purge() {
        long deleted = QuarkusTransaction.requiringNew()
                .call(() -> outbox.deletePublishedBefore(clock.instant().minus(config.retention())));
        if (deleted > 0) {
            Log.infof("outbox purged rows=%d", deleted);
        }
    }
}
