package org.syndication.feed;

import java.util.Arrays;
import java.net.http.HttpClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.syndication.events.NewsItemCatalogued;
import org.syndication.events.ThemeTag;
import org.syndication.feed.mapping.EntryMapper;
import org.syndication.localstack.test.KafkaResource;
import org.syndication.localstack.test.PostgresResource;
import org.syndication.localstack.test.RawHttp;
import org.syndication.localstack.test.SmtpResource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Requests an outside reviewer sent to a running feed service, kept here so they stay answered well: the operator
 * API reached through other spellings of its path without the token, and bodies over the limit on every endpoint
 * that takes one. Sent over a plain socket ({@link RawHttp}) so that no client repairs the path or stops sending
 * a body the server refused.
 */
@QuarkusTest
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = SmtpResource.class, parallel = true)
class HostileRequestsIT {

    static final String PROBLEMS = "https://syndication.example.org/problems/";
    static final String TOKEN = "Bearer test-token";
    /** feed.max-body-size in every profile (the default). */
    static final int LIMIT = 64 * 1024;

    private static CataloguedRecords records;

    @BeforeAll
    static void producer() {
        records = new CataloguedRecords();
    }

    @AfterAll
    static void close() {
        records.close();
    }

    /**
     * Spellings of {@code /api/<collection>/<rest>} that a router may decode or normalise to the same method, or
     * that a filter comparing strings may not recognise: percent-encoded letters, doubled slashes, dot segments
     * (plain and encoded), a matrix parameter, a trailing slash, an encoded slash.
     */
    static List<String> spellings(String path) {
        String rest = path.substring("/api/".length());
        String encodedFirst = "%" + Integer.toHexString(rest.charAt(0)) + rest.substring(1);
        return List.of(
                "/%61pi/" + rest,
                "/%41%50%49/" + rest,
                "/api/" + encodedFirst,
                "/" + path,
                "/api//" + rest,
                "/x/../api/" + rest,
                "/api/./" + rest,
                "/api/x/../" + rest,
                "/api/%2e/" + rest,
                "/api/x/%2e%2e/" + rest,
                "/api;x=1/" + rest,
                "/api%2f" + rest,
                path + "/");
    }

    private static RawHttp.Response post(String path, String authorization) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        return RawHttp.send(RestAssured.port, "POST", path, headers, new byte[0]);
    }

    /** A new theme (slug {@code prefix-<random>}) with one item, once the item is in the theme's Atom feed. */
    private static ThemeTag themeWithAnItemInItsFeed(String prefix) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        ThemeTag theme = new ThemeTag(prefix + "-" + id, prefix + " " + id);
        NewsItemCatalogued item = TestData.item().title(prefix + " feed item " + id).themes(theme).build();
        records.send(item);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(FeedChecks.entryIds(FeedChecks.parse(
                given().get("/feeds/" + theme.slug() + ".atom").then().statusCode(200).extract().asByteArray())))
                .contains(EntryMapper.uri(item.itemId())));
        return theme;
    }

    @Test
    void issuingADigestNeedsTheTokenHoweverThePathIsSpelled() throws IOException {
        ThemeTag theme = themeWithAnItemInItsFeed("hostile");
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String path = "/api/digests/" + theme.slug() + "/" + today;

        for (String spelling : spellings(path)) {
            RawHttp.Response none = post(spelling, null);
            assertThat(none.status()).as("POST %s without a token", spelling).isIn(401, 404, 405);
            if (none.status() == 401) {
                assertThat(JsonPath.from(none.body()).getString("type")).isEqualTo(PROBLEMS + "unauthorized");
            }
            RawHttp.Response wrong = post(spelling, "Bearer wrong");
            assertThat(wrong.status()).as("POST %s with a wrong token", spelling).isIn(403, 404, 405);
            if (wrong.status() == 403) {
                assertThat(JsonPath.from(wrong.body()).getString("type")).isEqualTo(PROBLEMS + "forbidden");
            }
        }
        assertThat(post(spellings(path).get(0), null).status()).as("the spelling of the report routes").isEqualTo(401);
        given().get("/digests/" + theme.slug() + "/" + today).then().statusCode(404);

        RawHttp.Response issued = post("/%61pi/digests/" + theme.slug() + "/" + today, TOKEN);
        assertThat(issued.status()).isEqualTo(201);
        assertThat(JsonPath.from(issued.body()).getBoolean("issued")).isTrue();
        given().get("/digests/" + theme.slug() + "/" + today).then().statusCode(200);
    }

    /**
     * A cached document is served by a prefix route that compares the path with the cached names (FeedRoutes'
     * hot path); every other spelling goes on to the routes that decode: the same document (same ETag) or a
     * problem, never another document or a 500.
     */
    @Test
    void aFeedDocumentIsTheSameDocumentHoweverItsPathIsSpelled() throws IOException {
        ThemeTag theme = themeWithAnItemInItsFeed("spelled");
        String plain = "/feeds/" + theme.slug() + ".atom";
        String etag = RawHttp.send(RestAssured.port, "GET", plain, Map.of(), new byte[0]).header("ETag");
        assertThat(etag).isNotBlank();

        String file = theme.slug() + ".atom";
        String encodedFirst = "%" + Integer.toHexString(file.charAt(0)) + file.substring(1);
        for (String spelling : List.of("/feeds/" + encodedFirst, "/feeds/./" + file, "/x/../feeds/" + file,
                "/feeds/x/../" + file, "/%66eeds/" + file, "/feeds/" + file.replace(".", "%2e"), "/feeds/" + file + "/")) {
            RawHttp.Response answer = RawHttp.send(RestAssured.port, "GET", spelling, Map.of(), new byte[0]);
            assertThat(answer.status()).as("GET %s", spelling).isEqualTo(200);
            assertThat(answer.header("ETag")).as("GET %s", spelling).isEqualTo(etag);
        }
        for (String other : List.of("/feeds", "/feeds/", "/feeds/" + file + "/x", "/feeds/%2f" + file,
                "/feeds/" + theme.slug() + "-nope.atom", "/feeds/" + theme.slug() + ".xml")) {
            RawHttp.Response answer = RawHttp.send(RestAssured.port, "GET", other, Map.of(), new byte[0]);
            assertThat(answer.status()).as("GET %s", other).isBetween(400, 499);
            assertThat(answer.header("ETag")).as("GET %s", other).isNotEqualTo(etag);
        }
    }

    @Test
    void bodiesOverTheLimitAre413ProblemsOnEveryEndpointAndTheServiceStaysHealthy() throws Exception {
        Map<String, String> json = Map.of("Content-Type", "application/json");
        Map<String, String> form = Map.of("Content-Type", "application/x-www-form-urlencoded");
        int port = RestAssured.port;
        ExecutorService clients = Executors.newFixedThreadPool(10);
        try {
            List<Future<RawHttp.Response>> answers = new ArrayList<>();
            List<Future<RawHttp.Response>> huge = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                answers.add(clients.submit(() -> RawHttp.sendFiller(port, "POST", "/api/subscriptions", json, LIMIT + 1, false)));
            }
            answers.add(clients.submit(() -> RawHttp.sendFiller(port, "POST", "/api/subscriptions", json, LIMIT + 1, true)));
            answers.add(clients.submit(() -> RawHttp.sendFiller(port, "POST", "/api/subscriptions", json, 60L << 20, false)));
            huge.add(answers.get(answers.size() - 1));
            answers.add(clients.submit(() -> RawHttp.sendFiller(port, "POST", "/subscriptions", form, 60L << 20, false)));
            huge.add(answers.get(answers.size() - 1));
            answers.add(clients.submit(() -> RawHttp.sendFiller(port, "POST", "/subscriptions", form, 60L << 20, true)));
            huge.add(answers.get(answers.size() - 1));
            answers.add(clients.submit(() -> RawHttp.sendFiller(port, "POST", "/subscriptions/manage?token=x", form,
                    LIMIT + 1, true)));
            answers.add(clients.submit(() -> RawHttp.sendFiller(port, "POST", "/api/digests/corruption/2020-01-01",
                    Map.of("Authorization", TOKEN), 60L << 20, false)));
            huge.add(answers.get(answers.size() - 1));
            for (Future<RawHttp.Response> answer : answers) {
                RawHttp.Response response = answer.get();
                assertThat(response.status()).isEqualTo(413);
                assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
                JsonPath problem = JsonPath.from(response.body());
                assertThat(problem.getString("type")).isEqualTo(PROBLEMS + "body-too-large");
                assertThat(problem.getInt("status")).isEqualTo(413);
            }
            for (Future<RawHttp.Response> answer : huge) {
                assertThat(answer.get().sentBeforeAnswer()).as("answered before the body was read, not after")
                        .isLessThan(60L << 20);
            }
        } finally {
            clients.shutdownNow();
        }

        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        // bodies within the limit still work, with a length or in chunks
        String address = "hostile-" + UUID.randomUUID() + "@example.org";
        byte[] subscription = ("{\"email\":\"" + address + "\",\"themes\":[\"all\"],\"frequency\":\"DAILY\"}")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(RawHttp.send(port, "POST", "/api/subscriptions", json, subscription).status()).isEqualTo(202);
        assertThat(RawHttp.sendChunked(port, "POST", "/api/subscriptions", json, subscription).status()).isEqualTo(202);
        RawHttp.Response formAnswer = RawHttp.sendChunked(port, "POST", "/subscriptions", form,
                ("email=form-" + address + "&themes=all&frequency=DAILY").getBytes(StandardCharsets.UTF_8));
        assertThat(formAnswer.status()).isEqualTo(200);
        assertThat(formAnswer.body()).contains("Check your inbox");
    }

    /** Java's HttpClient and curl --http2 offer an upgrade to HTTP/2 (h2c): declined, and no request is a 500. */
    @Test
    void requestsOverAnUpgradedHttp2ConnectionAreAnsweredNormally() throws Exception {
        var answers = RawHttp.overUpgradedHttp2(RestAssured.port,
                List.of("/feeds/all.atom", "/feeds/all.json", "/q/health/ready"), Arrays.<byte[]>asList(null, null, null), null);

        assertThat(answers).extracting(answer -> answer.getValue().status()).containsExactly(200, 200, 200);
        // the upgrade is declined (quarkus.http.http2=false)
        assertThat(answers).extracting(Map.Entry::getKey).containsOnly(HttpClient.Version.HTTP_1_1);
        assertThat(answers.get(0).getValue().body()).contains("<feed");
    }
}
