package org.syndication.catalog;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.syndication.events.CeHeaders;
import org.syndication.events.CeTypes;
import org.syndication.events.DeadLetterHeaders;
import org.syndication.events.EventJson;
import org.syndication.events.ItemStatus;
import org.syndication.events.NewsItemCatalogued;
import org.syndication.events.Topics;
import org.syndication.localstack.test.KafkaResource;
import org.syndication.localstack.test.PostgresResource;
import org.syndication.support.messaging.BacklogMetrics;
import org.syndication.support.messaging.DatabaseRetry;

import java.nio.charset.StandardCharsets;
import java.sql.SQLDataException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.syndication.catalog.KafkaTestClient.header;

/** The whole consume → store → outbox → news.catalogued path on the real broker and PostgreSQL. */
@QuarkusTest
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(value = PostgresResource.class, parallel = true)
class CatalogPipelineIT {

    static final String TOKEN = "test-token";

    @Inject
    OutboxRepository outbox;

    @Inject
    DatabaseRetry retry;

    @Inject
    TaxonomyRepository taxonomy;

    @Inject
    BacklogMetrics backlog;

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
    void storesClassifiesAndRepublishesWithCloudEventsHeadersMatchingTheSchemas() {
        TestData item = TestData.item().title("Exchange on Cybercrime")
                .body("The Global Programme on Cybercrime trains investigators to handle digital evidence.");
        kafka.send(Topics.NEWS_INGESTED, item.build());

        ConsumerRecord<String, byte[]> record = kafka.await(Topics.NEWS_CATALOGUED, item.itemId()::equals, 1).get(0);
        assertThat(header(record, CeHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(header(record, CeHeaders.TYPE)).isEqualTo(CeTypes.NEWS_ITEM_CATALOGUED);
        assertThat(header(record, CeHeaders.SOURCE)).isEqualTo("/catalog-service");
        assertThat(header(record, CeHeaders.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(header(record, CeHeaders.THEMES)).isEqualTo("cybercrime");
        assertThat(Instant.parse(header(record, CeHeaders.TIME))).isNotNull();
        UUID ceId = UUID.fromString(header(record, CeHeaders.ID));

        NewsItemCatalogued event = EventJson.fromBytes(record.value(), NewsItemCatalogued.class);
        assertThat(event.itemId()).isEqualTo(item.itemId());
        assertThat(event.version()).isEqualTo(1);
        assertThat(event.status()).isEqualTo(ItemStatus.PUBLISHED);
        assertThat(event.title()).isEqualTo("Exchange on Cybercrime");
        assertThat(event.themeSlugs()).isEqualTo("cybercrime");
        assertThat(EventSchemas.violations(EventSchemas.NEWS_ITEM_CATALOGUED, record.value())).isEmpty();

        ConsumerRecord<String, byte[]> ingested = kafka.await(Topics.NEWS_INGESTED, item.itemId()::equals, 1).get(0);
        assertThat(EventSchemas.violations(EventSchemas.NEWS_ITEM_INGESTED, ingested.value())).isEmpty();

        OutboxEvent row = QuarkusTransaction.requiringNew().call(() -> outbox.findById(ceId));
        assertThat(row.aggregateId).isEqualTo(item.itemId());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(QuarkusTransaction.requiringNew().call(() -> outbox.findById(ceId).publishedAt)).isNotNull());

        given().get("/api/items/{id}", item.itemId()).then().statusCode(200)
                .body("version", equalTo(1))
                .body("status", equalTo("PUBLISHED"))
                .body("themes[0].slug", equalTo("cybercrime"))
                .body("themes[0].title", equalTo("Cybercrime"))
                .body("themes[0].reason.matches.term", hasItem("cybercrime"))
                .body("themes[0].reason.matches.find { it.term == 'cybercrime' }.titleHits", equalTo(1));
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        TestData item = TestData.item().title("Partners meet on cooperation");
        kafka.send(Topics.NEWS_INGESTED, item.build());
        kafka.send(Topics.NEWS_INGESTED, item.build());
        kafka.send(Topics.NEWS_INGESTED, item.version(2).title("Partners meet on cooperation (corrected)").build());

        awaitVersion(item.itemId(), 2);
        List<ConsumerRecord<String, byte[]>> published = kafka.await(Topics.NEWS_CATALOGUED, item.itemId()::equals, 2);
        assertThat(kafka.readAll(Topics.NEWS_CATALOGUED, item.itemId())).hasSize(2);
        assertThat(published).extracting(r -> EventJson.fromBytes(r.value(), NewsItemCatalogued.class).version())
                .containsExactly(1L, 2L);
        assertThat(QuarkusTransaction.requiringNew().call(() -> outbox.count("aggregateId", item.itemId()))).isEqualTo(2);
    }

    @Test
    void anOlderOrEqualIngestVersionNeverOverwritesANewerOne() {
        TestData item = TestData.item();
        kafka.send(Topics.NEWS_INGESTED, item.version(3).title("Third text").build());
        kafka.send(Topics.NEWS_INGESTED, item.version(2).title("Second text, late").build());
        kafka.send(Topics.NEWS_INGESTED, item.version(3).title("Third text, replayed with other content").build());
        kafka.send(Topics.NEWS_INGESTED, item.version(4).title("Fourth text").build());

        awaitVersion(item.itemId(), 2);
        given().get("/api/items/{id}", item.itemId()).then().statusCode(200)
                .body("title", equalTo("Fourth text"))
                .body("ingestVersion", equalTo(4));
        assertThat(kafka.readAll(Topics.NEWS_CATALOGUED, item.itemId()))
                .extracting(r -> EventJson.fromBytes(r.value(), NewsItemCatalogued.class).title())
                .containsExactly("Third text", "Fourth text");
    }

    @Test
    void poisonRecordsGoToTheDlqWithTheReasonAndTheStreamGoesOn() {
        String malformed = "poison-json-" + UUID.randomUUID();
        String invalid = "poison-event-" + UUID.randomUUID();
        kafka.send(Topics.NEWS_INGESTED, malformed, "{not json".getBytes(StandardCharsets.UTF_8), KafkaTestClient.ceHeaders());
        kafka.send(Topics.NEWS_INGESTED, invalid,
                ("{\"itemId\":\"" + invalid + "\",\"version\":1,\"source\":{\"name\":\"x\"},\"date\":\"2024-01-01\","
                        + "\"contentHash\":\"ab\",\"ingestedAt\":\"2024-01-01T00:00:00Z\"}").getBytes(StandardCharsets.UTF_8),
                KafkaTestClient.ceHeaders());
        TestData after = TestData.item().title("A valid item after two poison records");
        kafka.send(Topics.NEWS_INGESTED, after.build());

        awaitVersion(after.itemId(), 1);
        List<ConsumerRecord<String, byte[]>> dead = kafka.await(Topics.NEWS_INGESTED_DLQ,
                k -> k.equals(malformed) || k.equals(invalid), 2);
        for (ConsumerRecord<String, byte[]> r : dead) {
            assertThat(header(r, "dead-letter-reason")).as("reason of %s", r.key()).isNotBlank();
            assertThat(header(r, "dead-letter-topic")).isEqualTo(Topics.NEWS_INGESTED);
            assertThat(header(r, "dead-letter-offset")).isNotBlank();
            assertThat(header(r, CeHeaders.TYPE)).as("original headers kept").isEqualTo(CeTypes.NEWS_ITEM_INGESTED);
        }
        ConsumerRecord<String, byte[]> invalidRecord = dead.stream().filter(r -> r.key().equals(invalid)).findFirst().orElseThrow();
        assertThat(header(invalidRecord, "dead-letter-reason") + header(invalidRecord, DeadLetterHeaders.DESERIALIZATION_FAILURE_REASON))
                .contains("title");
        given().get("/api/items/{id}", malformed).then().statusCode(404);
        given().get("/api/items/{id}", invalid).then().statusCode(404);

        assertThat(metric("dlq_records_total{topic=\"news.ingested.dlq\"}")).isGreaterThanOrEqualTo(2.0);
        // the group has read and committed everything, the valid record after the poison ones included
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            backlog.refresh();
            assertThat(metric("kafka_consumer_group_lag_records{group=\"catalog-service\",topic=\"news.ingested\"}"))
                    .isZero();
        });
        assertThat(given().get("/q/metrics").then().extract().asString()).contains(
                "# HELP dlq_records Records sent to a dead-letter topic",
                "# HELP kafka_consumer_group_lag_records Records of the topic the consumer group has not committed yet");
    }

    /** The value of one series on /q/metrics (NaN when absent). */
    static double metric(String series) {
        return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(l -> l.startsWith(series + " "))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(Double.NaN);
    }

    @Test
    void withdrawalNeedsTheTokenAndPublishesAWithdrawnState() {
        TestData item = TestData.item().title("Quokka sanctuary opens").body("A unique quokka story.");
        kafka.send(Topics.NEWS_INGESTED, item.build());
        awaitVersion(item.itemId(), 1);
        // findable a moment after it is stored (the search vector is computed in the background: SearchIndexer)
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().queryParam("q", "quokka").get("/api/items").then().statusCode(200).body("total", equalTo(1)));

        given().delete("/api/items/{id}", item.itemId()).then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("https://syndication.example.org/problems/unauthorized"));
        given().header("Authorization", "Bearer wrong").delete("/api/items/{id}", item.itemId()).then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://syndication.example.org/problems/forbidden"));
        given().get("/api/items/{id}", item.itemId()).then().body("version", equalTo(1));

        given().header("Authorization", "Bearer " + TOKEN).delete("/api/items/{id}", item.itemId()).then().statusCode(200)
                .body("status", equalTo("WITHDRAWN")).body("version", equalTo(2));
        given().header("Authorization", "Bearer " + TOKEN).delete("/api/items/{id}", item.itemId()).then().statusCode(200)
                .body("version", equalTo(2));

        List<ConsumerRecord<String, byte[]>> records = kafka.await(Topics.NEWS_CATALOGUED, item.itemId()::equals, 2);
        NewsItemCatalogued last = EventJson.fromBytes(records.get(records.size() - 1).value(), NewsItemCatalogued.class);
        assertThat(last.status()).isEqualTo(ItemStatus.WITHDRAWN);
        assertThat(last.version()).isEqualTo(2);
        assertThat(EventSchemas.violations(EventSchemas.NEWS_ITEM_CATALOGUED, records.get(records.size() - 1).value())).isEmpty();
        given().queryParam("q", "quokka").get("/api/items").then().statusCode(200).body("total", equalTo(0));
        given().get("/api/items/{id}", item.itemId()).then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        given().header("Authorization", "Bearer " + TOKEN).delete("/api/items/{id}", "no-such-item").then().statusCode(404)
                .body("type", equalTo("https://syndication.example.org/problems/item-not-found"));
    }

    @Test
    void recategoriseAppliesTheCurrentTaxonomyAndRepublishesOnlyItemsWhoseThemesChanged() {
        TestData zebra = TestData.item().title("Volunteers repaint the zebra crossing").body("The zebra crossing near the school.");
        TestData other = TestData.item().title("A meeting about nothing in particular");
        kafka.send(Topics.NEWS_INGESTED, zebra.build());
        kafka.send(Topics.NEWS_INGESTED, other.build());
        awaitVersion(zebra.itemId(), 1);
        awaitVersion(other.itemId(), 1);

        Map<String, Object> theme = Map.of("title", "Road safety", "description", "Roads and crossings",
                "rules", Map.of("terms", List.of(Map.of("match", "zebra crossing", "weight", 3))));
        given().contentType(ContentType.JSON).body(theme).put("/api/themes/road-safety").then().statusCode(401);
        int revision = given().header("Authorization", "Bearer " + TOKEN).contentType(ContentType.JSON).body(theme)
                .put("/api/themes/road-safety").then().statusCode(200)
                .body("slug", equalTo("road-safety")).body("rules.terms[0].match", equalTo("zebra crossing"))
                .extract().path("revision");
        Object history = QuarkusTransaction.requiringNew().call(() -> taxonomy.getEntityManager()
                .createNativeQuery("select slug from taxonomy_revision where revision = :r")
                .setParameter("r", revision).getSingleResult());
        assertThat(history).as("the new version is kept in the history").isEqualTo("road-safety");

        given().post("/api/recategorise").then().statusCode(401);
        String jobId = given().header("Authorization", "Bearer " + TOKEN).post("/api/recategorise").then().statusCode(202)
                .body("state", equalTo("RUNNING")).extract().path("jobId");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/recategorise/{job}", jobId).then().statusCode(200).body("state", equalTo("DONE")));
        Map<String, Object> job = given().get("/api/recategorise/{job}", jobId).then().extract().jsonPath().getMap("$");
        assertThat(((Number) job.get("processed")).longValue()).isEqualTo(((Number) job.get("total")).longValue());
        assertThat(((Number) job.get("changed")).longValue()).isGreaterThanOrEqualTo(1);

        given().get("/api/items/{id}", zebra.itemId()).then().body("version", equalTo(2))
                .body("themes[0].slug", equalTo("road-safety"))
                .body("themes[0].reason.matches[0].term", equalTo("zebra crossing"));
        given().get("/api/items/{id}", other.itemId()).then().body("version", equalTo(1));
        List<ConsumerRecord<String, byte[]>> zebraEvents = kafka.await(Topics.NEWS_CATALOGUED, zebra.itemId()::equals, 2);
        assertThat(header(zebraEvents.get(1), CeHeaders.THEMES)).isEqualTo("road-safety");
        assertThat(kafka.readAll(Topics.NEWS_CATALOGUED, other.itemId())).hasSize(1);
        given().get("/api/themes").then().statusCode(200)
                .body("find { it.slug == 'road-safety' }.itemCount", equalTo(1));
    }

    private static void awaitVersion(String itemId, int version) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/items/{id}", itemId).then().statusCode(200).body("version", equalTo(version)));
    }

    /** The shared retry guard (service-support) is a bean of this service, with its fault-tolerance interceptor. */
    @Test
    void transientDatabaseErrorsAreRetriedAndOthersThrownAtOnce() {
        AtomicInteger attempts = new AtomicInteger();
        String result = retry.call(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw new RuntimeException(new SQLTransientConnectionException("connection refused", "08001"));
            }
            return "stored";
        });
        assertThat(result).isEqualTo("stored");
        assertThat(attempts).hasValue(3);

        AtomicInteger dataAttempts = new AtomicInteger();
        assertThatThrownBy(() -> retry.call(() -> {
            dataAttempts.incrementAndGet();
            throw new RuntimeException(new SQLDataException("value too long", "22001"));
        })).hasRootCauseInstanceOf(SQLDataException.class);
        assertThat(dataAttempts).hasValue(1);
    }
}
