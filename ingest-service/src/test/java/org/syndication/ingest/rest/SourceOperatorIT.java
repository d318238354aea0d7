package org.syndication.ingest.rest;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.syndication.ingest.DueSources;
import org.syndication.ingest.service.SourcePoller;
import org.syndication.localstack.test.KafkaResource;
import org.syndication.localstack.test.PostgresResource;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * With {@code ingest.api-token} set (production): registering and deleting sources needs the operator's bearer
 * token, whatever the spelling of the path, and only the operator sees why a source fails.
 */
@QuarkusTest
@TestProfile(SourceOperatorIT.WithToken.class)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(value = PostgresResource.class, parallel = true)
class SourceOperatorIT {

    static final String TOKEN = "operator-token-for-tests";

    /** An operator token is configured. */
    public static class WithToken implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ingest.api-token", TOKEN);
        }
    }

    private static HttpServer server;
    private static String base;

    @Inject
    SourcePoller poller;

    @Inject
    DueSources sources;

    @BeforeAll
    static void start() throws IOException {
        server = PageSourcesIT.server();
        server.createContext("/broken", exchange -> PageSourcesIT.respond(exchange, 500, null, null));
        server.start();
        base = PageSourcesIT.url(server);
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static Map<String, Object> body(String path) {
        return Map.of("url", base + path + "?" + UUID.randomUUID(), "intervalSeconds", 60);
    }

    @Test
    void registeringNeedsTheOperatorToken() {
        given().contentType(ContentType.JSON).body(body("/news"))
                .when().post("/api/sources")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer realm=\"ingest\"")
                .body("type", equalTo(ProblemTypes.UNAUTHORIZED.toString()));
        given().contentType(ContentType.JSON).body(body("/news")).header("Authorization", "Bearer not-the-token")
                .when().post("/api/sources")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo(ProblemTypes.FORBIDDEN.toString()));
        given().contentType(ContentType.JSON).body(body("/news")).urlEncodingEnabled(false)
                .when().post("/%61pi/sources")
                .then().statusCode(not(equalTo(201)));
        given().contentType(ContentType.JSON).body(body("/news")).header("Authorization", "Bearer " + TOKEN)
                .when().post("/api/sources")
                .then().statusCode(201);
    }

    @Test
    void deletingNeedsTheOperatorTokenWhateverThePathLooksLike() {
        long id = given().contentType(ContentType.JSON).body(body("/gone")).header("Authorization", "Bearer " + TOKEN)
                .when().post("/api/sources").then().statusCode(201).extract().jsonPath().getLong("id");
        given().urlEncodingEnabled(false).when().delete("/api/sources/" + id).then().statusCode(401);
        given().urlEncodingEnabled(false).when().delete("/%61pi/sources/" + id).then().statusCode(not(equalTo(204)));
        given().urlEncodingEnabled(false).when().delete("/api//sources/" + id).then().statusCode(not(equalTo(204)));
        given().urlEncodingEnabled(false).when().delete("/api/./sources/" + id).then().statusCode(not(equalTo(204)));
        given().when().get("/api/sources/" + id).then().statusCode(200);
        given().header("Authorization", "Bearer " + TOKEN).when().delete("/api/sources/" + id).then().statusCode(204);
        given().when().get("/api/sources/" + id).then().statusCode(404);
    }

    @Test
    void errorDetailsAreForTheOperatorOnly() {
        long id = given().contentType(ContentType.JSON).body(body("/broken")).header("Authorization", "Bearer " + TOKEN)
                .when().post("/api/sources").then().statusCode(201).extract().jsonPath().getLong("id");
        sources.onlyDueNow(id);
        poller.pollDue();
        given().when().get("/api/sources/" + id)
                .then().statusCode(200).body("status", equalTo("FAILING")).body("lastError", nullValue())
                .body("consecutiveFailures", equalTo(1));
        given().header("Authorization", "Bearer wrong").when().get("/api/sources/" + id)
                .then().statusCode(200).body("lastError", nullValue());
        given().header("Authorization", "Bearer " + TOKEN).when().get("/api/sources/" + id)
                .then().statusCode(200).body("lastError", equalTo("HTTP 500"));
        assertThat(given().when().get("/api/sources").then().statusCode(200).extract().jsonPath()
                .getList("lastError")).containsOnlyNulls();
        assertThat(given().header("Authorization", "Bearer " + TOKEN).when().get("/api/sources").then()
                .statusCode(200).extract().jsonPath().getList("lastError")).contains("HTTP 500");

        // the operator page likewise: no error column without the token
        Document page = Jsoup.parse(given().when().get("/sources").then().statusCode(200)
                .contentType(ContentType.HTML).extract().asString());
        assertThat(page.getElementById("source-" + id).selectFirst("td.status").text()).isEqualTo("FAILING");
        assertThat(page.select("td.last-error, th:contains(Last error)")).isEmpty();
        assertThat(page.text()).doesNotContain("HTTP 500");
        Document asOperator = Jsoup.parse(given().header("Authorization", "Bearer " + TOKEN).when().get("/sources")
                .then().statusCode(200).extract().asString());
        assertThat(asOperator.getElementById("source-" + id).selectFirst("td.last-error").text())
                .isEqualTo("HTTP 500");
    }
}
