package org.syndication.support.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What a service has not done yet, as gauges: {@code outbox_unpublished{topic}} and
 * {@code outbox_oldest_unpublished_seconds{topic}} (rows of its outbox the relay has not sent yet, and the age of the
 * oldest one), and {@code kafka_consumer_group_lag{group,topic}} (records of the consumed topic the group has not
 * committed, {@link ConsumerLag}). The service registers them at start and refreshes them every
 * {@code <service>.metrics-refresh} ({@code messaging/MessagingSetup}). A value that cannot be read is NaN, not a
 * stale number. The same gauges, by the same names, come from catalog-service and feed-service.
 */
public class BacklogMetrics implements AutoCloseable {

    static final String OUTBOX_UNPUBLISHED = "outbox.unpublished";
    static final String OUTBOX_OLDEST = "outbox.oldest.unpublished.seconds";
    static final String LAG = "kafka.consumer.group.lag";

    private final OutboxTable outbox;
    private final String outboxTopic;
    private final MeterRegistry metrics;
    private final Clock clock;
    private final Map<String, Object> kafka;
    private final String group;
    private final String consumedTopic;
    private final AtomicReference<Double> unpublished = new AtomicReference<>(Double.NaN);
    private final AtomicReference<Double> oldest = new AtomicReference<>(Double.NaN);
    private final AtomicReference<Double> lag = new AtomicReference<>(Double.NaN);
    private ConsumerLag lagReader;

    /**
     * @param outboxTopic   the topic the outbox is published to (the tag of the outbox gauges)
     * @param kafka         the application's Kafka settings ({@code kafka.*}: bootstrap servers, TLS, SASL)
     * @param group         the consumer group of the consumed topic
     * @param consumedTopic the topic whose lag is measured
     */
    public BacklogMetrics(OutboxTable outbox, String outboxTopic, MeterRegistry metrics, Clock clock,
                          Map<String, Object> kafka, String group, String consumedTopic) {
        this.outbox = outbox;
        this.outboxTopic = outboxTopic;
        this.metrics = metrics;
        this.clock = clock;
        this.kafka = kafka;
        this.group = group;
        this.consumedTopic = consumedTopic;
    }

    /** Registers the gauges (NaN until the first {@link #refresh}). */
    public void register() {
        // a gauge an earlier instance left in a shared registry (the tests restart the application in one JVM) would
        // still watch that instance's values: replaced, and held strongly so that a collection never drops it
        for (String name : new String[]{OUTBOX_UNPUBLISHED, OUTBOX_OLDEST, LAG}) {
            metrics.find(name).gauges().forEach(metrics::remove);
        }
        Gauge.builder(OUTBOX_UNPUBLISHED, unpublished, AtomicReference::get).tag("topic", outboxTopic)
                .strongReference(true).baseUnit("rows")
                .description("Outbox rows not yet published to Kafka by the relay").register(metrics);
        Gauge.builder(OUTBOX_OLDEST, oldest, AtomicReference::get).tag("topic", outboxTopic)
                .strongReference(true).baseUnit("seconds")
                .description("Age of the oldest outbox row not yet published (0: none)").register(metrics);
        Gauge.builder(LAG, lag, AtomicReference::get).tag("group", group).tag("topic", consumedTopic)
                .strongReference(true).baseUnit("records")
                .description("Records of the topic the consumer group has not committed yet").register(metrics);
    }

    /** Reads the outbox backlog and the consumer lag again. */
    public void refresh() {
        try {
            OutboxTable.Backlog backlog = QuarkusTransaction.requiringNew().call(outbox::backlog);
            unpublished.set((double) backlog.rows());
            oldest.set(backlog.oldest()
                    .map(at -> (double) Math.max(0, Duration.between(at, clock.instant()).toSeconds())).orElse(0.0));
        } catch (RuntimeException e) {
            unpublished.set(Double.NaN);
            oldest.set(Double.NaN);
            Log.warnf("cannot read the outbox backlog: %s", e.getClass().getSimpleName());
        }
        try {
            lag.set((double) lagReader().lag(group, consumedTopic));
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

    @Override
    public synchronized void close() {
        if (lagReader != null) {
            lagReader.close();
            lagReader = null;
        }
    }
}
