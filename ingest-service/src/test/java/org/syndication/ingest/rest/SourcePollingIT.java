package org.syndication.ingest.rest;

import com.sun.net.httpserver.HttpExchange;
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
import org.syndication.events.CeHeaders;
import org.syndication.events.EventJson;
import org.syndication.events.NewsItemIngested;
import org.syndication.events.Topics;
import org.syndication.ingest.DueSources;
import org.syndication.ingest.messaging.TopicProbe;
import org.syndication.ingest.parse.ItemIdentity;
import org.syndication.ingest.service.SourcePoller;
import org.syndication.localstack.test.KafkaResource;
import org.syndication.localstack.test.PostgresResource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.syndication.ingest.TestData.fixture;

/**
 * Feed sources polled from a JDK HTTP server of the test's own (loopback, port 0), publishing to the real broker.
 * The scheduler is off in tests ({@code %test.ingest.sources.poll-every=off}); the test drives the poller.
 */
@QuarkusTest
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(value = PostgresResource.class, parallel = true)
class SourcePollingIT {

    private static HttpServer server;
    private static String base;
    private static TopicProbe probe;
    private static final AtomicInteger FULL_READS = new AtomicInteger();
    private static final AtomicInteger NOT_MODIFIED = new AtomicInteger();

    @Inject
    SourcePoller poller;

    @Inject
    DueSources sources;

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] feed = fixture("feeds/rss-2.0.xml");
        server.createContext("/feeds/", exchange -> {
            if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                NOT_MODIFIED.incrementAndGet();
                respond(exchange, 304, null, null);
                return;
            }
            FULL_READS.incrementAndGet();
            exchange.getResponseHeaders().add("ETag", "\"v1\"");
            exchange.getResponseHeaders().add("Last-Modified", "Tue, 21 May 2019 10:00:00 GMT");
            respond(exchange, 200, "application/rss+xml", feed);
        });
        server.createContext("/broken", exchange -> respond(exchange, 500, null, null));
        server.createContext("/hostile", exchange ->
                respond(exchange, 200, "application/rss+xml", fixture("feeds/billion-laughs.xml")));
        server.createContext("/xxe", exchange -> respond(exchange, 200, "application/rss+xml", fixture("feeds/xxe.xml")));
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        probe = new TopicProbe(System.getProperty(KafkaResource.BOOTSTRAP), Topics.NEWS_INGESTED);
    }

    @AfterAll
    static void stop() {
        server.stop(0);
        probe.close();
    }

    private static void respond(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        if (type != null) {
            exchange.getResponseHeaders().add("Content-Type", type);
        }
        exchange.sendResponseHeaders(status, body == null ? -1 : body.length);
        if (body != null) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    private static JsonPath register(String url, String name, int status) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("url", url, "name", name, "intervalSeconds", 60))
                .when().post("/api/sources")
                .then().statusCode(status).extract().jsonPath();
    }

    private static JsonPath source(long id) {
        return given().when().get("/api/sources/" + id).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void feedIsPolledPublishedThenAnsweredWith304AndFailingSourcesDoNotStopIt() {
        String name = "field-" + UUID.randomUUID().toString().substring(0, 8);
        long feedId = register(base + "/feeds/" + name + ".xml", name, 201).getLong("id");
        long brokenId = register(base + "/broken", name + "-broken", 201).getLong("id");
        long hostileId = register(base + "/hostile", name + "-hostile", 201).getLong("id");
        long xxeId = register(base + "/xxe", name + "-xxe", 201).getLong("id");
        assertThat(source(feedId).getString("status")).isEqualTo("PENDING");

        var mark = probe.mark();
        sources.onlyDueNow(feedId, brokenId, hostileId, xxeId);
        poller.pollDue();

        JsonPath feed = source(feedId);
        assertThat(feed.getString("status")).isEqualTo("OK");
        assertThat(feed.getInt("itemsRead")).isEqualTo(3);
        assertThat(feed.getLong("itemsPublished")).isEqualTo(3);
        assertThat(feed.getString("etag")).isEqualTo("\"v1\"");
        assertThat(feed.getString("lastModified")).isEqualTo("Tue, 21 May 2019 10:00:00 GMT");
        assertThat(feed.getString("lastPolledAt")).isNotNull();
        assertThat(feed.getString("lastError")).isNull();

        JsonPath broken = source(brokenId);
        assertThat(broken.getString("status")).isEqualTo("FAILING");
        assertThat(broken.getString("lastError")).isEqualTo("HTTP 500");
        assertThat(broken.getInt("consecutiveFailures")).isEqualTo(1);
        assertThat(source(hostileId).getString("lastError")).contains("refused hostile XML");
        assertThat(source(xxeId).getString("lastError")).contains("refused hostile XML");

        String guidId = ItemIdentity.feedEntryId(name, "field-news-0001", null, null, null);
        String linkId = ItemIdentity.feedEntryId(name, null, "https://field.example.org/news/2", null, null);
        String titleId = ItemIdentity.feedEntryId(name, null, null, null, "Café owners trained on fraud");
        List<ConsumerRecord<String, String>> records =
                TopicProbe.withKeys(probe.readSince(mark), List.of(guidId, linkId, titleId));
        assertThat(records).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(guidId, linkId, titleId);
        NewsItemIngested first = records.stream().filter(r -> r.key().equals(guidId))
                .map(r -> EventJson.fromJson(r.value(), NewsItemIngested.class)).findFirst().orElseThrow();
        assertThat(first.title()).isEqualTo("Training for border officers in Vienna");
        assertThat(first.body()).isEqualTo("Thirty officers took part in a five-day training.");
        assertThat(first.link()).isEqualTo("https://field.example.org/news/1");
        assertThat(first.date()).isEqualTo(LocalDate.of(2019, 5, 21));
        assertThat(first.source().name()).isEqualTo(name);
        assertThat(TopicProbe.header(records.get(0), CeHeaders.SPEC_VERSION)).isEqualTo("1.0");

        int fullReads = FULL_READS.get();
        mark = probe.mark();
        sources.onlyDueNow(feedId, brokenId, hostileId, xxeId);
        poller.pollDue();
        assertThat(NOT_MODIFIED.get()).isPositive();
        assertThat(FULL_READS.get()).isEqualTo(fullReads);
        assertThat(source(feedId).getInt("itemsRead")).isEqualTo(3);
        assertThat(source(feedId).getString("status")).isEqualTo("OK");
        assertThat(source(brokenId).getInt("consecutiveFailures")).isEqualTo(2);
        assertThat(TopicProbe.withKeys(probe.readSince(mark), List.of(guidId, linkId, titleId))).isEmpty();
    }

    @Test
    void registeringTheSameUrlTwiceAnswersTheExistingSource() {
        String url = base + "/feeds/" + UUID.randomUUID() + ".xml";
        long id = register(url, "twice", 201).getLong("id");
        assertThat(register(url, "twice", 200).getLong("id")).isEqualTo(id);
        assertThat(given().when().get("/api/sources").then().statusCode(200).extract().jsonPath()
                .getList("url")).contains(url);
    }

    @Test
    void nonHttpUrlsAreRefused() {
        given().contentType(ContentType.JSON).body(Map.of("url", "file:///etc/passwd"))
                .when().post("/api/sources")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo(ProblemTypes.SOURCE_URL_REFUSED.toString()));
    }

    @Test
    void unknownSourceIs404() {
        given().when().get("/api/sources/999999")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo(ProblemTypes.SOURCE_NOT_FOUND.toString()));
    }
}
