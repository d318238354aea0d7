package org.syndication.feed;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.syndication.events.NewsItemCatalogued;
import org.syndication.feed.mapping.EntryMapper;
import org.syndication.localstack.test.KafkaResource;
import org.syndication.localstack.test.PostgresResource;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The trace carried by a news.catalogued record (its {@code traceparent}, written by catalog's outbox relay) goes on
 * in the feed service: the projection's span is its child, and the render that puts the item in the feeds continues
 * it.
 */
@QuarkusTest
@TestProfile(TracingProfile.class)
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = true, parallel = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true, parallel = true)
class TracePropagationIT {

    @Inject
    InMemorySpanExporter spans;

    CataloguedRecords records;

    @BeforeEach
    void open() {
        records = new CataloguedRecords();
    }

    @AfterEach
    void close() {
        records.close();
    }

    @Test
    void theCatalogTraceReachesTheProjectionAndTheRender() {
        String traceId = hex(32);
        String relaySpanId = hex(16);
        NewsItemCatalogued item = TestData.item().themes(TestData.CYBERCRIME).build();
        records.send(item, "00-" + traceId + "-" + relaySpanId + "-01");

        String uri = EntryMapper.uri(item.itemId());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(given().get("/feeds/all.atom").then().statusCode(200).extract().asString()).contains(uri));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<SpanData> trace = spans.getFinishedSpanItems().stream()
                    .filter(s -> s.getTraceId().equals(traceId)).toList();
            SpanData projected = named(trace, "news.catalogued process");
            assertThat(projected.getKind()).isEqualTo(SpanKind.CONSUMER);
            assertThat(projected.getParentSpanId()).isEqualTo(relaySpanId);
            SpanData rendered = named(trace, "feed render");
            assertThat(rendered.getParentSpanId()).isEqualTo(projected.getSpanId());
        });
    }

    private static SpanData named(List<SpanData> spans, String name) {
        // the feed service's own spans (the messaging extension may add spans of its own)
        return spans.stream().filter(s -> s.getName().equals(name))
                .filter(s -> s.getInstrumentationScopeInfo().getName().equals("org.syndication.feed")).findFirst()
                .orElseThrow(() -> new AssertionError("no span " + name + " in "
                        + spans.stream().map(SpanData::getName).toList()));
    }

    private static String hex(int length) {
        StringBuilder s = new StringBuilder();
        while (s.length() < length) {
            s.append(Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE));
        }
        return s.substring(0, length);
    }
}
