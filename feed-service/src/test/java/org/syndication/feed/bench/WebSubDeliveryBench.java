package org.syndication.feed.bench;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.syndication.events.ThemeTag;
import org.syndication.feed.CataloguedRecords;
import org.syndication.feed.TestData;
import org.syndication.feed.TestSubscriber;
import org.syndication.feed.websub.HubRepository;
import org.syndication.localstack.test.KafkaResource;
import org.syndication.localstack.test.PostgresResource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

/**
 * Figure, not a test of the build: WebSub deliveries per second. {@code bench.subscribers} (default 2,000)
 * subscriptions of one topic, each its own callback on a JDK HttpServer in this JVM (so the subscriber costs CPU
 * on the same cores); one catalogued item changes the feed, and the time from sending the record until every
 * callback has the new document is printed ({@code WEBSUB BENCH: ...}). Run alone:
 * {@code ./mvnw -B verify -pl feed-service -am -Dtest=none -Dit.test=WebSubDeliveryBench -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false}
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = true, parallel = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true, parallel = true)
class WebSubDeliveryBench {

    static final int SUBSCRIBERS = Integer.getInteger("bench.subscribers", 2_000);

    @Inject
    HubRepository hub;

    @Test
    void deliverOneChangeToEverySubscriber() {
        String slug = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        ThemeTag theme = new ThemeTag(slug, "Benchmark theme");
        String topic = "http://localhost:8083/feeds/" + slug + ".atom";
        try (CataloguedRecords records = new CataloguedRecords(); TestSubscriber subscriber = new TestSubscriber()) {
            records.send(TestData.item().title("first " + slug).themes(theme).build());
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/feeds/" + slug + ".atom").then()
                    .statusCode(200).body(containsString("first " + slug)));
            List<TestSubscriber.Callback> callbacks = new ArrayList<>();
            for (int i = 0; i < SUBSCRIBERS; i++) {
                callbacks.add(subscriber.callback());
            }
            // subscribed directly: the figure is about deliveries, not intent verification
            QuarkusTransaction.requiringNew().run(() -> callbacks.forEach(c ->
                    hub.upsert(topic, c.url(), "bench-secret", 3600, Instant.now())));

            long started = System.nanoTime();
            records.send(TestData.item().title("pushed " + slug).themes(theme).build());
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(50)).until(() ->
                    callbacks.stream().allMatch(c -> !c.deliveries().isEmpty()));
            double seconds = (System.nanoTime() - started) / 1e9;
            assertThat(callbacks).allSatisfy(c -> assertThat(c.deliveries().get(0).text()).contains("pushed " + slug));
            System.out.printf("WEBSUB BENCH: %d deliveries (signed, %d bytes each) in %.2f s: %.0f deliveries/s%n",
                    SUBSCRIBERS, callbacks.get(0).deliveries().get(0).body().length, seconds, SUBSCRIBERS / seconds);
        }
    }
}
