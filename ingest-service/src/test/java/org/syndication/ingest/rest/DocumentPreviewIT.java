package org.syndication.ingest.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.syndication.events.Topics;
import org.syndication.ingest.IngestedItemRepository;
import org.syndication.ingest.TestData;
import org.syndication.ingest.messaging.TopicProbe;
import org.syndication.ingest.parse.ItemIdentity;
import org.syndication.localstack.test.KafkaResource;
import org.syndication.localstack.test.PostgresResource;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * {@code POST /api/documents?dryRun=true} against the real broker and PostgreSQL of local-stack: the reader's items
 * and layout come back, nothing reaches {@code news.ingested} or the ledger, and every input check of a real post
 * still applies.
 */
@QuarkusTest
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(value = PostgresResource.class, parallel = true)
class DocumentPreviewIT {

    private static final String PAGE_URL = "https://press.example.org/news";
    private static final List<String> TITLES = List.of(
            "Pilots complete night navigation drills in the northern channel",
            "Customs and coast guard sign data-sharing agreement",
            "Rescue boat crews certified in cold-water survival");
    private static final List<LocalDate> DATES = List.of(
            LocalDate.of(2023, 5, 12), LocalDate.of(2023, 4, 28), LocalDate.of(2023, 4, 3));

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
        return "preview-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static RequestSpecification request(String source, String contentType, byte[] body) {
        return given().contentType(contentType).body(body)
                .queryParam("source", source).queryParam("url", PAGE_URL);
    }

    private static JsonPath dryRun(String source, String contentType, byte[] body) {
        return request(source, contentType, body).queryParam("dryRun", "true")
                .when().post("/api/documents")
                .then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
    }

    private static List<String> expectedIds(String source) {
        return List.of(ItemIdentity.itemId(source, DATES.get(0), TITLES.get(0)),
                ItemIdentity.itemId(source, DATES.get(1), TITLES.get(1)),
                ItemIdentity.itemId(source, DATES.get(2), TITLES.get(2)));
    }

    @Test
    void dryRunShowsItemsLayoutAndDroppedLinesAndPublishesNothingThenARealPostPublishesEveryItem() {
        String source = uniqueSource();
        byte[] page = TestData.fixture("preview/press-release-listing.txt");
        List<String> ids = expectedIds(source);
        var mark = probe.mark();

        JsonPath preview = dryRun(source, "text/plain; charset=utf-8", page);

        assertThat(preview.getBoolean("dryRun")).isTrue();
        assertThat(preview.getString("source")).isEqualTo(source);
        assertThat(preview.getString("reader")).isEqualTo("text");
        assertThat(preview.getString("layout")).isEqualTo("title, then date line");
        assertThat(preview.getInt("dateLines")).isEqualTo(3);
        assertThat(preview.getList("items.title")).isEqualTo(TITLES);
        assertThat(preview.getList("items.date")).containsExactly("2023-05-12", "2023-04-28", "2023-04-03");
        assertThat(preview.getList("items.itemId")).isEqualTo(ids);
        assertThat(preview.getList("items.link")).containsOnly(PAGE_URL);
        assertThat(preview.getList("items.summary")).containsExactly(
                "Twelve harbour pilots finished a week of night drills on the approaches to the container terminal.",
                "The two agencies will exchange vessel arrival data in real time from June.",
                "Nine crews passed the new cold-water certificate after three days of exercises.");
        List<Map<String, String>> dropped = preview.getList("dropped");
        assertThat(dropped).contains(
                Map.of("text", "Publishing date: 12 May 2023", "reason", "metadata line: gave its item's date"),
                Map.of("text", "Content type: Press release", "reason", "label line (name: value)"),
                Map.of("text", "Where we are: Headquarters", "reason", "label line (name: value)"),
                Map.of("text", "Harbourland Maritime Office", "reason", "before the first item (page header)"),
                Map.of("text", "Read more", "reason", "page chrome (navigation, credit, more link, boilerplate)"));
        assertThat(dropped).extracting(d -> d.get("text"))
                .filteredOn(text -> text.startsWith("Publishing date:") || text.startsWith("Content type:")
                        || text.startsWith("Where we are:"))
                .hasSize(9);

        assertThat(TopicProbe.withKeys(probe.readSince(mark), ids)).isEmpty();
        assertThat(ledger.list("itemId in ?1", ids)).isEmpty();
        assertThat(ledger.count("source", source)).isZero();

        // the dry run marked nothing as seen: the same page posted for real is published in full, as new items
        mark = probe.mark();
        JsonPath accepted = request(source, "text/plain; charset=utf-8", page)
                .when().post("/api/documents")
                .then().statusCode(202).contentType(ContentType.JSON).extract().jsonPath();
        assertThat(accepted.getList("items.itemId")).isEqualTo(ids);
        assertThat(accepted.getList("items.status")).containsExactly("NEW", "NEW", "NEW");
        List<ConsumerRecord<String, String>> records = TopicProbe.withKeys(probe.readSince(mark), ids);
        assertThat(records).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(ledger.list("itemId in ?1", ids)).hasSize(3);
    }

    @Test
    void dryRunOfAKnownPageStillPublishesNothingAndChangesNoVersion() {
        String source = uniqueSource();
        byte[] page = TestData.fixture("preview/press-release-listing.txt");
        List<String> ids = expectedIds(source);
        request(source, "text/plain", page).when().post("/api/documents").then().statusCode(202);
        String corrected = new String(page, StandardCharsets.UTF_8)
                .replace("from June.", "from July.");
        var mark = probe.mark();

        JsonPath preview = dryRun(source, "text/plain", corrected.getBytes(StandardCharsets.UTF_8));

        assertThat(preview.getList("items.itemId")).isEqualTo(ids);
        assertThat(TopicProbe.withKeys(probe.readSince(mark), ids)).isEmpty();
        assertThat(ledger.list("itemId in ?1", ids)).extracting(i -> i.version).containsOnly(1L);
    }

    @Test
    void htmlDryRunMakesTheItemLinksAbsoluteAgainstTheUrlParameter() {
        JsonPath preview = dryRun(uniqueSource(), "text/html; charset=utf-8",
                TestData.fixture("preview/press-release-listing.html"));
        assertThat(preview.getList("items.title")).containsExactly("Pilots complete night navigation drills",
                "Customs and coast guard sign data-sharing agreement");
        assertThat(preview.getList("items.link")).containsExactly("https://press.example.org/news/pilots-night-drills",
                "https://press.example.org/news/data-sharing");
        assertThat(preview.getList("items.date")).containsExactly("2023-05-12", "2023-04-28");
    }

    @Test
    void aPageWithoutItemsIsA200PreviewWhileARealPostStaysA422() {
        String source = uniqueSource();
        byte[] page = "Welcome to our website.\nNothing dated here.".getBytes(StandardCharsets.UTF_8);

        JsonPath preview = dryRun(source, "text/plain", page);
        assertThat(preview.getList("items")).isEmpty();
        assertThat(preview.getString("layout")).isEqualTo("no item found");
        assertThat(preview.getInt("dateLines")).isZero();

        request(source, "text/plain", page).when().post("/api/documents")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo(ProblemTypes.NO_ITEMS_FOUND.toString()));
        assertThat(ledger.count("source", source)).isZero();
    }

    @Test
    void textPlainWhenAskedForIt() {
        String text = request(uniqueSource(), "text/plain", TestData.fixture("preview/press-release-listing.txt"))
                .queryParam("dryRun", "true").accept("text/plain")
                .when().post("/api/documents")
                .then().statusCode(200).contentType(ContentType.TEXT).extract().asString();
        assertThat(text).startsWith("dry run: nothing published\n"
                        + "reader: text; layout: title, then date line; date lines: 3\n"
                        + "3 items:\n"
                        + "  2023-05-12  Pilots complete night navigation drills in the northern channel  [" + PAGE_URL + "]\n")
                .contains("  Content type: News  (label line (name: value))\n");
    }

    @Test
    void dryRunHasTheInputChecksOfARealPost() {
        byte[] big = new byte[6 * 1024 * 1024];
        Arrays.fill(big, (byte) 'a');
        given().contentType("text/plain").body(big).queryParam("source", uniqueSource()).queryParam("dryRun", "true")
                .accept("text/plain")
                .when().post("/api/documents")
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo(ProblemTypes.DOCUMENT_TOO_LARGE.toString()));
        given().contentType("text/plain").body(new byte[] {'2', '0', (byte) 0x81, (byte) 0x8d})
                .queryParam("source", uniqueSource()).queryParam("dryRun", "true")
                .when().post("/api/documents")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo(ProblemTypes.UNDECODABLE_DOCUMENT.toString()));
        given().contentType("text/plain").body(new byte[0]).queryParam("source", uniqueSource())
                .queryParam("dryRun", "true")
                .when().post("/api/documents")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo(ProblemTypes.EMPTY_DOCUMENT.toString()));
        given().contentType(ContentType.JSON).body("{\"text\": \"x\"}").queryParam("source", uniqueSource())
                .queryParam("dryRun", "true")
                .when().post("/api/documents")
                .then().statusCode(415).contentType("application/problem+json")
                .body("type", equalTo(ProblemTypes.UNSUPPORTED_MEDIA_TYPE.toString()));
        given().contentType("text/plain").body("20 April 2017: Title").queryParam("dryRun", "true")
                .when().post("/api/documents")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo(ProblemTypes.INVALID_REQUEST.toString()));
    }

    @Test
    void aMistypedDryRunIsRefusedAndPublishesNothing() {
        String source = uniqueSource();
        request(source, "text/plain", TestData.fixture("preview/press-release-listing.txt")).queryParam("dryRun", "yes")
                .when().post("/api/documents")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo(ProblemTypes.INVALID_REQUEST.toString()))
                .body("detail", containsString("dryRun"));
        assertThat(ledger.count("source", source)).isZero();
    }

    @Test
    void previewsAreCountedApartFromAcceptedDocuments() {
        double previews = metric("ingest_previews_total{type=\"text\"}");
        double documents = metric("ingest_documents_total{type=\"text\"}");
        dryRun(uniqueSource(), "text/plain", TestData.fixture("preview/press-release-listing.txt"));
        assertThat(metric("ingest_previews_total{type=\"text\"}")).isEqualTo(previews + 1);
        assertThat(metric("ingest_documents_total{type=\"text\"}")).isEqualTo(documents);
    }

    /** A counter's value from the Prometheus page, 0 while it does not exist yet. */
    private static double metric(String name) {
        String page = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + " (\\S+)$").matcher(page);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
