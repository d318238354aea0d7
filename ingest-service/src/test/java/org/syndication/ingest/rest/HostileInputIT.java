package org.syndication.ingest.rest;

import java.util.Arrays;
import java.net.http.HttpClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.syndication.localstack.test.KafkaResource;
import org.syndication.localstack.test.PostgresResource;
import org.syndication.localstack.test.RawHttp;

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
 * Requests an outside reviewer sent to a running ingest service, kept here so they stay answered well: bodies
 * between the configured limit and what the heap holds, many at once, with and without a declared length. Sent
 * over a plain socket ({@link RawHttp}) so that the client keeps sending after the server refused.
 */
@QuarkusTest
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(value = PostgresResource.class, parallel = true)
class HostileInputIT {

    /** ingest.max-body-size in every profile (the default, 5M). */
    static final int LIMIT = 5 * 1024 * 1024;
    static final long SIXTY_MB = 60L << 20;

    private static String documents() {
        return "/api/documents?source=hostile-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void bodiesOverTheLimitAre413ProblemsAndTheServiceStaysHealthy() throws Exception {
        int port = RestAssured.port;
        Map<String, String> text = Map.of("Content-Type", "text/plain; charset=utf-8");
        Map<String, String> json = Map.of("Content-Type", "application/json");
        ExecutorService clients = Executors.newFixedThreadPool(10);
        try {
            List<Future<RawHttp.Response>> answers = new ArrayList<>();
            List<Future<RawHttp.Response>> huge = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                answers.add(clients.submit(() -> RawHttp.sendFiller(port, "POST", documents(), text, LIMIT + 1, false)));
            }
            answers.add(clients.submit(() -> RawHttp.sendFiller(port, "POST", documents(), text, LIMIT + 1, true)));
            answers.add(clients.submit(() -> RawHttp.sendFiller(port, "POST", documents(), text, SIXTY_MB, false)));
            huge.add(answers.get(answers.size() - 1));
            answers.add(clients.submit(() -> RawHttp.sendFiller(port, "POST", documents(), text, SIXTY_MB, true)));
            huge.add(answers.get(answers.size() - 1));
            answers.add(clients.submit(() -> RawHttp.sendFiller(port, "POST", "/api/sources", json, SIXTY_MB, false)));
            huge.add(answers.get(answers.size() - 1));
            answers.add(clients.submit(() -> RawHttp.sendFiller(port, "POST", "/api/sources", json, LIMIT + 1, true)));
            for (Future<RawHttp.Response> answer : answers) {
                RawHttp.Response response = answer.get();
                assertThat(response.status()).isEqualTo(413);
                assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
                JsonPath problem = JsonPath.from(response.body());
                assertThat(problem.getString("type")).isEqualTo(ProblemTypes.DOCUMENT_TOO_LARGE.toString());
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
        // a body right at the limit is read: refused for what it holds, not for its size
        RawHttp.Response atLimit = RawHttp.sendFiller(port, "POST", documents(), text, LIMIT, false);
        assertThat(atLimit.status()).isEqualTo(422);
        assertThat(JsonPath.from(atLimit.body()).getString("type")).isEqualTo(ProblemTypes.NO_ITEMS_FOUND.toString());
        byte[] page = """
                News

                12 May 2021: Port officers trained on container profiling
                Officers from three ports learned to profile containers.
                """.getBytes(StandardCharsets.UTF_8);
        RawHttp.Response plain = RawHttp.send(port, "POST", documents(), text, page);
        assertThat(plain.status()).isEqualTo(202);
        RawHttp.Response chunked = RawHttp.sendChunked(port, "POST", documents(), text, page);
        assertThat(chunked.status()).isEqualTo(202);
        assertThat(JsonPath.from(chunked.body()).getList("items.title"))
                .containsExactly("Port officers trained on container profiling");
    }

    /** Java's HttpClient and curl --http2 offer an upgrade to HTTP/2 (h2c): declined, and no request is a 500. */
    @Test
    void requestsOverAnUpgradedHttp2ConnectionAreAnsweredNormally() throws Exception {
        byte[] page = "20 April 2017: Harbour training for customs officers\nThirty officers took part."
                .getBytes(StandardCharsets.UTF_8);
        var answers = RawHttp.overUpgradedHttp2(RestAssured.port,
                List.of("/api/sources", documents() + "&dryRun=true", "/q/health/ready"),
                Arrays.<byte[]>asList(null, page, null), "text/plain; charset=utf-8");

        assertThat(answers).extracting(answer -> answer.getValue().status()).containsExactly(200, 200, 200);
        // the upgrade is declined (quarkus.http.http2=false)
        assertThat(answers).extracting(Map.Entry::getKey).containsOnly(HttpClient.Version.HTTP_1_1);
        assertThat(answers.get(1).getValue().body()).contains("Harbour training for customs officers");
    }
}
