package org.syndication.catalog.messaging;

import com.fasterxml.jackson.databind.util.RawValue;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.syndication.catalog.OutboxEvent;
import org.syndication.catalog.OutboxRepository;
import org.syndication.catalog.config.CatalogConfig;
import org.syndication.catalog.mapping.JsonText;
import org.syndication.events.CeHeaders;
import org.syndication.events.Topics;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes the transactional outbox to {@code news.catalogued}. In one transaction it locks the oldest
 * unpublished rows ({@code FOR UPDATE SKIP LOCKED}, insertion order), sends them with CloudEvents binary headers
 * ({@code ce_id} = row id, key = item id) straight to the producer ({@link KafkaSender}: the acks complete on the
 * Kafka I/O thread, the transaction stays on the relay thread), waits for every ack and only then marks them
 * published (one update by row ids) and commits. A crash at any point leaves the rows unpublished, so they are sent
 * again: at-least-once, with a stable {@code ce_id}. With several instances, one relay works at a time (an advisory
 * lock, {@link OutboxRepository#lockRelay}), the others wait for its commit, so rows reach the topic in their order.
 * It wakes right after each commit that wrote a row; {@link OutboxSweeper} wakes it periodically for anything left
 * behind (e.g. by a crashed instance).
 */
@ApplicationScoped
public class OutboxRelay {

    private final OutboxRepository outbox;
    private final KafkaSender sender;
    private final CatalogConfig config;
    private final Clock clock;
    private final EventTracing tracing;
    private final Counter published;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "outbox-relay"));
    private final AtomicBoolean scheduled = new AtomicBoolean();

    public OutboxRelay(OutboxRepository outbox, KafkaSender sender, CatalogConfig config, Clock clock,
                       MeterRegistry meters, EventTracing tracing) {
        this.tracing = tracing;
        this.outbox = outbox;
        this.published = meters.counter("catalog.outbox.published");
        this.sender = sender;
        this.config = config;
        this.clock = clock;
    }

    void onWritten(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten event) {
        wake();
    }

    /** Asks for a drain; many wakes while one is queued collapse into one. */
    public void wake() {
        if (!config.outbox().enabled()) {
            return;
        }
        if (scheduled.compareAndSet(false, true)) {
            try {
                executor.execute(this::drain);
            } catch (RuntimeException e) {
                scheduled.set(false);
            }
        }
    }

    private void drain() {
        scheduled.set(false);
        try {
            int sent;
            do {
                sent = publishBatch();
            } while (sent > 0);
        } catch (RuntimeException e) {
            Log.warnf("outbox relay paused, will retry on the next sweep: %s", e.toString());
        }
    }

    /** Publishes one batch now; returns how many rows it published (0 when the outbox is drained). */
    public int publishBatch() {
        long start = System.nanoTime();
        int sent = QuarkusTransaction.requiringNew().call(() -> {
            outbox.lockRelay(); // one relay at a time across instances: the topic gets the rows in order
            List<OutboxEvent> rows = outbox.lockUnpublished(config.outbox().batchSize());
            if (rows.isEmpty()) {
                return 0;
            }
            List<CompletableFuture<RecordMetadata>> acks = new ArrayList<>(rows.size());
            for (OutboxEvent row : rows) {
                ProducerRecord<String, Object> record = toRecord(row);
                Span span = tracing.relaying(record);
                try {
                    acks.add(sender.send(record));
                } finally {
                    span.end();
                }
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(config.outbox().sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            outbox.markPublished(rows.stream().map(r -> r.id).toList(), clock.instant());
            return rows.size();
        });
        if (sent > 0) {
            published.increment(sent);
            Log.debugf("outbox published rows=%d ms=%d", sent, (System.nanoTime() - start) / 1_000_000);
        }
        return sent;
    }

    /**
     * The Kafka record of a row. The value is the stored payload as is: {@link RawValue} makes the channel's
     * {@code EventSerializer} write its JSON unchanged, the bytes {@code EventJson} wrote when the row was made.
     */
    ProducerRecord<String, Object> toRecord(OutboxEvent row) {
        RecordHeaders headers = CeHeaders.of(row.id.toString(), row.type, config.eventSource(),
                row.createdAt.toString(), row.aggregateId);
        JsonText.readHeaders(row.headers).forEach((name, value) -> CeHeaders.add(headers, name, value));
        return new ProducerRecord<>(Topics.NEWS_CATALOGUED, null, row.aggregateId, new RawValue(row.payload), headers);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
