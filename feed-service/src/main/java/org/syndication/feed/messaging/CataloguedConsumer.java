package org.syndication.feed.messaging;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.syndication.events.NewsItemCatalogued;
import org.syndication.feed.service.ProjectionService;

/**
 * Projects news.catalogued. Acked after the commit, so a crash redelivers, and the version check makes that
 * harmless. Malformed records (they arrive with a null value and deserialization-failure headers) and records
 * whose key does not match the item go to news.catalogued.dlq.
 */
@ApplicationScoped
public class CataloguedConsumer {

    static final String DESERIALIZATION_FAILURE = "deserialization-failure-reason";

    private final ProjectionService projection;

    public CataloguedConsumer(ProjectionService projection) {
        this.projection = projection;
    }

    @Incoming(Channels.NEWS_CATALOGUED)
    @Transactional
    public void consume(ConsumerRecord<String, NewsItemCatalogued> record) {
        NewsItemCatalogued event = record.value();
        if (event == null) {
            if (record.headers().lastHeader(DESERIALIZATION_FAILURE) != null || record.key() == null) {
                Log.warnf("poison record topic=%s partition=%d offset=%d key=%s", record.topic(), record.partition(),
                        record.offset(), record.key());
                throw new PoisonRecordException("record value is not a NewsItemCatalogued event");
            }
            projection.remove(record.key());
            return;
        }
        if (record.key() != null && !record.key().equals(event.itemId())) {
            Log.warnf("poison record topic=%s partition=%d offset=%d key=%s itemId=%s", record.topic(),
                    record.partition(), record.offset(), record.key(), event.itemId());
            throw new PoisonRecordException("record key does not match itemId");
        }
        projection.apply(event);
    }
}
