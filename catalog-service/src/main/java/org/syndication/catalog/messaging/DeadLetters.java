package org.syndication.catalog.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jboss.logging.MDC;
import org.syndication.events.CeHeaders;
import org.syndication.events.DeadLetterHeaders;
import org.syndication.events.NewsItemIngested;
import org.syndication.events.Topics;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends records of news.ingested to news.ingested.dlq (the role of feed-service's {@code DeadLetters} for
 * news.catalogued): original key, value and headers plus the {@link DeadLetterHeaders}. In batch mode a nack would
 * dead-letter the whole batch, so the consumer sends poison records here itself and goes on with the rest. Sending
 * does not wait, so that a poll full of poison records costs one round trip; {@link #await} waits for the broker's
 * ack, sending again while Kafka refuses it, and the consumer calls it before the batch completes.
 * <p>
 * The records go through the producer of the news-catalogued channel ({@link KafkaSender}: acks=all, idempotence):
 * the channel set of this service is news-ingested and news-catalogued only.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaSender sender;
    private final Counter deadLettered;

    public DeadLetters(KafkaSender sender, MeterRegistry meters) {
        this.sender = sender;
        // registered at start, so that an alert sees dlq_records_total go from 0 to 1
        this.deadLettered = Counter.builder("dlq.records").tag("topic", Topics.NEWS_INGESTED_DLQ)
                .description("Records sent to a dead-letter topic").register(meters);
    }

    /** Sends the record with {@code reason} (and {@code cause}, when not null); {@link #await} the result. */
    public Pending send(ConsumerRecord<String, NewsItemIngested> record, String reason, String cause) {
        MDC.put("itemId", String.valueOf(record.key()));
        Log.warnf("news.ingested record to DLQ topic=%s partition=%d offset=%d key=%s reason=%s", record.topic(),
                record.partition(), record.offset(), record.key(), reason);
        MDC.remove("itemId");
        deadLettered.increment();
        return sendOnce(record, reason, cause);
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
                Log.warnf("news.ingested DLQ send failed, retrying partition=%d offset=%d reason=%s",
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

    private Pending sendOnce(ConsumerRecord<String, NewsItemIngested> record, String reason, String cause) {
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        CeHeaders.add(headers, DeadLetterHeaders.REASON, reason == null ? "unknown" : reason);
        if (cause != null) {
            CeHeaders.add(headers, DeadLetterHeaders.CAUSE, cause);
        }
        CeHeaders.add(headers, DeadLetterHeaders.TOPIC, record.topic());
        CeHeaders.add(headers, DeadLetterHeaders.PARTITION, Integer.toString(record.partition()));
        CeHeaders.add(headers, DeadLetterHeaders.OFFSET, Long.toString(record.offset()));
        return new Pending(record, reason, cause,
                sender.send(new ProducerRecord<>(Topics.NEWS_INGESTED_DLQ, null, record.key(), record.value(), headers)));
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
    public record Pending(ConsumerRecord<String, NewsItemIngested> record, String reason, String cause,
                          CompletableFuture<RecordMetadata> ack) {
    }
}
