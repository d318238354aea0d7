package org.syndication.catalog.messaging;

import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.syndication.events.NewsItemCatalogued;

import java.util.concurrent.CompletableFuture;

/**
 * Sends records with the Kafka producer of the {@code news-catalogued} channel (its serializers, acks=all,
 * idempotence), straight to the client: the ack completes on the producer's I/O thread and nothing (no CDI
 * request context, no JTA transaction) is propagated to it. The caller awaits the futures on its own thread.
 */
@ApplicationScoped
public class KafkaSender {

    private final KafkaClientService clients;
    private volatile Producer<String, Object> producer;

    /**
     * @param channel only wires the channel, so that its sink (and producer) exists; nothing is sent through it, as
     *                an emitter would carry the caller's context (e.g. a transaction) onto the Kafka callback threads
     */
    public KafkaSender(KafkaClientService clients,
                       @Channel(Channels.NEWS_CATALOGUED) MutinyEmitter<NewsItemCatalogued> channel) {
        this.clients = clients;
    }

    public CompletableFuture<RecordMetadata> send(ProducerRecord<String, Object> record) {
        CompletableFuture<RecordMetadata> ack = new CompletableFuture<>();
        try {
            producer().send(record, (metadata, error) -> {
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

    private Producer<String, Object> producer() {
        Producer<String, Object> p = producer;
        if (p == null) {
            p = clients.<String, Object>getProducer(Channels.NEWS_CATALOGUED).unwrap();
            producer = p;
        }
        return p;
    }
}
