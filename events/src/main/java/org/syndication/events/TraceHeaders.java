package org.syndication.events;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The W3C trace context of an event in its Kafka headers ({@value #TRACEPARENT}, and {@value #TRACESTATE} when
 * set), so that one posted document is one trace across the services. Written and read through the application's
 * propagators: with tracing off they write nothing and read an empty context.
 */
public final class TraceHeaders {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    private static final TextMapSetter<Headers> SETTER = (headers, name, value) -> {
        if (headers != null) {
            headers.remove(name);
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    };

    private static final TextMapGetter<Headers> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            List<String> keys = new ArrayList<>();
            headers.forEach(h -> keys.add(h.key()));
            return keys;
        }

        @Override
        public String get(Headers headers, String name) {
            if (headers == null) {
                return null;
            }
            Header header = headers.lastHeader(name);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private TraceHeaders() {
    }

    /** Writes {@code context}'s trace context into {@code headers}, replacing any written before. */
    public static void inject(OpenTelemetry telemetry, Context context, Headers headers) {
        telemetry.getPropagators().getTextMapPropagator().inject(context, headers, SETTER);
    }

    /** The trace context in {@code headers} on top of the root context (the root context when there is none). */
    public static Context extract(OpenTelemetry telemetry, Headers headers) {
        return telemetry.getPropagators().getTextMapPropagator().extract(Context.root(), headers, GETTER);
    }

    /** The value of a header, or null. */
    public static String value(Headers headers, String name) {
        return GETTER.get(headers, name);
    }
}
