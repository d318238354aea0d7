package org.syndication.feed.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.syndication.feed.digest.OutboxRepository;
import org.syndication.events.Topics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the feed service has not done yet, as gauges read every {@code feed.metrics-refresh}:
 * {@code outbox_unpublished{topic}} and {@code outbox_oldest_unpublished_seconds{topic}} (rows of the digest outbox
 * the relay has not sent to news.digests yet, and the age of the oldest one), and
 * {@code kafka_consumer_group_lag{group,topic}} (records of news.catalogued the group has not committed). A value
 * that cannot be read is NaN, not a stale number. The same gauges, by the same names, come from catalog-service.
 */
@ApplicationScoped
public class BacklogMetrics {

    static final String OUTBOX_UNPUBLISHED = "outbox.unpublished";
    static final String OUTBOX_OLDEST = "outbox.oldest.unpublished.seconds";
    static final String LAG = "kafka.consumer.group.lag";

    private final OutboxRepository outbox;
    private final MeterRegistry metrics;
    private final Clock clock;
    private final Map<String, Object> kafka;
    private final String group;
    private final AtomicReference<Double> unpublished = new AtomicReference<>(Double.NaN);
    private final AtomicReference<Double> oldest = new AtomicReference<>(Double.NaN);
    private final AtomicReference<Double> lag = new AtomicReference<>(Double.NaN);
    private ConsumerLag lagReader;

    public BacklogMetrics(OutboxRepository outbox, MeterRegistry metrics, Clock clock,
                          @Identifier("default-kafka-broker") Map<String, Object> kafka,
                          @ConfigProperty(name = "mp.messaging.incoming." + Channels.NEWS_CATALOGUED + ".group.id") String group) {
        this.outbox = outbox;
        this.metrics = metrics;
        this.clock = clock;
        this.kafka = kafka;
        this.group = group;
    }

    void onStart(@Observes StartupEvent event) {
        // a gauge an earlier instance left in a shared registry (the tests restart the application in one JVM) would
        // still watch that instance's values: replaced, and held strongly so that a collection never drops it
        for (String name : new String[]{OUTBOX_UNPUBLISHED, OUTBOX_OLDEST, LAG}) {
            metrics.find(name).gauges().forEach(metrics::remove);
        }
        Gauge.builder(OUTBOX_UNPUBLISHED, unpublished, AtomicReference::get).tag("topic", Topics.NEWS_DIGESTS)
                .strongReference(true).baseUnit("rows")
                .description("Outbox rows not yet published to Kafka by the relay").register(metrics);
        Gauge.builder(OUTBOX_OLDEST, oldest, AtomicReference::get).tag("topic", Topics.NEWS_DIGESTS)
                .strongReference(true).baseUnit("seconds")
                .description("Age of the oldest outbox row not yet published (0: none)").register(metrics);
        Gauge.builder(LAG, lag, AtomicReference::get).tag("group", group).tag("topic", Topics.NEWS_CATALOGUED)
                .strongReference(true).baseUnit("records")
                .description("Records of the topic the consumer group has not committed yet").register(metrics);
    }

    void onStop(@Observes ShutdownEvent event) {
        synchronized (this) {
            if (lagReader != null) {
                lagReader.close();
                lagReader = null;
            }
        }
    }

    @Scheduled(every = "${feed.metrics-refresh:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void refresh() {
        try {
            long rows = QuarkusTransaction.requiringNew().call(outbox::countUnpublished);
            Optional<Instant> first = QuarkusTransaction.requiringNew().call(outbox::oldestUnpublished);
            unpublished.set((double) rows);
            oldest.set(first.map(at -> (double) Math.max(0, Duration.between(at, clock.instant()).toSeconds())).orElse(0.0));
        } catch (RuntimeException e) {
            unpublished.set(Double.NaN);
            oldest.set(Double.NaN);
            Log.warnf("cannot read the outbox backlog: %s", e.getClass().getSimpleName());
        }
        try {
            lag.set((double) lagReader().lag(group, Topics.NEWS_CATALOGUED));
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            lag.set(Double.NaN);
            Log.debugf("cannot read the consumer lag group=%s: %s", group, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized ConsumerLag lagReader() {
        if (lagReader == null) {
            lagReader = new ConsumerLag(kafka, Duration.ofSeconds(5));
        }
        return lagReader;
    }
}
