package org.syndication.support.messaging;

import io.micrometer.core.instrument.MeterRegistry;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.Map;

/**
 * A service's outbox at work, in one piece: its {@link OutboxTable}, the {@link OutboxRelay} to the service's topic,
 * the {@link OutboxSweeper} and the {@link BacklogMetrics} gauges, with their life cycle. Each service's
 * {@code messaging/MessagingSetup} builds one with its own topic, channel, {@code ce_source} and settings, calls
 * {@link #start()} and {@link #stop()} with the application, {@link #relayNow()} after each commit that wrote a row
 * ({@link OutboxWritten}), and schedules {@link #sweep()}, {@link #purge()} and {@link #refreshBacklog()} itself:
 * only the service knows its config keys ({@code catalog.outbox.sweep-interval}, {@code feed.metrics-refresh}),
 * and a {@code @Scheduled} method must be a bean's. A plain class, not a bean, so that ingest, which has no outbox,
 * gets none.
 */
public class OutboxMessaging implements AutoCloseable {

    private final OutboxTable table;
    private final OutboxRelay relay;
    private final OutboxSweeper sweeper;
    private final BacklogMetrics backlog;

    /**
     * @param target         the topic, the channel's sender and the service's {@code ce_source}
     * @param publishedMeter the name of the counter of published rows ({@code catalog.outbox.published})
     * @param kafka          the application's Kafka settings, to read the consumer lag
     * @param group          the service's consumer group of {@code consumedTopic}
     * @param consumedTopic  the topic whose lag the gauges show
     */
    public OutboxMessaging(DataSource dataSource, OutboxRelay.Target target, OutboxConfig config, Clock clock,
                           KafkaSpans spans, MeterRegistry meters, String publishedMeter, Map<String, Object> kafka,
                           String group, String consumedTopic) {
        this.table = new OutboxTable(dataSource);
        this.relay = new OutboxRelay(table, target, config, clock, spans, meters.counter(publishedMeter));
        this.sweeper = new OutboxSweeper(relay, table, config, clock);
        this.backlog = new BacklogMetrics(table, target.topic(), meters, clock, kafka, group, consumedTopic);
    }

    /** At application start: registers the gauges (NaN until the first {@link #refreshBacklog()}). */
    public void start() {
        backlog.register();
    }

    /** At application stop: ends the relay's thread and closes the lag reader's Kafka client. */
    public void stop() {
        relay.close();
        backlog.close();
    }

    @Override
    public void close() {
        stop();
    }

    /** After a commit that wrote outbox rows: wakes the relay at once (nothing when it is disabled or stopped). */
    public void relayNow() {
        relay.wake();
    }

    /** Every {@link OutboxConfig#sweepInterval()}: wakes the relay for rows no commit woke it for. */
    public void sweep() {
        sweeper.sweep();
    }

    /** Hourly: deletes published rows older than {@link OutboxConfig#retention()}. */
    public void purge() {
        sweeper.purge();
    }

    /** Every {@code <service>.metrics-refresh}: reads the outbox backlog and the consumer lag again. */
    public void refreshBacklog() {
        backlog.refresh();
    }

    public OutboxTable table() {
        return table;
    }

    public OutboxRelay relay() {
        return relay;
    }

    public BacklogMetrics backlog() {
        return backlog;
    }
}
