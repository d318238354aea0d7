package org.syndication.catalog.messaging;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.syndication.catalog.config.CatalogConfig;
import org.syndication.events.Topics;
import org.syndication.support.messaging.BacklogMetrics;
import org.syndication.support.messaging.DeadLetters;
import org.syndication.support.messaging.KafkaSender;
import org.syndication.support.messaging.OutboxMessaging;
import org.syndication.support.messaging.OutboxRelay;
import org.syndication.support.messaging.OutboxTable;
import org.syndication.support.messaging.OutboxWritten;

import java.time.Clock;
import java.util.Map;

/**
 * The catalog's messaging plumbing, built from service-support's shared parts with this service's topics, channels
 * and settings: the outbox of {@code news.catalogued} ({@link OutboxMessaging}: its relay woken after each commit
 * that wrote a row, swept every {@code catalog.outbox.sweep-interval}, published rows purged hourly, and the backlog
 * gauges refreshed every {@code catalog.metrics-refresh}) and the dead-letter writer of {@code news.ingested}.
 */
@Singleton
public class MessagingSetup {

    private final KafkaSender catalogued;
    private final DeadLetters deadLetters;
    private final OutboxMessaging outbox;

    /**
     * @param cataloguedChannel   wires the channel, so that its producer exists; nothing is sent through the
     *                            emitter, which would carry the caller's context (a transaction) onto the Kafka
     *                            callback threads: {@link KafkaSender} sends with the channel's producer
     * @param deadLetteredChannel the same for the dead-letter channel
     */
    public MessagingSetup(KafkaClientService clients,
                          @Channel(Channels.NEWS_CATALOGUED) MutinyEmitter<Object> cataloguedChannel,
                          @Channel(Channels.NEWS_INGESTED_DLQ) MutinyEmitter<byte[]> deadLetteredChannel,
                          AgroalDataSource dataSource, CatalogConfig config, Clock clock, MeterRegistry meters,
                          EventTracing tracing, @Identifier("default-kafka-broker") Map<String, Object> kafka,
                          @ConfigProperty(name = "mp.messaging.incoming." + Channels.NEWS_INGESTED + ".group.id") String group) {
        this.catalogued = new KafkaSender(clients, Channels.NEWS_CATALOGUED);
        this.deadLetters = new DeadLetters(new KafkaSender(clients, Channels.NEWS_INGESTED_DLQ),
                Topics.NEWS_INGESTED_DLQ, meters);
        this.outbox = new OutboxMessaging(dataSource,
                new OutboxRelay.Target(Topics.NEWS_CATALOGUED, catalogued, config.eventSource()), config.outbox(), clock,
                tracing.kafka(), meters, "catalog.outbox.published", kafka, group, Topics.NEWS_INGESTED);
    }

    @Produces
    @Singleton
    @Identifier(Channels.NEWS_CATALOGUED)
    KafkaSender cataloguedSender() {
        return catalogued;
    }

    @Produces
    @Singleton
    DeadLetters deadLetters() {
        return deadLetters;
    }

    @Produces
    @Singleton
    OutboxTable outboxTable() {
        return outbox.table();
    }

    @Produces
    @Singleton
    OutboxRelay relay() {
        return outbox.relay();
    }

    @Produces
    @Singleton
    BacklogMetrics backlog() {
        return outbox.backlog();
    }

    void onStart(@Observes StartupEvent event) {
        outbox.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        outbox.stop();
    }

    void onWritten(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten event) {
        outbox.relayNow();
    }

    /**
     * The outbox's periodic jobs, on this service's keys. They run only once the application (and so its Kafka
     * channels, which this bean's emitters need) is up.
     */
    @Scheduled(every = "${catalog.outbox.sweep-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sweep() {
        outbox.sweep();
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void purge() {
        outbox.purge();
    }

    @Scheduled(every = "${catalog.metrics-refresh:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refreshBacklog() {
        outbox.refreshBacklog();
    }
}
