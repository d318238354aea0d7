package org.syndication.feed.messaging;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.syndication.support.messaging.KafkaSpans;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The feed service's part of a trace. Each {@code news.catalogued} record of a batch gets a consumer span, a child of
 * the trace context in its headers (written by the catalog's outbox relay; the spans of service-support's
 * {@link KafkaSpans}, as in every service). Rendering is debounced, so one render
 * serves the changes of many traces: its span continues the first trace waiting for a render and links the others
 * (up to {@link #MAX_LINKS}). With tracing off nothing is kept.
 */
@ApplicationScoped
public class EventTracing {

    static final int MAX_LINKS = 64;

    private final KafkaSpans kafka;
    private final Tracer tracer;
    /** Span contexts of projected records not yet followed by a render. */
    private final Queue<SpanContext> awaitingRender = new ConcurrentLinkedQueue<>();

    public EventTracing(OpenTelemetry telemetry) {
        this.kafka = new KafkaSpans(telemetry, "org.syndication.feed");
        this.tracer = kafka.tracer();
    }

    /** The consumer spans of a batch; closing ends them. Their records wait for the next render. */
    public Batch consuming(List<? extends ConsumerRecord<String, ?>> records) {
        List<Span> spans = new ArrayList<>(records.size());
        for (ConsumerRecord<String, ?> record : records) {
            Span span = kafka.consuming(record);
            spans.add(span);
            if (span.getSpanContext().isValid() && awaitingRender.size() < MAX_LINKS) {
                awaitingRender.add(span.getSpanContext());
            }
        }
        return new Batch(spans);
    }

    /**
     * Starts the span of a render of {@code feeds} feeds and makes it current; it continues the first trace waiting
     * for a render and links the others. Closing ends it.
     */
    public Scope rendering(int feeds) {
        List<SpanContext> waiting = new ArrayList<>();
        for (SpanContext c = awaitingRender.poll(); c != null; c = awaitingRender.poll()) {
            waiting.add(c);
        }
        SpanBuilder builder = tracer.spanBuilder("feed render")
                .setSpanKind(SpanKind.INTERNAL)
                .setAttribute("syndication.feeds", (long) feeds)
                .setAttribute("syndication.traces", (long) waiting.size());
        if (waiting.isEmpty()) {
            builder.setNoParent();
        } else {
            builder.setParent(Context.root().with(Span.wrap(waiting.get(0))));
            waiting.stream().skip(1).forEach(builder::addLink);
        }
        Span span = builder.startSpan();
        Scope scope = span.makeCurrent();
        return () -> {
            scope.close();
            span.end();
        };
    }

    /** The Kafka spans of this service (its instrumentation scope), for the outbox relay. */
    public KafkaSpans kafka() {
        return kafka;
    }

    /** The spans of one consumed batch. */
    public static final class Batch implements AutoCloseable {

        private final List<Span> spans;

        private Batch(List<Span> spans) {
            this.spans = spans;
        }

        @Override
        public void close() {
            spans.forEach(Span::end);
        }
    }
}
