package org.syndication.ingest.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.syndication.events.EventJson;
import org.syndication.events.NewsItemIngested;
import org.syndication.events.Topics;
import org.syndication.ingest.IngestedItemRepository;
import org.syndication.ingest.messaging.TopicProbe;
import org.syndication.ingest.parse.ItemIdentity;
import org.syndication.localstack.test.KafkaResource;
import org.syndication.localstack.test.PostgresResource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Nothing half-published: a document whose last record the broker refuses (larger than the topic's
 * {@code max.message.bytes}, while the other records of the document reach the log) is answered with a problem, a
 * read_committed consumer sees none of its records, and the dedup ledger is unchanged; posting it again once the
 * broker takes it publishes every record exactly once.
 */
@QuarkusTest
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(value = PostgresResource.class, parallel = true)
class AtomicPublishIT {

    /** The topic limit during the test: the large item (about 170 KB) is over it, the others far below. */
    private static final String SMALL_LIMIT = "100000";
    private static final LocalDate DATE_A = LocalDate.of(2017, 4, 20);
    private static final LocalDate DATE_B = LocalDate.of(2017, 3, 3);
    private static final LocalDate DATE_C = LocalDate.of(2018, 5, 1);
    private static final LocalDate DATE_D = LocalDate.of(2018, 6, 2);
    private static final String TITLE_A = "Harbour training for customs officers";
    private static final String TITLE_B = "Conference on maritime crime";
    private static final String TITLE_C = "New office opens";
    private static final String TITLE_D = "Annual report published";

    private static final String FIRST = """
            20 April 2017: Harbour training for customs officers
            Thirty officers from five ports took part.

            3 March 2017 - Conference on maritime crime
            Experts met for two days.
            """;
    private static final String SECOND = """
            20 April 2017: Harbour training for customs officers
            Thirty-two officers from six ports took part.

            1 May 2018: New office opens
            The office opened today.

            2 June 2018: Annual report published
            """ + "Many words in one long paragraph of the report. ".repeat(3500) + "\n";

    @Inject
    IngestedItemRepository ledger;

    @Test
    void aDocumentWithARecordTheBrokerRefusesPublishesNothingAndItsRetryPublishesEverything() throws Exception {
        String bootstrap = System.getProperty(KafkaResource.BOOTSTRAP);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
             TopicProbe committed = new TopicProbe(bootstrap, Topics.NEWS_INGESTED);
             TopicProbe uncommitted = TopicProbe.uncommitted(bootstrap, Topics.NEWS_INGESTED)) {
            int partitions = admin.describeTopics(List.of(Topics.NEWS_INGESTED)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(Topics.NEWS_INGESTED).partitions().size();
            String source = sourceWithTwoPartitions(partitions);
            String a = ItemIdentity.itemId(source, DATE_A, TITLE_A);
            String b = ItemIdentity.itemId(source, DATE_B, TITLE_B);
            String c = ItemIdentity.itemId(source, DATE_C, TITLE_C);
            String d = ItemIdentity.itemId(source, DATE_D, TITLE_D);
            List<String> second = List.of(a, c, d);

            setMaxMessageBytes(admin, SMALL_LIMIT);
            try {
                JsonPath first = post(source, FIRST, 202);
                assertThat(first.getList("items.itemId")).containsExactly(a, b);
                String hashA = ItemIdentity.contentHash(TITLE_A, "Thirty officers from five ports took part.");
                assertThat(ledgerRow(a, 1, hashA)).isOne();

                var mark = committed.mark();
                var uncommittedMark = uncommitted.mark();
                given().contentType("text/plain").body(SECOND.getBytes(StandardCharsets.UTF_8))
                        .queryParam("source", source)
                        .when().post("/api/documents")
                        .then().statusCode(413).contentType("application/problem+json")
                        .body("type", equalTo(ProblemTypes.DOCUMENT_TOO_LARGE.toString()));

                assertThat(TopicProbe.withKeys(committed.readSince(mark), second))
                        .as("a read_committed consumer sees no record of the refused document").isEmpty();
                assertThat(TopicProbe.withKeys(uncommitted.readSince(uncommittedMark), List.of(a)))
                        .as("the corrected item reached the log (in another partition than the refused one), "
                                + "in the aborted transaction").isNotEmpty();
                assertThat(ledger.count("source", source)).isEqualTo(2);
                assertThat(ledgerRow(a, 1, hashA)).as("the ledger still holds version 1 of the corrected item").isOne();
            } finally {
                setMaxMessageBytes(admin, null);
            }

            var mark = committed.mark();
            JsonPath retried = post(source, SECOND, 202);
            assertThat(retried.getList("items.itemId")).containsExactlyElementsOf(second);
            assertThat(retried.getList("items.status")).containsExactly("CORRECTED", "NEW", "NEW");
            List<ConsumerRecord<String, String>> records = TopicProbe.withKeys(committed.readSince(mark), second);
            assertThat(records).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(second);
            assertThat(records).extracting(r -> EventJson.fromJson(r.value(), NewsItemIngested.class))
                    .extracting(NewsItemIngested::itemId, NewsItemIngested::version)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(a, 2L),
                            org.assertj.core.groups.Tuple.tuple(c, 1L), org.assertj.core.groups.Tuple.tuple(d, 1L));
            assertThat(ledger.count("source", source)).isEqualTo(4);
            assertThat(ledgerRow(a, 2, ItemIdentity.contentHash(TITLE_A, "Thirty-two officers from six ports took part.")))
                    .isOne();
        }
    }

    /**
     * Documents posted at the same time may share a Kafka transaction (the producers' group commit): the one the
     * broker refuses fails alone, every other one is answered 202 and committed once.
     */
    @Test
    void documentsPostedTogetherWithOneRefusedAllButThatOneArePublished() throws Exception {
        String bootstrap = System.getProperty(KafkaResource.BOOTSTRAP);
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> sources = java.util.stream.IntStream.range(0, 12).mapToObj(i -> "together-" + run + "-" + i).toList();
        String refusedSource = "together-" + run + "-large";
        ExecutorService clients = Executors.newFixedThreadPool(sources.size() + 1);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
             TopicProbe committed = new TopicProbe(bootstrap, Topics.NEWS_INGESTED)) {
            var mark = committed.mark();
            setMaxMessageBytes(admin, SMALL_LIMIT);
            List<Future<Integer>> answers = new ArrayList<>();
            try {
                CountDownLatch go = new CountDownLatch(1);
                for (String source : sources) {
                    answers.add(clients.submit(() -> {
                        go.await();
                        return status(source, FIRST);
                    }));
                }
                Future<Integer> refused = clients.submit(() -> {
                    go.await();
                    return status(refusedSource, SECOND);
                });
                go.countDown();
                assertThat(refused.get(60, TimeUnit.SECONDS)).isEqualTo(413);
                for (Future<Integer> answer : answers) {
                    assertThat(answer.get(60, TimeUnit.SECONDS)).isEqualTo(202);
                }
            } finally {
                setMaxMessageBytes(admin, null);
            }
            List<String> expected = new ArrayList<>();
            sources.forEach(source -> {
                expected.add(ItemIdentity.itemId(source, DATE_A, TITLE_A));
                expected.add(ItemIdentity.itemId(source, DATE_B, TITLE_B));
            });
            List<String> refusedIds = List.of(ItemIdentity.itemId(refusedSource, DATE_A, TITLE_A),
                    ItemIdentity.itemId(refusedSource, DATE_C, TITLE_C), ItemIdentity.itemId(refusedSource, DATE_D, TITLE_D));
            List<String> all = new ArrayList<>(expected);
            all.addAll(refusedIds);
            List<ConsumerRecord<String, String>> records = TopicProbe.withKeys(committed.readSince(mark), all);
            assertThat(records).extracting(ConsumerRecord::key).as("each accepted item once, nothing of the refused one")
                    .containsExactlyInAnyOrderElementsOf(expected);
            assertThat(ledger.count("source", refusedSource)).isZero();
        } finally {
            clients.shutdownNow();
        }
    }

    private static int status(String source, String page) {
        return given().contentType("text/plain").body(page.getBytes(StandardCharsets.UTF_8))
                .queryParam("source", source)
                .when().post("/api/documents")
                .then().extract().statusCode();
    }

    /** Rows of the ledger with this id, version and hash (a query: never an entity cached by the test's session). */
    private long ledgerRow(String itemId, long version, String contentHash) {
        return ledger.count("itemId = ?1 and version = ?2 and contentHash = ?3", itemId, version, contentHash);
    }

    private static JsonPath post(String source, String page, int status) {
        return given().contentType("text/plain").body(page.getBytes(StandardCharsets.UTF_8))
                .queryParam("source", source)
                .when().post("/api/documents")
                .then().statusCode(status).extract().jsonPath();
    }

    /**
     * A source whose corrected item A lands in another partition than the large item D (item ids, and so
     * partitions, follow from the source name), so part of the refused document really reaches the log.
     */
    private static String sourceWithTwoPartitions(int partitions) {
        while (true) {
            String source = "atomic-" + UUID.randomUUID().toString().substring(0, 8);
            if (partition(ItemIdentity.itemId(source, DATE_A, TITLE_A), partitions)
                    != partition(ItemIdentity.itemId(source, DATE_D, TITLE_D), partitions)) {
                return source;
            }
        }
    }

    /** The producer's default partitioner for a keyed record. */
    private static int partition(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** Sets (or, with null, removes) the topic's max.message.bytes and waits until the broker reports it. */
    private static void setMaxMessageBytes(Admin admin, String value) throws Exception {
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.NEWS_INGESTED);
        ConfigEntry entry = new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, value == null ? "" : value);
        AlterConfigOp op = new AlterConfigOp(entry, value == null ? AlterConfigOp.OpType.DELETE : AlterConfigOp.OpType.SET);
        admin.incrementalAlterConfigs(Map.of(topic, List.of(op))).all().get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            ConfigEntry now = admin.describeConfigs(List.of(topic)).all().get(10, TimeUnit.SECONDS).get(topic)
                    .get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
            return value == null ? now.source() != ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG : value.equals(now.value());
        });
    }
}
