package org.syndication.support.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jboss.logging.MDC;
import org.syndication.events.CeHeaders;
import org.syndication.events.DeadLetterHeaders;
import org.syndication.events.EventJson;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The dead-letter writer of a consumed topic: sends a record to {@code <topic>.dlq} with its original key, value
 * (the bytes of the event, or the raw bytes that could not be deserialized) and headers, plus the
 * {@link DeadLetterHeaders}. The consumers read in batches, where a nack would dead-letter the whole batch, so they
 * send each poison record here themselves and go on with the rest.
 * <p>
 * {@link #send} does not wait, so that a poll full of poison records costs one round trip; {@link #await} waits for
 * the broker's ack, sending again while Kafka refuses it (the batch must not be acked before: nothing is skipped).
 * The records go through the producer of the service's DLQ channel ({@link KafkaSender}, {@code acks=all},
 * idempotence, a byte-array value serializer).
 */
public class DeadLetters {

    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaSender sender;
    private final String topic;
    private final Counter deadLettered;

    /** @param topic the dead-letter topic the DLQ channel writes ({@code Topics.*_DLQ}), for the metric and log */
    public DeadLetters(KafkaSender sender, String topic, MeterRegistry meters) {
        this.sender = sender;
        this.topic = topic;
        // registered at start, so that an alert sees dlq_records_total go from 0 to 1
        this.deadLettered = Counter.builder("dlq.records").tag("topic", topic)
                .description("Records sent to a dead-letter topic").register(meters);
    }

    /**
     * Why the record's value could not be deserialized (SmallRye's {@code deserialization-failure-reason} header,
     * set with {@code fail-on-deserialization-failure=false}), or null when it was.
     */
    public static String deserializationFailure(ConsumerRecord<String, ?> record) {
        Header reason = record.headers().lastHeader(DeadLetterHeaders.DESERIALIZATION_FAILURE_REASON);
        if (reason == null) {
            return null;
        }
        return reason.value() == null ? "" : new String(reason.value(), StandardCharsets.UTF_8);
    }

    /** Sends the record with {@code reason} (and {@code cause}, when not null); {@link #await} the result. */
    public Pending send(ConsumerRecord<String, ?> record, String reason, String cause) {
        MDC.put("itemId", String.valueOf(record.key()));
        Log.warnf("record to DLQ dlq=%s topic=%s partition=%d offset=%d key=%s reason=%s", topic, record.topic(),
                record.partition(), record.offset(), record.key(), reason);
        MDC.remove("itemId");
        deadLettered.increment();
        return sendOnce(record, reason, cause);
    }

    /** {@link #send} and {@link #await} in one. */
    public void sendAndAwait(ConsumerRecord<String, ?> record, String reason, String cause) {
        await(send(record, reason, cause));
    }

    /** Waits for the DLQ ack; while Kafka refuses it, sends again (the batch must not be acked before). */
    public void await(Pending letter) {
        Pending pending = letter;
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            try {
                pending.ack().get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                return;
            } catch (ExecutionException | TimeoutException e) {
                Log.warnf("DLQ send failed, retrying dlq=%s partition=%d offset=%d reason=%s", topic,
                        pending.record().partition(), pending.record().offset(), e.toString());
                sleep(backoff);
                backoff = MAX_BACKOFF;
                pending = sendOnce(pending.record(), pending.reason(), pending.cause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the DLQ ack", e);
            }
        }
    }

    private Pending sendOnce(ConsumerRecord<String, ?> record, String reason, String cause) {
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        CeHeaders.add(headers, DeadLetterHeaders.REASON, reason == null ? "unknown" : reason);
        if (cause != null) {
            CeHeaders.add(headers, DeadLetterHeaders.CAUSE, cause);
        }
        CeHeaders.add(headers, DeadLetterHeaders.TOPIC, record.topic());
        CeHeaders.add(headers, DeadLetterHeaders.PARTITION, Integer.toString(record.partition()));
        CeHeaders.add(headers, DeadLetterHeaders.OFFSET, Long.toString(record.offset()));
        byte[] value = originalValue(record);
        return new Pending(record, reason, cause, sender.send(new ProducerRecord<>(topic, null, record.key(),
                value == null ? new byte[0] : value, headers)));
    }

    /** The record's value as bytes: the event as JSON, else the raw bytes that could not be deserialized. */
    static byte[] originalValue(ConsumerRecord<String, ?> record) {
        if (record.value() != null) {
            return EventJson.toBytes(record.value());
        }
        Header data = record.headers().lastHeader(DeadLetterHeaders.DESERIALIZATION_FAILURE_DATA);
        return data == null ? null : data.value();
    }

    private static void sleep(Duration backoff) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while backing off", e);
        }
    }

    /** A record sent to the DLQ, with what is needed to send it again. */
    public record Pending(ConsumerRecord<String, ?> record, String reason, String cause,
                          CompletableFuture<RecordMetadata> ack) {
    }
}
