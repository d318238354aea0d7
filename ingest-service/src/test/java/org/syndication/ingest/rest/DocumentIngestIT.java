package org.syndication.ingest.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.syndication.events.CeHeaders;
import org.syndication.events.CeTypes;
import org.syndication.events.EventJson;
import org.syndication.events.NewsItemIngested;
import org.syndication.events.Topics;
import org.syndication.ingest.IngestedItemRepository;
import org.syndication.ingest.messaging.TopicProbe;
import org.syndication.ingest.parse.ItemIdentity;
import org.syndication.localstack.test.KafkaResource;
import org.syndication.localstack.test.PostgresResource;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** {@code POST /api/documents} against the real broker and PostgreSQL of local-stack. */
@QuarkusTest
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(value = PostgresResource.class, parallel = true)
class DocumentIngestIT {

    private static final String PAGE = """
            Latest news

            20 April 2017: Harbour training for customs officers
            Thirty officers from five ports took part.

            3 March 2017 - Conference on maritime crime
            Experts met for two days.
            """;

    private static TopicProbe probe;

    @Inject
    IngestedItemRepository ledger;

    @BeforeAll
    static void connect() {
        probe = new TopicProbe(System.getProperty(KafkaResource.BOOTSTRAP), Topics.NEWS_INGESTED);
    }

    @AfterAll
    static void disconnect() {
        probe.close();
    }

    private static String uniqueSource() {
        return "it-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static JsonPath post(String source, String contentType, byte[] body, int status) {
        return given().contentType(contentType).body(body)
                .queryParam("source", source).queryParam("url", "https://news.example.org/page")
                .when().post("/api/documents")
                .then().statusCode(status).extract().jsonPath();
    }

    @Test
    void everyItemIsPublishedWithKeyPayloadAndCloudEventsHeadersBeforeThe202() {
        String source = uniqueSource();
        var mark = probe.mark();
        Instant before = Instant.now();

        JsonPath answer = post(source, "text/plain; charset=utf-8", PAGE.getBytes(StandardCharsets.UTF_8), 202);

        assertThat(answer.getString("documentId")).isNotBlank();
        assertThat(answer.getList("items.title")).containsExactly("Harbour training for customs officers",
                "Conference on maritime crime");
        assertThat(answer.getList("items.date")).containsExactly("2017-04-20", "2017-03-03");
        assertThat(answer.getList("items.status")).containsExactly("NEW", "NEW");
        assertThat(answer.getList("items.version", Integer.class)).containsExactly(1, 1);
        String firstId = ItemIdentity.itemId(source, LocalDate.of(2017, 4, 20), "Harbour training for customs officers");
        List<String> ids = answer.getList("items.itemId");
        assertThat(ids.get(0)).isEqualTo(firstId);

        List<ConsumerRecord<String, String>> records = TopicProbe.withKeys(probe.readSince(mark), ids);
        assertThat(records).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(ids);
        for (ConsumerRecord<String, String> record : records) {
            assertThat(TopicProbe.header(record, CeHeaders.SPEC_VERSION)).isEqualTo("1.0");
            assertThat(TopicProbe.header(record, CeHeaders.TYPE)).isEqualTo(CeTypes.NEWS_ITEM_INGESTED);
            assertThat(TopicProbe.header(record, CeHeaders.SOURCE)).isEqualTo("/ingest-service");
            assertThat(TopicProbe.header(record, CeHeaders.CONTENT_TYPE)).isEqualTo("application/json");
            assertThat(UUID.fromString(TopicProbe.header(record, CeHeaders.ID))).isNotNull();
            assertThat(Instant.parse(TopicProbe.header(record, CeHeaders.TIME))).isAfterOrEqualTo(before.minusSeconds(1));
            NewsItemIngested event = EventJson.fromJson(record.value(), NewsItemIngested.class);
            assertThat(event.itemId()).isEqualTo(record.key());
            assertThat(event.source().name()).isEqualTo(source);
            assertThat(event.source().url()).isEqualTo("https://news.example.org/page");
            assertThat(event.version()).isEqualTo(1);
            assertThat(event.contentHash()).isEqualTo(ItemIdentity.contentHash(event.title(), event.body()));
            assertThat(event.language()).isEqualTo("en");
        }
        NewsItemIngested first = records.stream().filter(r -> r.key().equals(firstId))
                .map(r -> EventJson.fromJson(r.value(), NewsItemIngested.class)).findFirst().orElseThrow();
        assertThat(first.title()).isEqualTo("Harbour training for customs officers");
        assertThat(first.body()).isEqualTo("Thirty officers from five ports took part.");
        assertThat(first.date()).isEqualTo(LocalDate.of(2017, 4, 20));
        assertThat(records.stream().map(r -> TopicProbe.header(r, CeHeaders.ID)).distinct()).hasSize(2);
    }

    @Test
    void repostingTheSamePagePublishesNothingAndAChangedItemGetsVersionTwo() {
        String source = uniqueSource();
        List<String> ids = post(source, "text/plain", PAGE.getBytes(StandardCharsets.UTF_8), 202).getList("items.itemId");

        var mark = probe.mark();
        JsonPath again = post(source, "text/plain", PAGE.getBytes(StandardCharsets.UTF_8), 202);
        assertThat(again.getList("items.status")).containsExactly("UNCHANGED", "UNCHANGED");
        assertThat(again.getList("items.itemId")).isEqualTo(ids);
        assertThat(TopicProbe.withKeys(probe.readSince(mark), ids)).isEmpty();

        String corrected = PAGE.replace("Experts met for two days.", "Experts met for three days.");
        mark = probe.mark();
        JsonPath third = post(source, "text/plain", corrected.getBytes(StandardCharsets.UTF_8), 202);
        assertThat(third.getList("items.status")).containsExactly("UNCHANGED", "CORRECTED");
        assertThat(third.getList("items.version", Integer.class)).containsExactly(1, 2);
        List<ConsumerRecord<String, String>> records = TopicProbe.withKeys(probe.readSince(mark), ids);
        assertThat(records).hasSize(1);
        NewsItemIngested event = EventJson.fromJson(records.get(0).value(), NewsItemIngested.class);
        assertThat(event.itemId()).isEqualTo(ids.get(1));
        assertThat(event.version()).isEqualTo(2);
        assertThat(event.body()).isEqualTo("Experts met for three days.");

        assertThat(ledger.list("itemId in ?1", ids)).hasSize(2);
        assertThat(ledger.findById(ids.get(1)).version).isEqualTo(2);
        assertThat(ledger.findById(ids.get(1)).contentHash).isEqualTo(event.contentHash());
    }

    @Test
    void htmlInWindows1252WithoutCharsetIsReadAndKeepsTheItemLink() {
        String source = uniqueSource();
        String html = "<html><body><nav>Menu</nav><div><p><b>20 April 2017:</b> "
                + "<a href='/news/caf\u00e9'>Caf\u00e9 owners trained \u2013 \u201cfraud\u201d</a></p>"
                + "<p>Body text here.</p></div></body></html>";
        JsonPath answer = post(source, "text/html", html.getBytes(Charset.forName("windows-1252")), 202);
        assertThat(answer.getList("items.title")).containsExactly("Caf\u00e9 owners trained \u2013 \u201cfraud\u201d");
    }

    @Test
    void emptyBodyIs422() {
        given().contentType("text/plain").body(new byte[0]).queryParam("source", uniqueSource())
                .when().post("/api/documents")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo(ProblemTypes.EMPTY_DOCUMENT.toString()));
    }

    @Test
    void pageWithoutItemsIs422SayingWhy() {
        String source = uniqueSource();
        given().contentType("text/plain").body("Welcome to our website. Nothing dated here.")
                .queryParam("source", source)
                .when().post("/api/documents")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo(ProblemTypes.NO_ITEMS_FOUND.toString()))
                .body("detail", org.hamcrest.Matchers.containsString("no news item found"));
        assertThat(ledger.count("source", source)).isZero();
    }

    @Test
    void bodyOverTheLimitIs413() {
        byte[] big = new byte[6 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        given().contentType("text/plain").body(big).queryParam("source", uniqueSource())
                .when().post("/api/documents")
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo(ProblemTypes.DOCUMENT_TOO_LARGE.toString()));
    }

    @Test
    void itemLargerThanAKafkaRecordIs413AndRecordsNothing() {
        String source = uniqueSource();
        String page = "20 April 2017: A very long report\n" + "Many words in one long paragraph. ".repeat(40_000);
        given().contentType("text/plain").body(page).queryParam("source", source)
                .when().post("/api/documents")
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo(ProblemTypes.DOCUMENT_TOO_LARGE.toString()));
        assertThat(ledger.count("source", source)).isZero();
    }

    @Test
    void otherMediaTypesAre415() {
        given().contentType(ContentType.JSON).body("{\"text\": \"x\"}").queryParam("source", uniqueSource())
                .when().post("/api/documents")
                .then().statusCode(415).contentType("application/problem+json")
                .body("type", equalTo(ProblemTypes.UNSUPPORTED_MEDIA_TYPE.toString()));
    }

    @Test
    void undecodableBytesAre400() {
        given().contentType("text/plain").body(new byte[] {'2', '0', (byte) 0x81, (byte) 0x8d})
                .queryParam("source", uniqueSource())
                .when().post("/api/documents")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo(ProblemTypes.UNDECODABLE_DOCUMENT.toString()));
    }

    @Test
    void missingSourceIs400() {
        given().contentType("text/plain").body(PAGE)
                .when().post("/api/documents")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo(ProblemTypes.INVALID_REQUEST.toString()));
    }

    @Test
    void unknownPathIsAProblemWithAType() {
        given().when().get("/api/nothing-here")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo(ProblemTypes.forStatus(404).toString()));
    }

    @Test
    void metricsCountItemsAndTimePublishing() {
        String source = uniqueSource();
        post(source, "text/plain", PAGE.getBytes(StandardCharsets.UTF_8), 202);
        post(source, "text/plain", PAGE.getBytes(StandardCharsets.UTF_8), 202);
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("ingest_items_total{status=\"new\"}", "ingest_documents_total{type=\"text\"}",
                "ingest_publish_seconds_count", "# HELP ingest_items_accepted Items published to news.ingested",
                "# HELP ingest_items_refused Items not published");
        // the first post published every item of the page, the second refused each one as unchanged
        assertThat(sample(metrics, "ingest_items_accepted_total{reason=\"new\",source=\"" + source + "\"}"))
                .isEqualTo(2.0).isEqualTo(sample(metrics,
                        "ingest_items_refused_total{reason=\"unchanged\",source=\"" + source + "\"}"));
    }

    private static double sample(String metrics, String series) {
        return metrics.lines().filter(l -> l.startsWith(series + " "))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(-1);
    }

    @Test
    void readinessCoversKafkaAndTheDatabase() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", org.hamcrest.Matchers.hasItems("Kafka connection health check",
                        "Database connections health check"));
    }
}
