package org.syndication.ingest.messaging;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.syndication.events.CeHeaders;
import org.syndication.events.CeTypes;
import org.syndication.events.NewsItemIngested;
import org.syndication.events.Topics;
import org.syndication.ingest.DocumentTooLargeException;
import org.syndication.ingest.PublishFailedException;
import org.syndication.ingest.config.IngestConfig;
import org.syndication.support.messaging.KafkaSpans;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Publishes {@link NewsItemIngested} events to {@code news.ingested}: key = item id, CloudEvents 1.0 binary-mode
 * headers, all events of one call in one Kafka transaction ({@code acks=all}, idempotent producer), so a document
 * is published completely or not at all.
 */
@ApplicationScoped
public class NewsItemPublisher {

    private final TransactionalProducers producers;
    private final IngestConfig config;
    private final Clock clock;
    private final KafkaSpans tracing;

    /**
     * @param telemetry the trace of a transaction: a producer span, a child of the current span (the HTTP request, or
     *                  nothing for a polled source), whose context goes into every record's headers; the plain Kafka
     *                  client is not instrumented by Quarkus
     */
    public NewsItemPublisher(TransactionalProducers producers, IngestConfig config, Clock clock, OpenTelemetry telemetry) {
        this.producers = producers;
        this.tracing = new KafkaSpans(telemetry, "org.syndication.ingest");
        this.config = config;
        this.clock = clock;
    }

    /**
     * Sends every event in one transaction and returns once it is committed.
     *
     * @throws PublishFailedException    when the transaction was not committed within {@code ingest.publish.ack-timeout}
     *                                   (nothing is visible to read_committed consumers)
     * @throws DocumentTooLargeException when an item is larger than a Kafka record may be (the transaction is aborted)
     */
    public void publishAll(List<NewsItemIngested> events) {
        if (events.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        Instant now = clock.instant();
        List<ProducerRecord<String, NewsItemIngested>> records = events.stream()
                .map(event -> record(event, UUID.randomUUID().toString(), now))
                .toList();
        Span span = tracing.publishing(Topics.NEWS_INGESTED, records);
        try {
            producers.commitAll(records, config.publish().ackTimeout());
            KafkaSpans.end(span, null);
        } catch (TransactionalProducers.TransactionFailedException e) {
            KafkaSpans.end(span, e);
            if (causedBy(e, RecordTooLargeException.class)) {
                throw new DocumentTooLargeException("an item is larger than the largest Kafka record allowed; "
                        + "split the document");
            }
            throw new PublishFailedException("Kafka did not commit the " + events.size() + " record(s) of the document: "
                    + rootCause(e), e);
        }
        Log.debugf("published records=%d ms=%d", events.size(), Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    /** The record of one event: topic news.ingested, key = item id, CloudEvents headers. */
    ProducerRecord<String, NewsItemIngested> record(NewsItemIngested event, String ceId, Instant time) {
        return new ProducerRecord<>(Topics.NEWS_INGESTED, null, event.itemId(), event,
                cloudEventHeaders(event, ceId, time));
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t) || Arrays.stream(t.getSuppressed()).anyMatch(type::isInstance)) {
                return true;
            }
        }
        return false;
    }

    /** The CloudEvents binary-mode headers of one event (ce_id unique per event). */
    RecordHeaders cloudEventHeaders(NewsItemIngested event, String ceId, Instant time) {
        return CeHeaders.of(ceId, CeTypes.NEWS_ITEM_INGESTED, config.publish().ceSource(), time.toString(),
                event.itemId());
    }
}
