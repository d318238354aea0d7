package org.syndication.catalog.messaging;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.syndication.catalog.OutboxRepository;
import org.syndication.catalog.config.CatalogConfig;

import java.time.Clock;

/**
 * Periodic work of the outbox: wakes the relay (the first sweep after a restart publishes what a crashed
 * instance left behind) and deletes published rows past their retention. Starts once the application, and so
 * the Kafka channels, are up.
 */
@ApplicationScoped
public class OutboxSweeper {

    private final OutboxRelay relay;
    private final OutboxRepository outbox;
    private final CatalogConfig config;
    private final Clock clock;
    private volatile boolean started;

    public OutboxSweeper(OutboxRelay relay, OutboxRepository outbox, CatalogConfig config, Clock clock) {
        this.relay = relay;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        started = true;
    }

    @Scheduled(every = "${catalog.outbox.sweep-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        if (started) {
            relay.wake();
        }
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        long deleted = QuarkusTransaction.requiringNew()
                .call(() -> outbox.deletePublishedBefore(clock.instant().minus(config.outbox().retention())));
        if (deleted > 0) {
            Log.infof("outbox purged rows=%d", deleted);
        }
    }
}
