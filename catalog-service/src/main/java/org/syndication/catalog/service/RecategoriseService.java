package org.syndication.catalog.service;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.syndication.catalog.NewsItemRepository;
import org.syndication.catalog.RecategoriseRun;
import org.syndication.catalog.classify.Classifier;
import org.syndication.catalog.config.CatalogConfig;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs the current taxonomy over the whole history in the background, one transaction per batch, and keeps
 * the progress of each run in memory (a restart forgets it; re-running is harmless: unchanged items are skipped).
 * One run at a time: starting while one runs returns the running one.
 */
@ApplicationScoped
public class RecategoriseService {

    private final class Job {
        final String id = UUID.randomUUID().toString();
        final Instant startedAt = clock.instant();
        final Classifier classifier;
        final long total;
        final AtomicLong processed = new AtomicLong();
        final AtomicLong changed = new AtomicLong();
        volatile String state = "RUNNING";
        volatile Instant finishedAt;

        Job(Classifier classifier, long total) {
            this.classifier = classifier;
            this.total = total;
        }

        RecategoriseRun view() {
            return new RecategoriseRun(id, state, classifier.taxonomy().revision(), total, processed.get(),
                    changed.get(), startedAt, finishedAt);
        }
    }

    private final CatalogService catalog;
    private final TaxonomyService taxonomy;
    private final NewsItemRepository items;
    private final CatalogConfig config;
    private final Clock clock;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "recategorise"));
    private Job running;

    public RecategoriseService(CatalogService catalog, TaxonomyService taxonomy, NewsItemRepository items,
                               CatalogConfig config, Clock clock) {
        this.catalog = catalog;
        this.taxonomy = taxonomy;
        this.items = items;
        this.config = config;
        this.clock = clock;
    }

    public synchronized RecategoriseRun start() {
        if (running != null && "RUNNING".equals(running.state)) {
            return running.view();
        }
        long total = QuarkusTransaction.requiringNew().call(items::count);
        Job job = new Job(taxonomy.classifier(), total);
        jobs.put(job.id, job);
        running = job;
        executor.execute(() -> run(job));
        Log.infof("recategorise started jobId=%s revision=%d items=%d", job.id, job.classifier.taxonomy().revision(), total);
        return job.view();
    }

    public Optional<RecategoriseRun> status(String jobId) {
        return Optional.ofNullable(jobs.get(jobId)).map(Job::view);
    }

    /** How many runs were started since this instance started (the hostile-input tests check that none was). */
    public int started() {
        return jobs.size();
    }

    private void run(Job job) {
        try {
            String after = "";
            int batchSize = config.recategorise().batchSize();
            while (true) {
                String from = after;
                List<String> ids = QuarkusTransaction.requiringNew().call(() -> items.idsAfter(from, batchSize));
                if (ids.isEmpty()) {
                    break;
                }
                int changed = catalog.recategorise(ids, job.classifier);
                job.processed.addAndGet(ids.size());
                job.changed.addAndGet(changed);
                after = ids.get(ids.size() - 1);
            }
            job.state = "DONE";
        } catch (RuntimeException e) {
            job.state = "FAILED";
            Log.errorf(e, "recategorise failed jobId=%s processed=%d", job.id, job.processed.get());
        } finally {
            job.finishedAt = clock.instant();
            Log.infof("recategorise finished jobId=%s state=%s processed=%d changed=%d", job.id, job.state,
                    job.processed.get(), job.changed.get());
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
