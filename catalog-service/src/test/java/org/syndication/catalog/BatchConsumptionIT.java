package org.syndication.catalog;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.syndication.catalog.messaging.NewsIngestedConsumer;
import org.syndication.events.CeHeaders;
import org.syndication.events.CeTypes;
import org.syndication.events.DeadLetterHeaders;
import org.syndication.events.EventJson;
import org.syndication.events.NewsItemCatalogued;
import org.syndication.events.NewsItemIngested;
import org.syndication.events.Topics;
import org.syndication.localstack.test.KafkaResource;
import org.syndication.localstack.test.PostgresResource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.syndication.catalog.KafkaTestClient.header;

/**
 * The batch consumer, fed whole polls directly (so the batch boundaries are known) on the real broker and
 * PostgreSQL: poison and failing records leave the batch alone, several versions of an item in one batch, a
 * redelivered batch.
 */
@QuarkusTest
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(value = PostgresResource.class, parallel = true)
class BatchConsumptionIT {

    /** Partition of the simulated polls; offsets far from anything the real consumer sees. */
    static final int PARTITION = 0;

    @Inject
    NewsIngestedConsumer consumer;

    @Inject
    OutboxRepository outbox;

    KafkaTestClient kafka;
    long offset = 1_000_000 + (long) (Math.random() * 1_000_000_000L);

    @BeforeEach
    void open() {
        kafka = new KafkaTestClient();
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void onlyThePoisonAndTheFailingRecordsOfABatchGoToTheDlq() {
        TestData first = TestData.item().title("First of the batch");
        TestData second = TestData.item().title("Second of the batch");
        TestData third = TestData.item().title("Third of the batch");
        String malformed = "batch-malformed-" + UUID.randomUUID();
        String wrongKey = "batch-wrong-key-" + UUID.randomUUID();
        // passes the contract but not the database (the id column holds 200 characters): fails the batch
        // transaction, so the batch is retried record by record and only this one is dead-lettered
        TestData tooLong = TestData.item().id("batch-too-long-" + "x".repeat(200));

        List<ConsumerRecord<String, NewsItemIngested>> batch = new ArrayList<>();
        batch.add(record(first.itemId(), first.build()));
        batch.add(malformed(malformed));
        batch.add(record(second.itemId(), second.build()));
        batch.add(record(wrongKey, TestData.item().build()));
        batch.add(record(tooLong.itemId(), tooLong.build()));
        batch.add(record(third.itemId(), third.build()));
        consumer.consume(poll(batch));

        for (TestData stored : List.of(first, second, third)) {
            given().get("/api/items/{id}", stored.itemId()).then().statusCode(200).body("version", equalTo(1));
            assertThat(kafka.await(Topics.NEWS_CATALOGUED, stored.itemId()::equals, 1)).hasSize(1);
            assertThat(kafka.readAll(Topics.NEWS_INGESTED_DLQ, stored.itemId())).as("%s not dead-lettered", stored.itemId())
                    .isEmpty();
        }
        List<ConsumerRecord<String, byte[]>> dead = kafka.await(Topics.NEWS_INGESTED_DLQ,
                k -> k.equals(malformed) || k.equals(wrongKey) || k.equals(tooLong.itemId()), 3);
        assertThat(dead).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(malformed, wrongKey, tooLong.itemId());
        for (ConsumerRecord<String, byte[]> r : dead) {
            ConsumerRecord<String, NewsItemIngested> original = batch.stream().filter(b -> b.key().equals(r.key()))
                    .findFirst().orElseThrow();
            assertThat(header(r, "dead-letter-reason")).as("reason of %s", r.key()).isNotBlank();
            assertThat(header(r, "dead-letter-topic")).isEqualTo(Topics.NEWS_INGESTED);
            assertThat(header(r, "dead-letter-partition")).isEqualTo(Integer.toString(PARTITION));
            assertThat(header(r, "dead-letter-offset")).isEqualTo(Long.toString(original.offset()));
            assertThat(header(r, CeHeaders.TYPE)).as("original headers kept").isEqualTo(CeTypes.NEWS_ITEM_INGESTED);
        }
        assertThat(header(dead.stream().filter(r -> r.key().equals(malformed)).findFirst().orElseThrow(),
                "dead-letter-reason")).contains("cannot deserialize");
        assertThat(header(dead.stream().filter(r -> r.key().equals(wrongKey)).findFirst().orElseThrow(),
                "dead-letter-reason")).contains("key");
        given().get("/api/items/{id}", malformed).then().statusCode(404);
    }

    @Test
    void severalVersionsOfAnItemInOneBatchGiveOneEventPerStoredChangeAndTheHighestWins() {
        TestData item = TestData.item();
        consumer.consume(poll(List.of(
                record(item.itemId(), item.version(1).title("First text").build()),
                record(item.itemId(), item.version(3).title("Third text").build()),
                record(item.itemId(), item.version(2).title("Second text, late").build()),
                record(item.itemId(), item.version(3).title("Third text, replayed with other content").build()))));

        given().get("/api/items/{id}", item.itemId()).then().statusCode(200)
                .body("title", equalTo("Third text"))
                .body("ingestVersion", equalTo(3))
                .body("version", equalTo(2));
        assertThat(QuarkusTransaction.requiringNew().call(() -> outbox.count("aggregateId", item.itemId()))).isEqualTo(2);
        List<ConsumerRecord<String, byte[]>> published = kafka.await(Topics.NEWS_CATALOGUED, item.itemId()::equals, 2);
        assertThat(published).extracting(r -> EventJson.fromBytes(r.value(), NewsItemCatalogued.class))
                .extracting(NewsItemCatalogued::version, NewsItemCatalogued::title)
                .containsExactly(tuple(1L, "First text"),
                        tuple(2L, "Third text"));
    }

    @Test
    void aRedeliveredBatchChangesNothing() {
        TestData a = TestData.item().title("Redelivered A");
        TestData b = TestData.item().title("Redelivered B");
        List<ConsumerRecord<String, NewsItemIngested>> batch = List.of(
                record(a.itemId(), a.build()),
                record(b.itemId(), b.build()),
                record(b.itemId(), b.version(2).title("Redelivered B, corrected").build()));
        consumer.consume(poll(batch));
        kafka.await(Topics.NEWS_CATALOGUED, k -> k.equals(a.itemId()) || k.equals(b.itemId()), 3);

        consumer.consume(poll(batch));

        given().get("/api/items/{id}", a.itemId()).then().statusCode(200).body("version", equalTo(1));
        given().get("/api/items/{id}", b.itemId()).then().statusCode(200).body("version", equalTo(2))
                .body("title", equalTo("Redelivered B, corrected"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> outbox.count("aggregateId in ?1", List.of(a.itemId(), b.itemId()))))
                .isEqualTo(3);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(QuarkusTransaction.requiringNew().call(() -> outbox.count("publishedAt is null and aggregateId in ?1",
                        List.of(a.itemId(), b.itemId())))).isZero());
        assertThat(kafka.readAll(Topics.NEWS_CATALOGUED, a.itemId())).hasSize(1);
        assertThat(kafka.readAll(Topics.NEWS_CATALOGUED, b.itemId())).hasSize(2);
    }

    private ConsumerRecord<String, NewsItemIngested> record(String key, NewsItemIngested value) {
        return new ConsumerRecord<>(Topics.NEWS_INGESTED, PARTITION, offset++, 0L, TimestampType.CREATE_TIME, -1, -1,
                key, value, headers(), Optional.empty());
    }

    /** What SmallRye delivers when the value deserializer failed: a null value and the failure in headers. */
    private ConsumerRecord<String, NewsItemIngested> malformed(String key) {
        RecordHeaders headers = headers();
        headers.add(DeadLetterHeaders.DESERIALIZATION_FAILURE_REASON, "Unexpected character".getBytes(StandardCharsets.UTF_8));
        headers.add(DeadLetterHeaders.DESERIALIZATION_FAILURE_DATA, "{not json".getBytes(StandardCharsets.UTF_8));
        return new ConsumerRecord<>(Topics.NEWS_INGESTED, PARTITION, offset++, 0L, TimestampType.CREATE_TIME, -1, -1,
                key, null, headers, Optional.empty());
    }

    private static RecordHeaders headers() {
        RecordHeaders headers = new RecordHeaders();
        KafkaTestClient.ceHeaders().forEach((k, v) -> headers.add(k, v.getBytes(StandardCharsets.UTF_8)));
        return headers;
    }

    private static ConsumerRecords<String, NewsItemIngested> poll(List<ConsumerRecord<String, NewsItemIngested>> records) {
        return new ConsumerRecords<>(Map.of(new TopicPartition(Topics.NEWS_INGESTED, PARTITION), records), Map.of());
    }
}
