package org.syndication.feed.messaging;

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
import org.syndication.events.Topics;
import org.syndication.feed.config.FeedConfig;
import org.syndication.support.messaging.BacklogMetrics;
import org.syndication.support.messaging.DeadLetters;
import org.syndication.support.messaging.KafkaSender;
import org.syndication.support.messaging.OutboxMessaging;
import org.syndication.support.messaging.OutboxRelay;
import org.syndication.support.messaging.OutboxWritten;

import java.time.Clock;
import java.util.Map;

/**
 * The feed service's messaging plumbing, built from service-support's shared parts with this service's topics,
 * channels and settings: the outbox of {@code news.digests} ({@link OutboxMessaging}: its relay woken after each
 * commit that wrote a row, swept every {@code feed.outbox.sweep-interval}, published rows purged hourly, and the
 * backlog gauges refreshed every {@code feed.metrics-refresh}) and the dead-letter writer of
 * {@code news.catalogued}. The same shape as catalog-service's.
 */
@Singleton
public class MessagingSetup {

    /** The {@code ce_source} of the events this service publishes. */
    static final String SOURCE = "/feed-service";

    private final DeadLetters deadLetters;
    private final OutboxMessaging outbox;

    /**
     * @param digestsChannel      wires the channel, so that its producer exists; nothing is sent through the
     *                            emitter, which would carry the caller's context (a transaction) onto the Kafka
     *                            callback threads: {@link KafkaSender} sends with the channel's producer
     * @param deadLetteredChannel the same for the dead-letter channel
     */
    public MessagingSetup(KafkaClientService clients,
                          @Channel(Channels.NEWS_DIGESTS) MutinyEmitter<Object> digestsChannel,
                          @Channel(Channels.NEWS_CATALOGUED_DLQ) MutinyEmitter<byte[]> deadLetteredChannel,
                          AgroalDataSource dataSource, FeedConfig config, Clock clock, MeterRegistry meters,
                          EventTracing tracing, @Identifier("default-kafka-broker") Map<String, Object> kafka,
                          @ConfigProperty(name = "mp.messaging.incoming." + Channels.NEWS_CATALOGUED + ".group.id") String group) {
        this.deadLetters = new DeadLetters(new KafkaSender(clients, Channels.NEWS_CATALOGUED_DLQ),
                Topics.NEWS_CATALOGUED_DLQ, meters);
        this.outbox = new OutboxMessaging(dataSource,
                new OutboxRelay.Target(Topics.NEWS_DIGESTS, new KafkaSender(clients, Channels.NEWS_DIGESTS), SOURCE),
                config.outbox(), clock, tracing.kafka(), meters, "feed.outbox.published", kafka, group,
                Topics.NEWS_CATALOGUED);
    }

    @Produces
    @Singleton
    DeadLetters deadLetters() {
        return deadLetters;
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
    @Scheduled(every = "${feed.outbox.sweep-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sweep() {
        outbox.sweep();
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void purge() {
        outbox.purge();
    }

    @Scheduled(every = "${feed.metrics-refresh:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refreshBacklog() {
        outbox.refreshBacklog();
    }
}
