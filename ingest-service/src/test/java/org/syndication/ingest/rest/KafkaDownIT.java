package org.syndication.ingest.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.syndication.events.EventJson;
import org.syndication.events.NewsItemIngested;
import org.syndication.events.Topics;
import org.syndication.ingest.IngestedItemRepository;
import org.syndication.ingest.messaging.TopicProbe;
import org.syndication.localstack.KafkaBroker;
import org.syndication.localstack.test.PostgresResource;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kafka down: the service's broker address has nothing behind it. A document gets a quick 503 with
 * Retry-After and nothing is recorded; once a real broker is up on that address, posting the same document
 * publishes every item.
 */
@QuarkusTest
@QuarkusTestResource(value = UnreachableKafkaResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class KafkaDownIT {

    private static final String SOURCE = "kafka-down-it";
    private static final String PAGE = """
            24-25.06.2019: Regional workshop on cybercrime
            Investigators from the region met.

            01.03.2021: New office opens
            The office opened today.
            """;

    @Inject
    IngestedItemRepository ledger;

    private static Response post() {
        return given().contentType("text/plain").body(PAGE).queryParam("source", SOURCE)
                .when().post("/api/documents");
    }

    @Test
    void kafkaDownGives503AndRecordsNothingThenEverythingIsPublishedOnceItIsBack() {
        long started = System.nanoTime();
        Response refused = post();
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.jsonPath().getString("type")).isEqualTo(ProblemTypes.KAFKA_UNAVAILABLE.toString());
        assertThat(refused.header("Retry-After")).isEqualTo("30");
        // ingest.publish.ack-timeout (10 s) bounds the wait; the rest is slack for a loaded CI machine
        assertThat(seconds).as("answered within the ack timeout, not minutes").isLessThanOrEqualTo(20);
        assertThat(ledger.count("source", SOURCE)).isZero();

        KafkaBroker broker = UnreachableKafkaResource.bringUp();
        try (TopicProbe probe = new TopicProbe(broker.bootstrapServers(), Topics.NEWS_INGESTED)) {
            var mark = probe.mark();
            AtomicReference<Response> accepted = new AtomicReference<>();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                Response response = post();
                accepted.set(response);
                return response.statusCode() == 202;
            });

            List<String> ids = accepted.get().jsonPath().getList("items.itemId");
            assertThat(accepted.get().jsonPath().getList("items.status")).containsExactly("NEW", "NEW");
            assertThat(accepted.get().jsonPath().getList("items.title"))
                    .containsExactly("Regional workshop on cybercrime", "New office opens");
            List<ConsumerRecord<String, String>> records = TopicProbe.withKeys(probe.readSince(mark), ids);
            assertThat(records).extracting(ConsumerRecord::key).containsAll(ids);
            assertThat(records).extracting(r -> EventJson.fromJson(r.value(), NewsItemIngested.class).version())
                    .containsOnly(1L);
            assertThat(ledger.count("source", SOURCE)).isEqualTo(2);
        }
    }
}
