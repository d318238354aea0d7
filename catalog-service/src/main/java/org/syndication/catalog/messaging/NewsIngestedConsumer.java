package org.syndication.catalog.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.syndication.catalog.PoisonRecordException;
import org.syndication.catalog.service.CatalogService;
import org.syndication.events.NewsItemIngested;

import java.nio.charset.StandardCharsets;

/**
 * Consumes {@code news.ingested}. The method returns after the commit, so the record is acked (and its offset
 * committed by the throttled strategy) only once stored; a redelivery is harmless (upsert by id + version).
 * A record that throws goes to {@code news.ingested.dlq} with the reason in its headers.
 */
@ApplicationScoped
public class NewsIngestedConsumer {

    /** Header set by SmallRye when the value deserializer failed. */
    static final String DESERIALIZATION_FAILURE_REASON = "deserialization-failure-reason";

    private final CatalogService catalog;
    private final MeterRegistry meters;

    public NewsIngestedConsumer(CatalogService catalog, MeterRegistry meters) {
        this.catalog = catalog;
        this.meters = meters;
        for (CatalogService.Outcome o : CatalogService.Outcome.values()) {
            counter(o.name());
        }
        counter("DLQ");
    }

    @Incoming(Channels.NEWS_INGESTED)
    @Transactional
    public void consume(ConsumerRecord<String, NewsItemIngested> record) {
        try {
            NewsItemIngested event = record.value();
            if (event == null) {
                throw new PoisonRecordException(deserializationFailure(record));
            }
            if (record.key() != null && !record.key().equals(event.itemId())) {
                throw new PoisonRecordException("record key does not match itemId");
            }
            CatalogService.Outcome outcome = catalog.ingest(event);
            counter(outcome.name()).increment();
            Log.debugf("news.ingested consumed itemId=%s version=%d outcome=%s partition=%d offset=%d",
                    event.itemId(), event.version(), outcome, record.partition(), record.offset());
        } catch (RuntimeException e) {
            Log.warnf("news.ingested record to DLQ topic=%s partition=%d offset=%d key=%s reason=%s", record.topic(),
                    record.partition(), record.offset(), record.key(), e.getMessage());
            counter("DLQ").increment();
            throw e;
        }
    }

    /** {@code catalog_ingested_total{outcome}}: CREATED, UPDATED, UNCHANGED, IGNORED or DLQ. */
    private Counter counter(String outcome) {
        return meters.counter("catalog.ingested", "outcome", outcome);
    }

    private static String deserializationFailure(ConsumerRecord<String, ?> record) {
        Header reason = record.headers().lastHeader(DESERIALIZATION_FAILURE_REASON);
        return reason == null || reason.value() == null
                ? "empty record value"
                : "cannot deserialize: " + new String(reason.value(), StandardCharsets.UTF_8);
    }
}
