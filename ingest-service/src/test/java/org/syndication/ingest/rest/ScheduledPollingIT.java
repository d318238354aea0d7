package org.syndication.ingest.rest;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.syndication.localstack.test.KafkaResource;
import org.syndication.localstack.test.PostgresResource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.syndication.ingest.TestData.fixture;

/** The scheduler, not the test, polls a registered source (every second here). */
@QuarkusTest
@TestProfile(ScheduledPollingIT.EverySecond.class)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(value = PostgresResource.class, parallel = true)
class ScheduledPollingIT {

    /** Polling on the clock, every second. */
    public static class EverySecond implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ingest.sources.poll-every", "1s");
        }
    }

    private static HttpServer server;

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] feed = fixture("feeds/atom-1.0.xml");
        server.createContext("/atom.xml", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/atom+xml");
            exchange.sendResponseHeaders(200, feed.length);
            exchange.getResponseBody().write(feed);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void registeredSourceIsPolledByTheScheduler() {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/atom.xml";
        long id = given().contentType(ContentType.JSON).body(Map.of("url", url, "name", "observatoire"))
                .when().post("/api/sources")
                .then().statusCode(201).extract().jsonPath().getLong("id");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var source = given().when().get("/api/sources/" + id).then().statusCode(200).extract().jsonPath();
            assertThat(source.getString("status")).isEqualTo("OK");
            assertThat(source.getInt("itemsRead")).isEqualTo(2);
            assertThat(source.getLong("itemsPublished")).isEqualTo(2);
        });
    }
}
