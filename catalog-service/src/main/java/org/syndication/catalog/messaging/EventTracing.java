package org.syndication.catalog.messaging;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.syndication.events.TraceHeaders;

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
 * writes its own context as the record's {@code traceparent}. With tracing off nothing is written or kept.
 */
@ApplicationScoped
public class EventTracing {

    private final OpenTelemetry telemetry;
    private final Tracer tracer;
    /** Trace context ({@code traceparent}, {@code tracestate}) of the item being stored, by item id. */
    private final Map<String, Map<String, String>> storing = new ConcurrentHashMap<>();

    public EventTracing(OpenTelemetry telemetry) {
        this.telemetry = telemetry;
        this.tracer = telemetry.getTracer("org.syndication.catalog");
    }

    /** The consumer spans of a batch; closing ends them and forgets their items. */
    public Batch consuming(ConsumerRecords<String, ?> records) {
        List<Span> spans = new ArrayList<>(records.count());
        List<String> items = new ArrayList<>(records.count());
        for (ConsumerRecord<String, ?> record : records) {
            Context parent = TraceHeaders.extract(telemetry, record.headers());
            Span span = tracer.spanBuilder(record.topic() + " process")
                    .setParent(parent)
                    .setSpanKind(SpanKind.CONSUMER)
                    .setAttribute("messaging.system", "kafka")
                    .setAttribute("messaging.destination.name", record.topic())
                    .setAttribute("messaging.operation.type", "process")
                    .setAttribute("messaging.kafka.message.key", String.valueOf(record.key()))
                    .setAttribute("messaging.kafka.offset", record.offset())
                    .setAttribute("messaging.destination.partition.id", String.valueOf(record.partition()))
                    .startSpan();
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

    /**
     * Starts the producer span of one outbox row: a child of the trace context kept in the row's headers (already in
     * {@code record}), whose own context replaces it. The caller ends it.
     */
    public Span relaying(ProducerRecord<String, ?> record) {
        Context parent = TraceHeaders.extract(telemetry, record.headers());
        boolean traced = Span.fromContext(parent).getSpanContext().isValid();
        Span span = tracer.spanBuilder(record.topic() + " publish")
                .setParent(parent)
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.operation.type", "send")
                .setAttribute("messaging.kafka.message.key", String.valueOf(record.key()))
                .setAttribute("syndication.outbox.continued", traced)
                .startSpan();
        TraceHeaders.inject(telemetry, parent.with(span), record.headers());
        return span;
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
