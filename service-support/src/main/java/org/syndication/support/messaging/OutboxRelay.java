package org.syndication.support.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import io.micrometer.core.instrument.Counter;
import io.opentelemetry.api.trace.Span;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.syndication.events.CeHeaders;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes a service's transactional outbox ({@link OutboxTable}) to its topic. In one transaction it locks the
 * oldest unpublished rows ({@code FOR UPDATE SKIP LOCKED}, insertion order), sends them with CloudEvents binary
 * headers ({@code ce_id} = row id, key = aggregate id) through the channel's producer ({@link KafkaSender}: the acks
 * complete on the Kafka I/O thread, the transaction stays on the relay thread), waits for every ack and only then
 * marks them published (one update by row ids) and commits. A crash at any point leaves the rows unpublished, so
 * they are sent again: at-least-once, with a stable {@code ce_id}. With several instances one relay works at a time
 * ({@link OutboxTable#lockRelay}), the others wait for its commit, so rows reach the topic in their order.
 * <p>
 * It runs on its own thread: woken right after each commit that wrote a row ({@link OutboxWritten}, observed by the
 * service), and periodically by {@link OutboxSweeper} for anything left behind (e.g. by a crashed instance).
 */
public class OutboxRelay implements AutoCloseable {

    private static final ObjectMapper HEADERS = new ObjectMapper();
    private static final TypeReference<Map<String, String>> HEADER_MAP = new TypeReference<>() {
    };

    /** What the relay publishes to: the topic, the channel's sender and the {@code ce_source} of the service. */
    public record Target(String topic, KafkaSender sender, String ceSource) {
    }

    private final OutboxTable outbox;
    private final Target target;
    private final OutboxConfig config;
    private final Clock clock;
    private final KafkaSpans spans;
    private final Counter published;
    private final ExecutorService executor;
    private final AtomicBoolean scheduled = new AtomicBoolean();

    /** @param published counts the rows published (the service names the meter) */
    public OutboxRelay(OutboxTable outbox, Target target, OutboxConfig config, Clock clock, KafkaSpans spans,
                       Counter published) {
        this.outbox = outbox;
        this.target = target;
        this.config = config;
        this.clock = clock;
        this.spans = spans;
        this.published = published;
        this.executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "outbox-relay"));
    }

    /** Asks for a drain; many wakes while one is queued collapse into one. Nothing when the relay is disabled. */
    public void wake() {
        if (!config.enabled()) {
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
            Log.warnf("outbox relay paused, will retry on the next sweep topic=%s: %s", target.topic(), e.toString());
        }
    }

    /** Publishes one batch now, on the caller's thread; returns how many rows it published (0: drained). */
    public int publishBatch() {
        long start = System.nanoTime();
        int sent = QuarkusTransaction.requiringNew().call(() -> {
            outbox.lockRelay(); // one relay at a time across instances: the topic gets the rows in order
            List<OutboxTable.Row> rows = outbox.lockUnpublished(config.batchSize());
            if (rows.isEmpty()) {
                return 0;
            }
            List<CompletableFuture<RecordMetadata>> acks = new ArrayList<>(rows.size());
            for (OutboxTable.Row row : rows) {
                ProducerRecord<String, Object> record = toRecord(row);
                Span span = spans.relaying(record);
                try {
                    acks.add(target.sender().send(record));
                } finally {
                    span.end();
                }
            }
            awaitAcks(acks);
            outbox.markPublished(rows.stream().map(OutboxTable.Row::id).toList(), clock.instant());
            return rows.size();
        });
        if (sent > 0) {
            published.increment(sent);
            Log.debugf("outbox published topic=%s rows=%d ms=%d", target.topic(), sent,
                    (System.nanoTime() - start) / 1_000_000);
        }
        return sent;
    }

    private void awaitAcks(List<CompletableFuture<RecordMetadata>> acks) {
        try {
            KafkaSender.awaitAll(acks, config.sendTimeout().toMillis());
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused an outbox record: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("no Kafka ack within " + config.sendTimeout().toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka acks", e);
        }
    }

    /**
     * The Kafka record of a row. The value is the stored payload as is: {@link RawValue} makes the channel's
     * {@code EventSerializer} write its JSON unchanged, the bytes {@code EventJson} wrote when the row was made.
     */
    public ProducerRecord<String, Object> toRecord(OutboxTable.Row row) {
        RecordHeaders headers = CeHeaders.of(row.id().toString(), row.type(), target.ceSource(),
                row.createdAt().toString(), row.aggregateId());
        readHeaders(row.headers()).forEach((name, value) -> CeHeaders.add(headers, name, value));
        return new ProducerRecord<>(target.topic(), null, row.aggregateId(), new RawValue(row.payload()), headers);
    }

    /** The stored extra headers: a JSON object of strings. */
    static Map<String, String> readHeaders(String json) {
        try {
            return HEADERS.readValue(json, HEADER_MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored headers are not a JSON object of strings", e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
