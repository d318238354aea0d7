package org.syndication.catalog;

import java.util.Arrays;
import java.net.http.HttpClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.syndication.catalog.service.CatalogService;
import org.syndication.catalog.service.RecategoriseService;
import org.syndication.localstack.test.KafkaResource;
import org.syndication.localstack.test.PostgresResource;
import org.syndication.localstack.test.RawHttp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Requests an outside reviewer sent to a running catalog, kept here so they stay answered well: write endpoints
 * reached through other spellings of their path without the token, and bodies over the limit. Sent over a plain
 * socket ({@link RawHttp}) so that no client repairs the path or stops sending a body the server refused.
 */
@QuarkusTest
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(value = PostgresResource.class, parallel = true)
class HostileInputIT {

    static final String PROBLEMS = "https://syndication.example.org/problems/";
    static final String TOKEN = "Bearer test-token";
    /** catalog.api.max-body-size in every profile (the default). */
    static final int LIMIT = 256 * 1024;

    @Inject
    CatalogService catalog;

    @Inject
    RecategoriseService recategorise;

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

    private static RawHttp.Response send(String method, String path, String authorization, String json) throws IOException {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("Accept", "application/json");
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        if (json != null) {
            headers.put("Content-Type", "application/json");
        }
        return RawHttp.send(RestAssured.port, method, path, headers,
                json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8));
    }

    /** Without the token every spelling is refused (401, or 404/405 where it routes nowhere), with a problem. */
    private static void assertRefusedWithout(String method, String path, String json) throws IOException {
        for (String spelling : spellings(path)) {
            RawHttp.Response none = send(method, spelling, null, json);
            assertThat(none.status()).as("%s %s without a token", method, spelling).isIn(401, 404, 405);
            if (none.status() == 401) {
                assertThat(JsonPath.from(none.body()).getString("type")).isEqualTo(PROBLEMS + "unauthorized");
            }
            RawHttp.Response wrong = send(method, spelling, "Bearer wrong", json);
            assertThat(wrong.status()).as("%s %s with a wrong token", method, spelling).isIn(403, 404, 405);
            if (wrong.status() == 403) {
                assertThat(JsonPath.from(wrong.body()).getString("type")).isEqualTo(PROBLEMS + "forbidden");
            }
        }
        // the spelling of the report routes to the method: the check must be what refuses it
        assertThat(send(method, spellings(path).get(0), null, json).status()).isEqualTo(401);
    }

    @Test
    void withdrawingNeedsTheTokenHoweverThePathIsSpelled() throws IOException {
        TestData item = TestData.item().title("Harbour patrol boats delivered").body("Two boats for the coast guard.");
        catalog.ingestAll(List.of(item.build()));

        assertRefusedWithout("DELETE", "/api/items/" + item.itemId(), null);
        given().get("/api/items/{id}", item.itemId()).then().statusCode(200)
                .body("status", equalTo("PUBLISHED")).body("version", equalTo(1));

        RawHttp.Response done = send("DELETE", "/%61pi/items/" + item.itemId(), TOKEN, null);
        assertThat(done.status()).isEqualTo(200);
        given().get("/api/items/{id}", item.itemId()).then().body("status", equalTo("WITHDRAWN"));
    }

    @Test
    void changingAThemeNeedsTheTokenHoweverThePathIsSpelled() throws IOException {
        String slug = "hostile-" + UUID.randomUUID().toString().substring(0, 8);
        String theme = "{\"title\":\"Hostile\",\"rules\":{\"terms\":[{\"match\":\"qqqzzz unmatched\",\"weight\":1}]}}";

        assertRefusedWithout("PUT", "/api/themes/" + slug, theme);
        given().get("/api/themes").then().statusCode(200).body("findAll { it.slug == '" + slug + "' }.size()", equalTo(0));

        RawHttp.Response done = send("PUT", "/api/themes/" + slug, TOKEN, theme);
        assertThat(done.status()).isEqualTo(200);
        given().get("/api/themes").then().body("find { it.slug == '" + slug + "' }.title", equalTo("Hostile"));
    }

    @Test
    void recategorisingNeedsTheTokenHoweverThePathIsSpelled() throws IOException {
        int before = recategorise.started();

        assertRefusedWithout("POST", "/api/recategorise", null);
        assertThat(recategorise.started()).as("no run started").isEqualTo(before);

        assertThat(send("POST", "/api/recategorise", TOKEN, null).status()).isEqualTo(202);
        assertThat(recategorise.started()).isEqualTo(before + 1);
    }

    @Test
    void bodiesOverTheLimitAre413ProblemsAndTheServiceStaysHealthy() throws Exception {
        String path = "/api/themes/hostile-big";
        Map<String, String> headers = Map.of("Authorization", TOKEN, "Content-Type", "application/json");
        ExecutorService clients = Executors.newFixedThreadPool(10);
        try {
            List<Future<RawHttp.Response>> answers = new ArrayList<>();
            List<Future<RawHttp.Response>> huge = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                answers.add(clients.submit(() -> RawHttp.sendFiller(RestAssured.port, "PUT", path, headers, LIMIT + 1, false)));
            }
            answers.add(clients.submit(() -> RawHttp.sendFiller(RestAssured.port, "PUT", path, headers, LIMIT + 1, true)));
            answers.add(clients.submit(() -> RawHttp.sendFiller(RestAssured.port, "PUT", path, headers, 60L << 20, false)));
            huge.add(answers.get(answers.size() - 1));
            answers.add(clients.submit(() -> RawHttp.sendFiller(RestAssured.port, "PUT", path, headers, 60L << 20, true)));
            huge.add(answers.get(answers.size() - 1));
            // without a token, too: the size is refused before the token is looked at
            answers.add(clients.submit(() -> RawHttp.sendFiller(RestAssured.port, "PUT", path,
                    Map.of("Content-Type", "application/json"), 60L << 20, false)));
            huge.add(answers.get(answers.size() - 1));
            for (Future<RawHttp.Response> answer : answers) {
                RawHttp.Response response = answer.get();
                assertThat(response.status()).isEqualTo(413);
                assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
                JsonPath problem = JsonPath.from(response.body());
                assertThat(problem.getString("type")).isEqualTo(PROBLEMS + "body-too-large");
                assertThat(problem.getInt("status")).isEqualTo(413);
                assertThat(problem.getString("instance")).isEqualTo(path);
            }
            for (Future<RawHttp.Response> answer : huge) {
                assertThat(answer.get().sentBeforeAnswer()).as("answered before the body was read, not after")
                        .isLessThan(60L << 20);
            }
        } finally {
            clients.shutdownNow();
        }

        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/api/themes").then().statusCode(200).body("findAll { it.slug == 'hostile-big' }.size()", equalTo(0));
        // a body right at the limit is still read (and here refused for what it says, not for its size)
        RawHttp.Response atLimit = RawHttp.sendFiller(RestAssured.port, "PUT", path, headers, LIMIT, false);
        assertThat(atLimit.status()).isEqualTo(400);
        given().header("Authorization", TOKEN).contentType(ContentType.JSON)
                .body("{\"title\":\"Big\",\"rules\":{\"terms\":[{\"match\":\"qqqzzz big\",\"weight\":1}]}}")
                .put(path).then().statusCode(200).body("slug", equalTo("hostile-big"));
    }

    /** Java's HttpClient and curl --http2 offer an upgrade to HTTP/2 (h2c): declined, and no request is a 500. */
    @Test
    void requestsOverAnUpgradedHttp2ConnectionAreAnsweredNormally() throws Exception {
        var answers = RawHttp.overUpgradedHttp2(RestAssured.port, List.of("/api/themes", "/api/items", "/q/health/ready"),
                Arrays.<byte[]>asList(null, null, null), null);

        assertThat(answers).extracting(answer -> answer.getValue().status()).containsExactly(200, 200, 200);
        // the upgrade is declined (quarkus.http.http2=false)
        assertThat(answers).extracting(Map.Entry::getKey).containsOnly(HttpClient.Version.HTTP_1_1);
    }
}
