package org.syndication.support.messaging;

import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends records with the Kafka producer of one outgoing channel (its serializers, {@code acks=all}, idempotence, as
 * configured in application.properties), straight to the client: the ack completes on the producer's I/O thread and
 * nothing of the caller (CDI request context, JTA transaction) is carried onto it, and a caller can send a whole
 * batch before it waits. The one way catalog and feed send (outbox relays, dead letters); ingest alone uses its own
 * transactional producers, see this module's README.
 * <p>
 * The channel's producer exists only while something in the application is wired to the channel: each service's
 * {@code messaging/MessagingSetup} injects the channel's emitter for that reason and builds the sender.
 */
public class KafkaSender {

    private final KafkaClientService clients;
    private final String channel;
    private volatile Producer<String, Object> producer;

    public KafkaSender(KafkaClientService clients, String channel) {
        this.clients = clients;
        this.channel = channel;
    }

    /** Sends the record; the future completes with the broker's ack (or its error). */
    public CompletableFuture<RecordMetadata> send(ProducerRecord<String, ?> record) {
        CompletableFuture<RecordMetadata> ack = new CompletableFuture<>();
        try {
            @SuppressWarnings("unchecked")
            ProducerRecord<String, Object> any = (ProducerRecord<String, Object>) record;
            producer().send(any, (metadata, error) -> {
                if (error == null) {
                    ack.complete(metadata);
                } else {
                    ack.completeExceptionally(error);
                }
            });
        } catch (RuntimeException e) {
            ack.completeExceptionally(e);
        }
        return ack;
    }

    /** Waits until every ack arrived; throws the first failure, or a timeout after {@code timeoutMillis}. */
    public static void awaitAll(List<CompletableFuture<RecordMetadata>> acks, long timeoutMillis)
            throws InterruptedException, ExecutionException, TimeoutException {
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    private Producer<String, Object> producer() {
        Producer<String, Object> p = producer;
        if (p == null) {
            p = clients.<String, Object>getProducer(channel).unwrap();
            producer = p;
        }
        return p;
    }
}
