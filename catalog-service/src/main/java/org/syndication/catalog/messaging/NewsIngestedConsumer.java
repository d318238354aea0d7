package org.syndication.catalog.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.syndication.catalog.service.CatalogService;
import org.syndication.events.NewsItemIngested;
import org.syndication.support.messaging.DatabaseRetry;
import org.syndication.support.messaging.DeadLetters;

import java.util.ArrayList;
import java.util.List;

/**
 * Consumes {@code news.ingested} in batches (one poll at a time, {@code batch=true}), one transaction per batch.
 * <ul>
 *   <li>Poison records (a value that could not be deserialized, which includes events breaking the contract, or a
 *   key that differs from {@code itemId}) are published to {@code news.ingested.dlq} here (service-support's
 *   {@link DeadLetters}, over the news-ingested-dlq channel), with the reason in headers; the rest of the batch
 *   goes on. A nack would send the whole batch to the DLQ, so the method never throws for a record.</li>
 *   <li>The records are applied in order, exactly as one at a time (per item id: a version not above the current
 *   one is ignored; every stored change gets its outbox row), but with one locking query and one JDBC batch per
 *   statement for the whole poll.</li>
 *   <li>When the database is unavailable the batch is retried ({@link DatabaseRetry}, as long as needed: the
 *   partition stalls, nothing is lost); when the batch fails for a data reason, each record is retried in its own transaction and
 *   only the failing ones go to the DLQ.</li>
 * </ul>
 * The method returns after the commit and after every DLQ ack, so the batch is acked (and its offsets committed by
 * the throttled strategy) only then: a crash loses nothing and a redelivery changes nothing.
 */
@ApplicationScoped
public class NewsIngestedConsumer {


    private final CatalogService catalog;
    private final DeadLetters deadLetters;
    private final MeterRegistry meters;
    private final EventTracing tracing;
    private final DatabaseRetry retry;

    public NewsIngestedConsumer(CatalogService catalog, DeadLetters deadLetters, MeterRegistry meters,
                                EventTracing tracing, DatabaseRetry retry) {
        this.tracing = tracing;
        this.retry = retry;
        this.catalog = catalog;
        this.deadLetters = deadLetters;
        this.meters = meters;
        for (CatalogService.Outcome o : CatalogService.Outcome.values()) {
            counter(o.name());
        }
        counter("DLQ");
    }

    @Incoming(Channels.NEWS_INGESTED)
    @Blocking
    public void consume(ConsumerRecords<String, NewsItemIngested> records) {
        try (EventTracing.Batch spans = tracing.consuming(records)) {
            consumeTraced(records);
        }
    }

    private void consumeTraced(ConsumerRecords<String, NewsItemIngested> records) {
        long start = System.nanoTime();
        List<DeadLetters.Pending> dead = new ArrayList<>();
        List<ConsumerRecord<String, NewsItemIngested>> batch = new ArrayList<>(records.count());
        for (ConsumerRecord<String, NewsItemIngested> record : records) {
            String poison = poisonReason(record);
            if (poison != null) {
                dead.add(deadLetter(record, poison, null));
            } else {
                batch.add(record);
            }
        }
        if (!batch.isEmpty()) {
            store(batch, dead);
        }
        dead.forEach(deadLetters::await);
        Log.debugf("news.ingested batch records=%d dlq=%d ms=%d", records.count(), dead.size(),
                (System.nanoTime() - start) / 1_000_000);
    }

    private void store(List<ConsumerRecord<String, NewsItemIngested>> batch,
                       List<DeadLetters.Pending> dead) {
        try {
            count(retry.call(() -> catalog.ingestAll(batch.stream().map(ConsumerRecord::value).toList())));
            return;
        } catch (RuntimeException e) {
            Log.warnf("news.ingested batch failed, retrying record by record items=%d reason=%s", batch.size(), e.toString());
        }
        for (ConsumerRecord<String, NewsItemIngested> record : batch) {
            try {
                count(retry.call(() -> catalog.ingestAll(List.of(record.value()))));
            } catch (RuntimeException e) {
                dead.add(deadLetter(record, e.getMessage(), String.valueOf(rootCause(e).getMessage())));
            }
        }
    }

    private void count(List<CatalogService.Outcome> outcomes) {
        outcomes.forEach(o -> counter(o.name()).increment());
    }

    /** Why the record cannot be processed, or null. */
    static String poisonReason(ConsumerRecord<String, NewsItemIngested> record) {
        NewsItemIngested event = record.value();
        if (event == null) {
            String reason = DeadLetters.deserializationFailure(record);
            return reason == null ? "empty record value" : "cannot deserialize: " + reason;
        }
        if (record.key() != null && !record.key().equals(event.itemId())) {
            return "record key does not match itemId";
        }
        return null;
    }

    /** Sends the record to {@code news.ingested.dlq} (counted as outcome DLQ); the batch awaits the ack. */
    private DeadLetters.Pending deadLetter(ConsumerRecord<String, NewsItemIngested> record, String reason, String cause) {
        counter("DLQ").increment();
        return deadLetters.send(record, reason, cause);
    }

    private static Throwable rootCause(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /** {@code catalog_ingested_total{outcome}}: CREATED, UPDATED, UNCHANGED, IGNORED or DLQ. */
    private Counter counter(String outcome) {
        return meters.counter("catalog.ingested", "outcome", outcome);
    }
}
