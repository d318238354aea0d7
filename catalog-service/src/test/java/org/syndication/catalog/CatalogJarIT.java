package org.syndication.catalog;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.syndication.events.CeHeaders;
import org.syndication.events.Topics;
import org.syndication.localstack.test.KafkaResource;
import org.syndication.localstack.test.PostgresResource;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** The packaged jar (prod profile, configured from outside only) consumes, stores and republishes. */
@QuarkusIntegrationTest
@TestProfile(CatalogJarIT.Token.class)
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = true, parallel = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true, parallel = true)
class CatalogJarIT {

    /** The token has no default in prod: it must come from outside, as CATALOG_API_TOKEN does. */
    public static class Token implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("catalog.api-token", "jar-token");
        }
    }

    @Test
    void theRunnableJarCataloguesAnIngestedItem() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        TestData item = TestData.item().title("Workshop on maritime crime and piracy");
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            kafka.send(Topics.NEWS_INGESTED, item.build());
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().get("/api/items/{id}", item.itemId()).then().statusCode(200)
                            .body("themes[0].slug", equalTo("border-and-maritime-security")));
            ConsumerRecord<String, byte[]> record = kafka.await(Topics.NEWS_CATALOGUED, item.itemId()::equals, 1).get(0);
            assertThat(KafkaTestClient.header(record, CeHeaders.THEMES)).isEqualTo("border-and-maritime-security");
        }
        given().header("Authorization", "Bearer jar-token").delete("/api/items/{id}", item.itemId()).then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
    }
}
