package org.syndication.feed.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.MDC;
import org.syndication.events.CeHeaders;
import org.syndication.events.DeadLetterHeaders;
import org.syndication.events.EventJson;
import org.syndication.events.NewsItemCatalogued;
import org.syndication.events.Topics;

import static io.smallrye.reactive.messaging.kafka.DeserializationFailureHandler.DESERIALIZATION_FAILURE_DATA;


/**
 * Sends one record of news.catalogued to news.catalogued.dlq and waits for the broker's ack. In batch mode a nack
 * would dead-letter the whole batch, so the consumer sends poison records here itself and goes on with the rest.
 * The original headers (ce_id ...) are kept; {@code dead-letter-reason}, topic, partition and offset are added.
 */
@ApplicationScoped
public class DeadLetters {

    private final MutinyEmitter<byte[]> emitter;
    private final Counter deadLettered;

    public DeadLetters(@Channel(Channels.NEWS_CATALOGUED_DLQ) MutinyEmitter<byte[]> emitter, MeterRegistry metrics) {
        this.emitter = emitter;
        // registered at start, so that an alert sees dlq_records_total go from 0 to 1
        this.deadLettered = Counter.builder("dlq.records").tag("topic", Topics.NEWS_CATALOGUED_DLQ)
                .description("Records sent to a dead-letter topic").register(metrics);
    }

    public void send(ConsumerRecord<String, NewsItemCatalogued> record, String reason) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            headers.add(header);
        }
        CeHeaders.add(headers, DeadLetterHeaders.REASON, reason);
        CeHeaders.add(headers, DeadLetterHeaders.TOPIC, record.topic());
        CeHeaders.add(headers, DeadLetterHeaders.PARTITION, Integer.toString(record.partition()));
        CeHeaders.add(headers, DeadLetterHeaders.OFFSET, Long.toString(record.offset()));
        byte[] value = originalValue(record);
        Message<byte[]> message = Message.of(value == null ? new byte[0] : value)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(record.key()).withHeaders(headers).build());
        emitter.sendMessageAndAwait(message);
        deadLettered.increment();
        MDC.put("itemId", String.valueOf(record.key()));
        Log.warnf("dead-lettered topic=%s partition=%d offset=%d key=%s reason=%s", record.topic(),
                record.partition(), record.offset(), record.key(), reason);
        MDC.remove("itemId");
    }

    private static byte[] originalValue(ConsumerRecord<String, NewsItemCatalogued> record) {
        if (record.value() != null) {
            return EventJson.toBytes(record.value());
        }
        Header data = record.headers().lastHeader(DESERIALIZATION_FAILURE_DATA);
        return data == null ? null : data.value();
    }
}
