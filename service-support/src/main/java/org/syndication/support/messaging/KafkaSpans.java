package org.syndication.support.messaging;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.syndication.events.TraceHeaders;

import java.util.List;

/**
 * The Kafka spans of a trace, the same in every service: a consumer span per record read (a child of the trace
 * context in its headers), a producer span per record relayed from an outbox (continuing the trace kept with the
 * row) and per transaction published by ingest, each writing its own context into the records' headers. The
 * records go through plain Kafka clients, which Quarkus does not instrument. Each service's
 * {@code messaging/EventTracing} builds one with its own tracer (its instrumentation scope) and adds what is its
 * own. With tracing off ({@code quarkus.otel.sdk.disabled=true}) the spans are no-ops and nothing is written.
 */
public final class KafkaSpans {

    private final OpenTelemetry telemetry;
    private final Tracer tracer;

    /** @param scope the instrumentation scope of the service's spans, e.g. {@code org.syndication.catalog} */
    public KafkaSpans(OpenTelemetry telemetry, String scope) {
        this.telemetry = telemetry;
        this.tracer = telemetry.getTracer(scope);
    }

    public Tracer tracer() {
        return tracer;
    }

    /** Starts the consumer span of one record, a child of the trace context in its headers. The caller ends it. */
    public Span consuming(ConsumerRecord<String, ?> record) {
        return tracer.spanBuilder(record.topic() + " process")
                .setParent(TraceHeaders.extract(telemetry, record.headers()))
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.kafka.message.key", String.valueOf(record.key()))
                .setAttribute("messaging.kafka.offset", record.offset())
                .setAttribute("messaging.destination.partition.id", String.valueOf(record.partition()))
                .startSpan();
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

    /**
     * Starts the producer span of one Kafka transaction, a child of the current span, and writes its context into
     * every record's headers. The caller ends it ({@link #end}).
     */
    public Span publishing(String topic, List<? extends ProducerRecord<?, ?>> records) {
        Span span = tracer.spanBuilder(topic + " publish")
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.operation.type", "send")
                .setAttribute("messaging.batch.message_count", (long) records.size())
                .startSpan();
        Context context = Context.current().with(span);
        records.forEach(record -> TraceHeaders.inject(telemetry, context, record.headers()));
        return span;
    }

    /** Ends the span, marked as failed when {@code failure} is not null. */
    public static void end(Span span, Throwable failure) {
        if (failure != null) {
            span.recordException(failure);
            span.setStatus(StatusCode.ERROR);
        }
        span.end();
    }
}
