package org.syndication.ingest.messaging;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.syndication.events.TraceHeaders;

import java.util.List;

/**
 * The Kafka hop of a trace: a producer span per published transaction, a child of the current span (the HTTP
 * request, or nothing for a polled source), whose W3C trace context goes into every record's headers. The records
 * are sent with the plain Kafka client (see {@link TransactionalProducers}), which Quarkus does not instrument, so the
 * context is written here. With tracing off ({@code quarkus.otel.sdk.disabled=true}) this writes nothing.
 */
@ApplicationScoped
public class EventTracing {

    private final OpenTelemetry telemetry;
    private final Tracer tracer;

    public EventTracing(OpenTelemetry telemetry) {
        this.telemetry = telemetry;
        this.tracer = telemetry.getTracer("org.syndication.ingest");
    }

    /** Starts the producer span of one transaction and writes its context into the records' headers. */
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
