package org.syndication.catalog;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.quarkus.test.junit.QuarkusTestProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * Tracing on, with the finished spans kept in memory ({@link Spans}) instead of exported: Quarkus uses a
 * {@code SpanExporter} bean in place of its OTLP exporter. Other tests keep tracing off (the default).
 */
public class TracingProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.otel.sdk.disabled", "false", "quarkus.otel.bsp.schedule.delay", "50ms");
    }

    /** The in-memory exporter, injectable as {@link InMemorySpanExporter}. */
    @ApplicationScoped
    public static class Spans {

        @Produces
        @Singleton
        InMemorySpanExporter exporter() {
            return InMemorySpanExporter.create();
        }
    }
}
