package org.syndication.catalog;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.syndication.events.EventJson;
import org.syndication.events.Topics;
import org.syndication.events.TraceHeaders;
import org.syndication.localstack.test.KafkaResource;
import org.syndication.localstack.test.PostgresResource;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.syndication.catalog.KafkaTestClient.header;

/**
 * The trace of an ingested record goes on through the catalog: its processing span is a child of the record's
 * {@code traceparent}, the outbox row keeps the trace, and the relay's record on news.catalogued carries it on.
 */
@QuarkusTest
@TestProfile(TracingProfile.class)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(value = PostgresResource.class, parallel = true)
class TracePropagationIT {

    @Inject
    InMemorySpanExporter spans;

    KafkaTestClient kafka;

    @BeforeEach
    void open() {
        kafka = new KafkaTestClient();
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void theIngestTraceReachesTheCatalogSpansAndNewsCatalogued() {
        String traceId = hex(32);
        String ingestSpanId = hex(16);
        TestData item = TestData.item().title("Border officers trained on container profiling")
                .body("Port control units practised risk profiling of shipping containers.");
        Map<String, String> headers = new HashMap<>(KafkaTestClient.ceHeaders());
        headers.put(TraceHeaders.TRACEPARENT, "00-" + traceId + "-" + ingestSpanId + "-01");
        kafka.send(Topics.NEWS_INGESTED, item.itemId(), EventJson.toBytes(item.build()), headers);

        ConsumerRecord<String, byte[]> record = kafka.await(Topics.NEWS_CATALOGUED, item.itemId()::equals, 1).get(0);
        String traceparent = header(record, TraceHeaders.TRACEPARENT);
        assertThat(traceparent).matches("00-" + traceId + "-[0-9a-f]{16}-01");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<SpanData> trace = spans.getFinishedSpanItems().stream()
                    .filter(s -> s.getTraceId().equals(traceId)).toList();
            SpanData processed = named(trace, "news.ingested process");
            assertThat(processed.getKind()).isEqualTo(SpanKind.CONSUMER);
            assertThat(processed.getParentSpanId()).isEqualTo(ingestSpanId);
            SpanData relayed = named(trace, "news.catalogued publish");
            assertThat(relayed.getKind()).isEqualTo(SpanKind.PRODUCER);
            assertThat(relayed.getParentSpanId()).isEqualTo(processed.getSpanId());
            // the record's traceparent is the relay's span, so the feed service's span is its child
            assertThat(traceparent).contains("-" + relayed.getSpanId() + "-");
        });
    }

    @Test
    void aRecordWithoutTraceContextStartsATraceThatStillReachesNewsCatalogued() {
        TestData item = TestData.item().title("Customs laboratories compare drug testing methods")
                .body("Forensic laboratories compared methods for testing seized substances.");
        kafka.send(Topics.NEWS_INGESTED, item.build());

        ConsumerRecord<String, byte[]> record = kafka.await(Topics.NEWS_CATALOGUED, item.itemId()::equals, 1).get(0);
        String traceparent = header(record, TraceHeaders.TRACEPARENT);
        assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        String traceId = traceparent.substring(3, 35);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<SpanData> trace = spans.getFinishedSpanItems().stream()
                    .filter(s -> s.getTraceId().equals(traceId)).toList();
            assertThat(named(trace, "news.ingested process").getAttributes().asMap().values())
                    .contains(item.itemId());
            assertThat(named(trace, "news.catalogued publish")).isNotNull();
        });
    }

    private static SpanData named(List<SpanData> spans, String name) {
        // the catalog's own spans (the messaging extension may add spans of its own)
        return spans.stream().filter(s -> s.getName().equals(name))
                .filter(s -> s.getInstrumentationScopeInfo().getName().equals("org.syndication.catalog")).findFirst()
                .orElseThrow(() -> new AssertionError("no span " + name + " in " + spans.stream().map(SpanData::getName).toList()));
    }

    private static String hex(int length) {
        StringBuilder s = new StringBuilder();
        while (s.length() < length) {
            s.append(Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE));
        }
        return s.substring(0, length);
    }
}
