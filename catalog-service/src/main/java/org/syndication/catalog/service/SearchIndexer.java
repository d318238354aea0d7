package org.syndication.catalog.service;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.syndication.catalog.NewsItemSearchIndex;
import org.syndication.catalog.config.CatalogConfig;
import org.syndication.support.messaging.OutboxWritten;
import org.syndication.support.messaging.TransientDatabaseError;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Fills the full-text vector ({@code news_item.search}) of stored items in the background. Computing it inside the
 * consumer's transaction was most of an item's time there (db/migration V21), so the consumer stores items without
 * it and this step computes it right after the commit, a batch per transaction, on its own thread: an item is
 * findable by {@code q=} a moment after it is stored, with exactly the vector the column used to generate. It wakes
 * after every commit that wrote an outbox row (every stored text change writes one) and every
 * {@code catalog.search.sweep-interval} (items another instance stored, or one that crashed in between). Several
 * instances share the work ({@code SKIP LOCKED}).
 */
@ApplicationScoped
public class SearchIndexer {

    private final NewsItemSearchIndex index;
    private final CatalogConfig config;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "search-indexer"));
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile boolean started;

    public SearchIndexer(NewsItemSearchIndex index, CatalogConfig config) {
        this.index = index;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        started = true;
        wake();
    }

    void onWritten(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten event) {
        wake();
    }

    @Scheduled(every = "${catalog.search.sweep-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        wake();
    }

    /** Asks for a catch-up; many wakes while one is queued collapse into one. */
    public void wake() {
        if (started && scheduled.compareAndSet(false, true)) {
            try {
                executor.execute(this::drain);
            } catch (RuntimeException e) {
                scheduled.set(false);
            }
        }
    }

    private void drain() {
        scheduled.set(false);
        try {
            catchUp();
        } catch (RuntimeException e) {
            Log.warnf("search indexer paused, will retry on the next sweep: %s", e.toString());
        }
    }

    /** Computes the vector of every item that has none, now, on the calling thread; returns how many. */
    public int catchUp() {
        int total = 0;
        int done;
        do {
            try {
                done = QuarkusTransaction.requiringNew().call(() -> index.indexPending(config.search().batchSize()));
            } catch (RuntimeException e) {
                if (TransientDatabaseError.isTransient(e)) {
                    throw e; // the database is away: the next sweep tries again
                }
                done = oneByOne();
            }
            total += done;
        } while (done > 0);
        if (total > 0) {
            Log.debugf("search vectors computed items=%d", total);
        }
        return total;
    }

    /**
     * A batch failed for a data reason (before V21 the insert itself failed, and the record went to the DLQ): each
     * item on its own, and one whose text PostgreSQL cannot index gets an empty vector and a WARN, so it does not
     * hold up every later item.
     */
    private int oneByOne() {
        List<String> ids = QuarkusTransaction.requiringNew().call(() -> index.unindexed(config.search().batchSize()));
        for (String id : ids) {
            try {
                QuarkusTransaction.requiringNew().run(() -> index.indexOne(id, false));
            } catch (RuntimeException e) {
                if (TransientDatabaseError.isTransient(e)) {
                    throw e;
                }
                Log.warnf("item not findable by its words itemId=%s: %s", id, e.getMessage());
                QuarkusTransaction.requiringNew().run(() -> index.indexOne(id, true));
            }
        }
        return ids.size();
    }

    /** How many stored items are not findable by {@code q=} yet. */
    public long pending() {
        return QuarkusTransaction.requiringNew().call(index::countUnindexed);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
