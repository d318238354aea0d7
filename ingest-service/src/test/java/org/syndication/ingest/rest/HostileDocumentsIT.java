package org.syndication.ingest.rest;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.syndication.events.EventJson;
import org.syndication.events.NewsItemIngested;
import org.syndication.events.Topics;
import org.syndication.ingest.DueSources;
import org.syndication.ingest.IngestedItemRepository;
import org.syndication.ingest.TestData;
import org.syndication.ingest.messaging.TopicProbe;
import org.syndication.ingest.parse.ItemIdentity;
import org.syndication.ingest.service.SourcePoller;
import org.syndication.localstack.test.KafkaResource;
import org.syndication.localstack.test.PostgresResource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Hostile input against the real service (Kafka and PostgreSQL of local-stack, feeds served by a JDK HTTP server
 * of the test's own on loopback): what an outside review found (issue 13) and what must stay fixed. Each test is
 * one finding. Private addresses are allowed here (the test profile's default), so that feeds can be served from
 * loopback; the SSRF finding, which needs them refused, is {@link HostileSourceUrlIT}.
 */
@QuarkusTest
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(value = PostgresResource.class, parallel = true)
class HostileDocumentsIT {

    private static final String PAGE_URL = "https://news.example.org/latest";

    private static HttpServer server;
    private static String base;
    private static TopicProbe probe;

    @Inject
    SourcePoller poller;

    @Inject
    DueSources sources;

    @Inject
    IngestedItemRepository ledger;

    /** An RSS 2.0 feed whose items carry script and data links, written every way a browser still runs them. */
    private static final String SCRIPT_LINK_FEED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Links</title><link>https://links.example.org/</link>
            <description>d</description>
            <item><guid isPermaLink="false">js-plain</guid><title>Plain script link</title>
              <link>javascript:alert(document.cookie)</link><description>One.</description></item>
            <item><guid isPermaLink="false">js-case</guid><title>Mixed case and leading spaces</title>
              <link>   JaVaScRiPt:alert(1)</link><description>Two.</description></item>
            <item><guid isPermaLink="false">js-tab</guid><title>Tab inside the scheme</title>
              <link>java&#x09;script:alert(1)</link><description>Three.</description></item>
            <item><guid isPermaLink="false">data</guid><title>Data link</title>
              <link>data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==</link><description>Four.</description></item>
            <item><guid isPermaLink="false">vbs</guid><title>VBScript link</title>
              <link>vbscript:msgbox(1)</link><description>Five.</description></item>
            <item><guid isPermaLink="false">good</guid><title>Ordinary link</title>
              <link>https://links.example.org/news/ordinary</link><description>Six.</description></item>
            </channel></rss>
            """;

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        serve("/blowup.xml", TestData.quadraticBlowupFeed(4_096, 900));
        serve("/script-links.xml", SCRIPT_LINK_FEED.getBytes(StandardCharsets.UTF_8));
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        probe = new TopicProbe(System.getProperty(KafkaResource.BOOTSTRAP), Topics.NEWS_INGESTED);
    }

    private static void serve(String path, byte[] body) {
        server.createContext(path, exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/rss+xml");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }

    @AfterAll
    static void stop() {
        server.stop(0);
        probe.close();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static long register(String url, String name) {
        return given().contentType(ContentType.JSON).body(Map.of("url", url, "name", name, "intervalSeconds", 60))
                .when().post("/api/sources")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static JsonPath source(long id) {
        return given().when().get("/api/sources/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, NewsItemIngested> eventsByKey(List<ConsumerRecord<String, String>> records) {
        return records.stream().collect(Collectors.toMap(ConsumerRecord::key,
                r -> EventJson.fromJson(r.value(), NewsItemIngested.class), (a, b) -> b));
    }

    /** Finding 6: a 9 KB feed that expands to megabytes under the count of expansions is refused, nothing published. */
    @Test
    void quadraticEntityBlowupFeedIsRefusedWithAClearPollError() {
        String name = unique("blowup");
        long id = register(base + "/blowup.xml", name);
        var mark = probe.mark();

        sources.onlyDueNow(id);
        poller.pollDue();

        JsonPath polled = source(id);
        assertThat(polled.getString("status")).isEqualTo("FAILING");
        assertThat(polled.getString("lastError"))
                .startsWith("refused hostile XML")
                .contains("expanded entity size 100000 characters")
                .contains("accumulated size of entities");
        assertThat(polled.getLong("itemsPublished")).isZero();
        String itemId = ItemIdentity.feedEntryId(name, "pad-1", null, null, null);
        assertThat(TopicProbe.withKeys(probe.readSince(mark), List.of(itemId))).isEmpty();
        assertThat(ledger.count("source", ItemIdentity.canonicalSource(name))).isZero();
    }

    /** Finding 9: a stray vertical tab (Word's line break) or other control is read as a break, not refused. */
    @Test
    void pageWithStrayControlCharactersIsAcceptedAndReadAsText() {
        String source = unique("word");
        String page = "Latest news\u000b\n20 April 2017: Harbour training for customs\u0007officers\u000b"
                + "Thirty officers from five ports took part.\f\n3 March 2017 - Conference on maritime crime\n"
                + "Experts met\u0001for two days.\n";
        var mark = probe.mark();

        JsonPath answer = given().contentType("text/plain; charset=utf-8").body(page.getBytes(StandardCharsets.UTF_8))
                .queryParam("source", source)
                .when().post("/api/documents")
                .then().statusCode(202).extract().jsonPath();

        assertThat(answer.getList("items.title"))
                .containsExactly("Harbour training for customs officers", "Conference on maritime crime");
        List<String> ids = answer.getList("items.itemId");
        Map<String, NewsItemIngested> events = eventsByKey(TopicProbe.withKeys(probe.readSince(mark), ids));
        assertThat(events.get(ids.get(0)).body()).isEqualTo("Thirty officers from five ports took part.");
        assertThat(events.get(ids.get(1)).body()).isEqualTo("Experts met for two days.");
        assertThat(events.get(ids.get(0)).date()).isEqualTo(LocalDate.of(2017, 4, 20));
    }

    /** Finding 9, the other side: what is really binary is still refused, and nothing is recorded. */
    @Test
    void bodyWithNulBytesIsStillRefusedAsBinary() {
        String source = unique("nul");
        byte[] body = "20 April 2017: Harbour training\u0000\u0000\u0000 for officers".getBytes(StandardCharsets.UTF_8);
        given().contentType("text/plain").body(body).queryParam("source", source)
                .when().post("/api/documents")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo(ProblemTypes.UNDECODABLE_DOCUMENT.toString()))
                .body("detail", containsString("NUL"));
        assertThat(ledger.count("source", source)).isZero();
    }

    /** Finding 11, pages: script, data and VBScript links never reach news.ingested; relative ones are made absolute. */
    @Test
    void scriptLinksOnAPageBecomeThePageUrl() {
        String source = unique("links");
        String html = "<html><body><main>"
                + "<p><b>20 April 2017:</b> <a href=\"java&#x09;script:alert(1)\">Harbour training for customs officers</a></p>"
                + "<p>Thirty officers took part.</p>"
                + "<p><b>3 March 2017:</b> <a href=\"  JaVaScRiPt:alert(2)\">Conference on maritime crime</a></p>"
                + "<p>Experts met for two days.</p>"
                + "<p><b>2 February 2017:</b> <a href=\"data:text/html;base64,PHNjcmlwdD4=\">Port security report</a></p>"
                + "<p>The report is out.</p>"
                + "<p><b>1 January 2017:</b> <a href=\"VBScript:msgbox(4)\">New year at the port</a></p>"
                + "<p>Ships sounded their horns.</p>"
                + "<p><b>5 December 2016:</b> <a href=\"/news/ferry\">Ferry timetable changes</a></p>"
                + "<p>The winter timetable starts.</p>"
                + "</main></body></html>";
        var mark = probe.mark();

        JsonPath answer = given().contentType("text/html; charset=utf-8").body(html.getBytes(StandardCharsets.UTF_8))
                .queryParam("source", source).queryParam("url", PAGE_URL)
                .when().post("/api/documents")
                .then().statusCode(202).extract().jsonPath();

        assertThat(answer.getList("items.title")).containsExactly("Harbour training for customs officers",
                "Conference on maritime crime", "Port security report", "New year at the port", "Ferry timetable changes");
        List<String> ids = answer.getList("items.itemId");
        Map<String, NewsItemIngested> events = eventsByKey(TopicProbe.withKeys(probe.readSince(mark), ids));
        assertThat(ids.stream().map(id -> events.get(id).link()).toList()).containsExactly(PAGE_URL, PAGE_URL, PAGE_URL,
                PAGE_URL, "https://news.example.org/news/ferry");
    }

    /** Finding 11, feeds: an entry's script or data link is dropped; the entry itself is published. */
    @Test
    void scriptLinksInAFeedAreDropped() {
        String name = unique("feedlinks");
        long id = register(base + "/script-links.xml", name);
        var mark = probe.mark();

        sources.onlyDueNow(id);
        poller.pollDue();

        assertThat(source(id).getString("status")).isEqualTo("OK");
        Map<String, String> idByGuid = List.of("js-plain", "js-case", "js-tab", "data", "vbs", "good").stream()
                .collect(Collectors.toMap(Function.identity(), g -> ItemIdentity.feedEntryId(name, g, null, null, null)));
        Map<String, NewsItemIngested> events =
                eventsByKey(TopicProbe.withKeys(probe.readSince(mark), List.copyOf(idByGuid.values())));
        assertThat(events).hasSize(6);
        for (String guid : List.of("js-plain", "js-case", "js-tab", "data", "vbs")) {
            assertThat(events.get(idByGuid.get(guid)).link()).as(guid).isNull();
        }
        assertThat(events.get(idByGuid.get("good")).link()).isEqualTo("https://links.example.org/news/ordinary");
    }

    /** Finding 13: a source URL longer than the column is a 400 problem, not a 500, and nothing is stored. */
    @Test
    void sourceUrlOverTwoThousandFortyEightCharactersIs400() {
        String path = "/" + "a".repeat(SourceRequest.MAX_URL);
        given().contentType(ContentType.JSON).body(Map.of("url", base + path, "name", unique("long")))
                .when().post("/api/sources")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo(ProblemTypes.INVALID_REQUEST.toString()))
                .body("detail", containsString("2048"));
        assertThat(given().when().get("/api/sources").then().statusCode(200).extract().jsonPath().getList("url", String.class))
                .noneMatch(url -> url.endsWith(path));

        String longest = base + "/" + "b".repeat(SourceRequest.MAX_URL - base.length() - 1);
        assertThat(longest).hasSize(SourceRequest.MAX_URL);
        given().contentType(ContentType.JSON).body(Map.of("url", longest, "name", unique("longest")))
                .when().post("/api/sources")
                .then().statusCode(201);
    }
}
