package org.syndication.catalog.messaging;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.syndication.events.TraceHeaders;
import org.syndication.support.messaging.KafkaSpans;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The catalog's part of a trace. A {@code news.ingested} batch mixes records of many traces, so each record gets
 * its own consumer span, a child of the trace context in its headers; while the batch is stored, the trace context
 * of each item's span is known by item id ({@link #traceparentOf}), and the outbox row of the item's change keeps it
 * (in the row's stored headers). The relay then sends each row in a producer span that continues that trace and
 * writes its own context as the record's {@code traceparent} ({@link KafkaSpans#relaying}, with this service's
 * instrumentation scope). With tracing off nothing is written or kept.
 */
@ApplicationScoped
public class EventTracing {

    private final OpenTelemetry telemetry;
    private final KafkaSpans kafka;
    /** Trace context ({@code traceparent}, {@code tracestate}) of the item being stored, by item id. */
    private final Map<String, Map<String, String>> storing = new ConcurrentHashMap<>();

    public EventTracing(OpenTelemetry telemetry) {
        this.telemetry = telemetry;
        this.kafka = new KafkaSpans(telemetry, "org.syndication.catalog");
    }

    /** The consumer spans of a batch; closing ends them and forgets their items. */
    public Batch consuming(ConsumerRecords<String, ?> records) {
        List<Span> spans = new ArrayList<>(records.count());
        List<String> items = new ArrayList<>(records.count());
        for (ConsumerRecord<String, ?> record : records) {
            Span span = kafka.consuming(record);
            spans.add(span);
            Map<String, String> context = carrier(Context.root().with(span));
            if (record.key() != null && !context.isEmpty()) {
                storing.put(record.key(), context);
                items.add(record.key());
            }
        }
        return new Batch(spans, items);
    }

    /**
     * The trace context to keep with an item's outbox row: the one of the record being stored for it, else the
     * current span's (an API write), else none.
     */
    public Map<String, String> traceparentOf(String itemId) {
        Map<String, String> stored = storing.get(itemId);
        if (stored != null) {
            return stored;
        }
        return Span.current().getSpanContext().isValid() ? carrier(Context.current()) : Map.of();
    }

    /** The Kafka spans of this service (its instrumentation scope), for the outbox relay. */
    public KafkaSpans kafka() {
        return kafka;
    }

    private Map<String, String> carrier(Context context) {
        RecordHeaders headers = new RecordHeaders();
        TraceHeaders.inject(telemetry, context, headers);
        Map<String, String> values = new HashMap<>();
        for (String name : List.of(TraceHeaders.TRACEPARENT, TraceHeaders.TRACESTATE)) {
            Optional.ofNullable(TraceHeaders.value(headers, name)).ifPresent(v -> values.put(name, v));
        }
        return values;
    }

    /** The spans of one consumed batch. */
    public final class Batch implements AutoCloseable {

        private final List<Span> spans;
        private final List<String> items;

        private Batch(List<Span> spans, List<String> items) {
            this.spans = spans;
            this.items = items;
        }

        @Override
        public void close() {
            items.forEach(storing::remove);
            spans.forEach(Span::end);
        }
    }
}
