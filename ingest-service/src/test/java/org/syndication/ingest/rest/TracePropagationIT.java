package org.syndication.ingest.rest;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.syndication.events.Topics;
import org.syndication.events.TraceHeaders;
import org.syndication.ingest.TracingProfile;
import org.syndication.ingest.messaging.TopicProbe;
import org.syndication.localstack.test.KafkaResource;
import org.syndication.localstack.test.PostgresResource;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A posted document starts the trace that follows its items: the HTTP request's span, the producer span of the
 * Kafka transaction (its child), and every record on news.ingested carries that producer span as its
 * {@code traceparent}.
 */
@QuarkusTest
@TestProfile(TracingProfile.class)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(value = PostgresResource.class, parallel = true)
class TracePropagationIT {

    private static final String PAGE = """
            Port news

            14 June 2019: Dog handlers certified at the container terminal
            Six teams passed the final search exercise.

            2 May 2019 - Seminar on false declarations
            Officers compared cases of misdeclared cargo.
            """;

    private static TopicProbe probe;

    @Inject
    InMemorySpanExporter spans;

    @BeforeAll
    static void connect() {
        probe = new TopicProbe(System.getProperty(KafkaResource.BOOTSTRAP), Topics.NEWS_INGESTED);
    }

    @AfterAll
    static void disconnect() {
        probe.close();
    }

    @Test
    void everyRecordCarriesTheTraceOfThePostThatPublishedIt() {
        var mark = probe.mark();
        List<String> ids = post(null);

        List<ConsumerRecord<String, String>> records = TopicProbe.withKeys(probe.readSince(mark), ids);
        assertThat(records).hasSize(2);
        String traceparent = TopicProbe.header(records.get(0), TraceHeaders.TRACEPARENT);
        assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(TopicProbe.header(records.get(1), TraceHeaders.TRACEPARENT)).isEqualTo(traceparent);
        String traceId = traceparent.substring(3, 35);
        String spanId = traceparent.substring(36, 52);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<SpanData> trace = spans.getFinishedSpanItems().stream()
                    .filter(s -> s.getTraceId().equals(traceId)).toList();
            SpanData request = trace.stream().filter(s -> s.getKind() == SpanKind.SERVER).findFirst()
                    .orElseThrow(() -> new AssertionError("no server span in " + trace));
            assertThat(request.getName()).isEqualTo("POST /api/documents");
            SpanData publish = trace.stream().filter(s -> s.getName().equals("news.ingested publish")).findFirst()
                    .orElseThrow(() -> new AssertionError("no publish span in " + trace));
            assertThat(publish.getKind()).isEqualTo(SpanKind.PRODUCER);
            assertThat(publish.getSpanId()).isEqualTo(spanId);
            assertThat(publish.getParentSpanId()).isEqualTo(request.getSpanId());
        });
    }

    @Test
    void aCallerThatSendsATraceparentGetsItsTraceContinued() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        var mark = probe.mark();
        List<String> ids = post("00-" + traceId + "-00f067aa0ba902b7-01");

        List<ConsumerRecord<String, String>> records = TopicProbe.withKeys(probe.readSince(mark), ids);
        assertThat(records).hasSize(2).allSatisfy(record ->
                assertThat(TopicProbe.header(record, TraceHeaders.TRACEPARENT)).startsWith("00-" + traceId + "-"));
    }

    private static List<String> post(String traceparent) {
        var request = given().contentType("text/plain; charset=utf-8").body(PAGE)
                .queryParam("source", "trace-" + UUID.randomUUID().toString().substring(0, 8))
                .queryParam("url", "https://news.example.org/port");
        if (traceparent != null) {
            request.header(TraceHeaders.TRACEPARENT, traceparent);
        }
        return request.when().post("/api/documents").then().statusCode(202).extract().jsonPath().getList("items.itemId");
    }
}
