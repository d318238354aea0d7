package org.syndication.catalog;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.syndication.events.EventJson;
import org.syndication.events.ItemStatus;
import org.syndication.events.NewsItemCatalogued;
import org.syndication.events.Topics;
import org.syndication.localstack.test.KafkaResource;
import org.syndication.localstack.test.PostgresResource;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** One story from two sources is one catalogued item that keeps both sources (real broker and PostgreSQL). */
@QuarkusTest
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(value = PostgresResource.class, parallel = true)
class StoryMergeIT {

    static final String TOKEN = "test-token";

    KafkaTestClient kafka;

    @BeforeEach
    void open() {
        kafka = new KafkaTestClient();
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void aPageAndItsFeedWithTheSameLinkAreOneItemWithBothSources() {
        String word = unique();
        String path = "https://news.example.net/2024/05/" + word;
        TestData feed = TestData.item().source("harbour-feed", "https://news.example.net/feed.xml")
                .title("Harbour patrols " + word + " expanded").link(path + "?utm_source=rss&utm_medium=feed");
        TestData page = TestData.item().source("harbour-page", "https://news.example.net/press")
                .title("Harbour Patrols " + word + " Expanded to the North").link("HTTPS://WWW.news.example.net/2024/05/" + word + "/");
        kafka.send(Topics.NEWS_INGESTED, feed.build());
        awaitVersion(feed.itemId(), 1);
        kafka.send(Topics.NEWS_INGESTED, page.build());

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().get("/api/items/{id}", feed.itemId()).then().statusCode(200).body("sources", hasSize(2)));
        given().get("/api/items/{id}", feed.itemId()).then().statusCode(200)
                .body("version", equalTo(1))
                .body("title", equalTo("Harbour patrols " + word + " expanded"))
                .body("source.name", equalTo("harbour-feed"))
                .body("sources.itemId", contains(feed.itemId(), page.itemId()))
                .body("sources.name", contains("harbour-feed", "harbour-page"))
                .body("sources.matchedBy", contains(nullValue(), equalTo("LINK")))
                .body("sources.status", contains("ACTIVE", "ACTIVE"));
        given().get("/api/items/{id}", page.itemId()).then().statusCode(200)
                .body("itemId", equalTo(feed.itemId()))
                .body("sources", hasSize(2));
        // findable a moment after it is stored (the search vector is computed in the background: SearchIndexer)
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().queryParam("q", word).get("/api/items").then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].itemId", equalTo(feed.itemId())));
        assertThat(kafka.readAll(Topics.NEWS_CATALOGUED, page.itemId())).as("no second item for partners").isEmpty();
        assertThat(kafka.readAll(Topics.NEWS_CATALOGUED, feed.itemId())).as("the merge changes nothing visible").hasSize(1);
    }

    @Test
    void withoutOwnLinksTheSamePageUnderTwoNamesMergesByTitleAndDate() {
        String word = unique();
        String pageUrl = "https://ministry.example.org/news";
        TestData first = TestData.item().source("ministry", pageUrl).title("Customs seize " + word + " at the port")
                .link(pageUrl);
        TestData second = TestData.item().source("ministry-copy", pageUrl).title("CUSTOMS SEIZE " + word + " AT THE PORT.")
                .link(null);
        TestData otherDay = TestData.item().source("ministry-copy", pageUrl).title("Customs seize " + word + " at the port")
                .date(LocalDate.of(2024, 5, 18)).link(null);
        // in one batch as often as not: the matcher also finds stories stored earlier in the same poll
        kafka.sendAsync(Topics.NEWS_INGESTED, first.build());
        kafka.sendAsync(Topics.NEWS_INGESTED, second.build());
        kafka.sendAsync(Topics.NEWS_INGESTED, otherDay.build());
        kafka.flush();

        awaitVersion(otherDay.itemId(), 1);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().get("/api/items/{id}", first.itemId()).then().statusCode(200)
                        // the two copies are on different partitions: either may arrive first and be the story
                        .body("sources.itemId", containsInAnyOrder(first.itemId(), second.itemId()))
                        .body("sources.matchedBy", containsInAnyOrder(nullValue(), equalTo("TITLE_AND_DATE"))));
        given().get("/api/items/{id}", otherDay.itemId()).then().body("itemId", equalTo(otherDay.itemId()))
                .body("sources", hasSize(1));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().queryParam("q", word).get("/api/items").then().body("total", equalTo(2)));
    }

    @Test
    void correctionsFromEitherSourceUpdateTheOneItem() {
        String word = unique();
        TestData feed = TestData.item().source("wire-feed", "https://wire.example.com/rss")
                .title("Port authority " + word + " report").link("https://wire.example.com/stories/" + word);
        TestData page = TestData.item().source("wire-page", "https://wire.example.com/latest")
                .title("Port authority " + word + " report")
                .link("https://wire.example.com/stories/" + word + "/?utm_campaign=latest");
        kafka.send(Topics.NEWS_INGESTED, feed.build());
        awaitVersion(feed.itemId(), 1);
        kafka.send(Topics.NEWS_INGESTED, page.build());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().get("/api/items/{id}", feed.itemId()).then().body("sources", hasSize(2)));

        // the same text again from the second source (a new version, same hash): nothing to republish
        kafka.send(Topics.NEWS_INGESTED, page.version(2).build());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().get("/api/items/{id}", feed.itemId()).then().body("sources[1].ingestVersion", equalTo(2)));
        given().get("/api/items/{id}", feed.itemId()).then().body("version", equalTo(1));

        // a correction through the second source reaches the story
        kafka.send(Topics.NEWS_INGESTED, page.version(3).title("Port authority " + word + " report (corrected figures)")
                .body("The corrected report counts twelve vessels.").build());
        awaitVersion(feed.itemId(), 2);
        given().get("/api/items/{id}", feed.itemId()).then()
                .body("title", equalTo("Port authority " + word + " report (corrected figures)"))
                .body("body", equalTo("The corrected report counts twelve vessels."))
                .body("source.name", equalTo("wire-feed"))
                .body("sources[1].ingestVersion", equalTo(3));
        // a redelivered correction changes nothing
        kafka.send(Topics.NEWS_INGESTED, page.build());

        // then one through the first source
        kafka.send(Topics.NEWS_INGESTED, feed.version(2).title("Port authority " + word + " report, final").build());
        awaitVersion(feed.itemId(), 3);
        given().get("/api/items/{id}", feed.itemId()).then().body("title", equalTo("Port authority " + word + " report, final"))
                .body("ingestVersion", equalTo(2));

        List<ConsumerRecord<String, byte[]>> records = kafka.await(Topics.NEWS_CATALOGUED, feed.itemId()::equals, 3);
        assertThat(records).extracting(r -> EventJson.fromBytes(r.value(), NewsItemCatalogued.class).title())
                .containsExactly("Port authority " + word + " report",
                        "Port authority " + word + " report (corrected figures)",
                        "Port authority " + word + " report, final");
        assertThat(kafka.readAll(Topics.NEWS_CATALOGUED, page.itemId())).isEmpty();
    }

    @Test
    void withdrawingOneSourceKeepsTheStoryWhileTheOtherCarriesIt() {
        String word = unique();
        TestData feed = TestData.item().source("coast-feed", "https://coast.example.org/feed")
                .title("Coast guard " + word + " drill").link("https://coast.example.org/n/" + word);
        TestData page = TestData.item().source("coast-page", "https://coast.example.org/news")
                .title("Coast guard " + word + " drill").link("https://coast.example.org/n/" + word);
        kafka.send(Topics.NEWS_INGESTED, feed.build());
        awaitVersion(feed.itemId(), 1);
        kafka.send(Topics.NEWS_INGESTED, page.build());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().get("/api/items/{id}", feed.itemId()).then().body("sources", hasSize(2)));

        given().header("Authorization", "Bearer " + TOKEN).delete("/api/items/{id}", feed.itemId()).then()
                .statusCode(200)
                .body("status", equalTo("PUBLISHED"))
                .body("version", equalTo(1))
                .body("sources.status", contains("WITHDRAWN", "ACTIVE"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().queryParam("q", word).get("/api/items").then().body("total", equalTo(1)));
        // a later text from the withdrawn source does not reach the story
        kafka.send(Topics.NEWS_INGESTED, feed.version(2).title("Coast guard " + word + " drill, updated").build());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().get("/api/items/{id}", feed.itemId()).then().body("sources[0].ingestVersion", equalTo(2)));
        given().get("/api/items/{id}", feed.itemId()).then().body("title", equalTo("Coast guard " + word + " drill"));

        // the last source withdrawn: the story leaves the feeds
        given().header("Authorization", "Bearer " + TOKEN).delete("/api/items/{id}", page.itemId()).then()
                .statusCode(200)
                .body("itemId", equalTo(feed.itemId()))
                .body("status", equalTo("WITHDRAWN"))
                .body("version", equalTo(2));
        List<ConsumerRecord<String, byte[]>> records = kafka.await(Topics.NEWS_CATALOGUED, feed.itemId()::equals, 2);
        NewsItemCatalogued last = EventJson.fromBytes(records.get(records.size() - 1).value(), NewsItemCatalogued.class);
        assertThat(last.status()).isEqualTo(ItemStatus.WITHDRAWN);
        given().queryParam("q", word).get("/api/items").then().body("total", equalTo(0));
    }

    @Test
    void theWholeStoryCanBeWithdrawnAtOnceAndABadScopeIsA400() {
        String word = unique();
        TestData feed = TestData.item().source("dock-feed", "https://dock.example.org/feed")
                .title("Dock " + word).link("https://dock.example.org/n/" + word);
        TestData page = TestData.item().source("dock-page", "https://dock.example.org/news")
                .title("Dock " + word).link("https://dock.example.org/n/" + word);
        kafka.send(Topics.NEWS_INGESTED, feed.build());
        awaitVersion(feed.itemId(), 1);
        kafka.send(Topics.NEWS_INGESTED, page.build());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().get("/api/items/{id}", feed.itemId()).then().body("sources", hasSize(2)));

        given().header("Authorization", "Bearer " + TOKEN).queryParam("scope", "everything")
                .delete("/api/items/{id}", page.itemId()).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://syndication.example.org/problems/invalid-request"));
        given().get("/api/items/{id}", feed.itemId()).then().body("sources.status", contains("ACTIVE", "ACTIVE"));

        given().header("Authorization", "Bearer " + TOKEN).queryParam("scope", "story")
                .delete("/api/items/{id}", page.itemId()).then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"))
                .body("sources.status", contains("WITHDRAWN", "WITHDRAWN"));
    }

    @Test
    void itemsOfOneSourceWithTheSameTitleAndDateStayTwoItems() {
        String word = unique();
        TestData one = TestData.item().source("bulletin", "https://bulletin.example.org/").title("Weekly notes " + word)
                .link(null);
        TestData two = TestData.item().source("bulletin", "https://bulletin.example.org/").title("Weekly notes " + word)
                .link(null).body("A different text under the same heading.");
        kafka.send(Topics.NEWS_INGESTED, one.build());
        kafka.send(Topics.NEWS_INGESTED, two.build());
        awaitVersion(one.itemId(), 1);
        awaitVersion(two.itemId(), 1);
        given().get("/api/items/{id}", two.itemId()).then().body("itemId", equalTo(two.itemId())).body("sources", hasSize(1));
    }

    private static String unique() {
        return "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private static void awaitVersion(String itemId, int version) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().get("/api/items/{id}", itemId).then().statusCode(200).body("version", equalTo(version)));
    }
}
