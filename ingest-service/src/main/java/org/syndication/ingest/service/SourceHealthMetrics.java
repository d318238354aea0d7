package org.syndication.ingest.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.syndication.ingest.FeedSource;
import org.syndication.ingest.FeedSourceRepository;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The health of polled sources as gauges, read from the database every {@code ingest.metrics-refresh}:
 * {@code ingest_sources_failing{kind}} (sources whose last poll failed; kind {@code feed}, {@code page}, or
 * {@code unknown} before a first successful read) and {@code ingest_sources_failing_longest_seconds} (how long the
 * longest-failing source has gone without a successful read), which the "source failing for an hour" alert reads.
 * The degraded pages are {@code ingest_sources_degraded} (SourcePoller).
 */
@ApplicationScoped
public class SourceHealthMetrics {

    static final String FAILING = "ingest.sources.failing";
    static final String FAILING_LONGEST = "ingest.sources.failing.longest.seconds";

    private final FeedSourceRepository sources;
    private final MeterRegistry metrics;
    private final Clock clock;
    private final Map<Kind, AtomicLong> failing = new EnumMap<>(Kind.class);
    private final AtomicLong failingLongest = new AtomicLong();

    /** The kind tag: a source's kind is only known after its first successful read. */
    enum Kind { FEED, PAGE, UNKNOWN }

    public SourceHealthMetrics(FeedSourceRepository sources, MeterRegistry metrics, Clock clock) {
        this.sources = sources;
        this.metrics = metrics;
        this.clock = clock;
        for (Kind kind : Kind.values()) {
            failing.put(kind, new AtomicLong());
        }
    }

    void onStart(@Observes StartupEvent event) {
        // a gauge an earlier instance left in a shared registry (the tests restart the application in one JVM) would
        // still watch that instance's values: replaced, and held strongly so that a collection never drops it
        metrics.find(FAILING).gauges().forEach(metrics::remove);
        metrics.find(FAILING_LONGEST).gauges().forEach(metrics::remove);
        failing.forEach((kind, value) -> Gauge.builder(FAILING, value, AtomicLong::get)
                .tag("kind", kind.name().toLowerCase(Locale.ROOT))
                .strongReference(true)
                .description("Sources whose last poll failed (retried with backoff), by kind")
                .register(metrics));
        Gauge.builder(FAILING_LONGEST, failingLongest, AtomicLong::get)
                .strongReference(true)
                .baseUnit("seconds")
                .description("Time since the longest-failing source last read successfully (0: none failing)")
                .register(metrics);
        // no first read here: the scheduler runs refresh() within a second of the start, and the first query of the
        // application (the query machinery's warm-up, ~8 % of ingest's start-up thread) would delay readiness
    }

    @Scheduled(every = "${ingest.metrics-refresh:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void refresh() {
        try {
            List<FeedSource> failingNow = QuarkusTransaction.requiringNew()
                    .call(() -> sources.list("status", FeedSource.Status.FAILING));
            update(failingNow, clock.instant());
        } catch (RuntimeException e) {
            Log.warnf("cannot read source health: %s", e.getClass().getSimpleName());
        }
    }

    void update(List<FeedSource> failingNow, Instant now) {
        Map<Kind, Long> counts = new EnumMap<>(Kind.class);
        long longest = 0;
        for (FeedSource source : failingNow) {
            Kind kind = source.kind == null ? Kind.UNKNOWN : Kind.valueOf(source.kind.name());
            counts.merge(kind, 1L, Long::sum);
            Instant since = source.lastSuccessAt != null ? source.lastSuccessAt : source.createdAt;
            if (since != null) {
                longest = Math.max(longest, Duration.between(since, now).toSeconds());
            }
        }
        failing.forEach((kind, value) -> value.set(counts.getOrDefault(kind, 0L)));
        failingLongest.set(longest);
    }
}
