package org.syndication.ingest.messaging;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.syndication.events.CeHeaders;
import org.syndication.events.CeTypes;
import org.syndication.events.NewsItemIngested;
import org.syndication.ingest.DocumentTooLargeException;
import org.syndication.ingest.PublishFailedException;
import org.syndication.ingest.config.IngestConfig;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Publishes {@link NewsItemIngested} events to {@code news.ingested}: key = item id, CloudEvents 1.0 binary-mode
 * headers, and waits until Kafka acknowledged every record ({@code acks=all}, idempotent producer).
 */
@ApplicationScoped
public class NewsItemPublisher {

    /** Records buffered in the emitter before a send is refused; larger than any document we accept. */
    static final int BUFFER = 8192;

    private final MutinyEmitter<NewsItemIngested> emitter;
    private final IngestConfig config;
    private final Clock clock;

    public NewsItemPublisher(@Channel(Channels.NEWS_INGESTED) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = BUFFER)
                             MutinyEmitter<NewsItemIngested> emitter, IngestConfig config, Clock clock) {
        this.emitter = emitter;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Sends every event and returns once all are acknowledged.
     *
     * @throws PublishFailedException    when any record was not acknowledged within {@code ingest.publish.ack-timeout}
     * @throws DocumentTooLargeException when an item is over the producer's {@code max.request.size}
     */
    public void publishAll(List<NewsItemIngested> events) {
        if (events.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        List<Uni<Void>> sends = events.stream().map(this::send).toList();
        Duration timeout = config.publish().ackTimeout();
        try {
            // fail fast: the first record Kafka refuses decides the answer (503); the others need not be waited for
            Uni.join().all(sends).andFailFast().await().atMost(timeout);
        } catch (RuntimeException e) {
            if (causedBy(e, RecordTooLargeException.class)) {
                throw new DocumentTooLargeException("an item is larger than the largest Kafka record allowed; "
                        + "split the document");
            }
            throw new PublishFailedException("Kafka did not acknowledge " + events.size() + " record(s): "
                    + e.getClass().getSimpleName(), e);
        }
        Log.debugf("published records=%d ms=%d", events.size(), Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t) || Arrays.stream(t.getSuppressed()).anyMatch(type::isInstance)) {
                return true;
            }
        }
        return false;
    }

    private Uni<Void> send(NewsItemIngested event) {
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(event.itemId())
                .withHeaders(cloudEventHeaders(event, UUID.randomUUID().toString(), clock.instant()))
                .build();
        return emitter.sendMessage(Message.of(event).addMetadata(metadata));
    }

    /** The CloudEvents binary-mode headers of one event (ce_id unique per event). */
    RecordHeaders cloudEventHeaders(NewsItemIngested event, String ceId, Instant time) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, CeHeaders.SPEC_VERSION, CeHeaders.SPEC_VERSION_1_0);
        header(headers, CeHeaders.ID, ceId);
        header(headers, CeHeaders.TYPE, CeTypes.NEWS_ITEM_INGESTED);
        header(headers, CeHeaders.SOURCE, config.publish().ceSource());
        header(headers, CeHeaders.TIME, time.toString());
        header(headers, CeHeaders.SUBJECT, event.itemId());
        header(headers, CeHeaders.CONTENT_TYPE, CeHeaders.JSON);
        return headers;
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
