package org.syndication.feed.messaging;

import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.syndication.events.NewsItemCatalogued;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.syndication.feed.service.FeedCache;
import org.syndication.feed.service.ProjectionService;
import org.syndication.feed.service.ProjectionService.Change;
import org.syndication.support.messaging.DatabaseRetry;
import org.syndication.support.messaging.DeadLetters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Projects news.catalogued in batches (channel {@code batch=true}): one transaction per batch, and the batch is
 * acked after the commit, so a crash redelivers and the version check makes that harmless. Within a batch only the
 * newest record of each item counts. Poison records (a null value with deserialization-failure headers, a key that
 * does not match the item) are sent to news.catalogued.dlq one by one (service-support's {@link DeadLetters}), acked
 * by the broker before the batch completes; the batch is never nacked, because a nack would dead-letter all of it.
 * A batch whose transaction fails for a data reason is applied again one record per transaction, and a record that
 * still fails is dead-lettered;
 * a transient database error (connection, serialization, lock) is retried as long as needed ({@link DatabaseRetry}),
 * so nothing accepted is lost.
 */
@ApplicationScoped
public class CataloguedConsumer {

    private final ProjectionService projection;
    private final DeadLetters deadLetters;
    private final EventTracing tracing;
    private final DatabaseRetry retry;
    private final FeedCache feeds;
    private final int maxPollRecords;

    public CataloguedConsumer(ProjectionService projection, DeadLetters deadLetters, EventTracing tracing,
                              DatabaseRetry retry, FeedCache feeds,
                              @ConfigProperty(name = "mp.messaging.incoming." + Channels.NEWS_CATALOGUED
                                      + ".max.poll.records", defaultValue = "500") int maxPollRecords) {
        this.feeds = feeds;
        this.maxPollRecords = maxPollRecords;
        this.tracing = tracing;
        this.retry = retry;
        this.projection = projection;
        this.deadLetters = deadLetters;
    }

    @Incoming(Channels.NEWS_CATALOGUED)
    @Blocking
    public void consume(ConsumerRecords<String, NewsItemCatalogued> batch) {
        List<ConsumerRecord<String, NewsItemCatalogued>> records = new ArrayList<>(batch.count());
        batch.forEach(records::add);
        feeds.projected(records.size(), maxPollRecords); // full batches: a backlog, the renders yield to it
        try (EventTracing.Batch spans = tracing.consuming(records)) {
            project(records);
        }
    }

    /** Projects one batch, in offset order (the rebuild in the tests calls it directly). */
    public void project(List<ConsumerRecord<String, NewsItemCatalogued>> records) {
        Map<String, ConsumerRecord<String, NewsItemCatalogued>> latest = new LinkedHashMap<>();
        for (ConsumerRecord<String, NewsItemCatalogued> record : records) {
            String poison = poisonReason(record);
            if (poison != null) {
                deadLetters.sendAndAwait(record, poison, null);
                continue;
            }
            String itemId = itemId(record);
            latest.merge(itemId, record, CataloguedConsumer::newer);
        }
        if (latest.isEmpty()) {
            return;
        }
        List<Change> changes = latest.values().stream().map(r -> new Change(itemId(r), r.value())).toList();
        try {
            retry.call(() -> projection.applyBatch(changes));
        } catch (RuntimeException e) {
            Log.warnf("batch failed records=%d (%s); applying one record per transaction", changes.size(),
                    e.toString());
            latest.values().forEach(this::applyAlone);
        }
    }

    /** Why the record can never be projected, or null when it can. */
    static String poisonReason(ConsumerRecord<String, NewsItemCatalogued> record) {
        NewsItemCatalogued event = record.value();
        if (event == null) {
            if (DeadLetters.deserializationFailure(record) != null) {
                return "record value is not a NewsItemCatalogued event";
            }
            return record.key() == null ? "tombstone without a key" : null;
        }
        if (record.key() != null && !record.key().equals(event.itemId())) {
            return "record key does not match itemId";
        }
        return null;
    }

    /** The later of two records of one item: a tombstone or a higher version wins over what came before. */
    static ConsumerRecord<String, NewsItemCatalogued> newer(ConsumerRecord<String, NewsItemCatalogued> before,
                                                            ConsumerRecord<String, NewsItemCatalogued> after) {
        if (after.value() == null || before.value() == null) {
            return after;
        }
        return after.value().version() > before.value().version() ? after : before;
    }

    private static String itemId(ConsumerRecord<String, NewsItemCatalogued> record) {
        return record.value() == null ? record.key() : record.value().itemId();
    }

    private void applyAlone(ConsumerRecord<String, NewsItemCatalogued> record) {
        try {
            retry.call(() -> projection.applyBatch(List.of(new Change(itemId(record), record.value()))));
        } catch (RuntimeException e) {
            Log.errorf(e, "record failed topic=%s partition=%d offset=%d key=%s", record.topic(), record.partition(),
                    record.offset(), record.key());
            deadLetters.sendAndAwait(record, "projection failed: " + e.getClass().getSimpleName(), null);
        }
    }
}
