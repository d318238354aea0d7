package org.syndication.catalog;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.syndication.catalog.service.CatalogService;
import org.syndication.catalog.service.SearchIndexer;
import org.syndication.localstack.test.KafkaResource;
import org.syndication.localstack.test.PostgresResource;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/**
 * Every filter and every problem of the query API, on a fresh database with three known items: its resources are
 * restricted to this class, so it gets an application and a database of its own (the totals and theme counts below
 * count every item), while the other integration tests share one.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = true, parallel = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true, parallel = true)
class ItemApiIT {

    static final String PROBLEMS = "https://syndication.example.org/problems/";
    static final String CYBER = "api-cyber";
    static final String WILDLIFE = "api-wildlife";
    static final String PORTS = "api-ports";

    @Inject
    CatalogService catalog;

    @Inject
    SearchIndexer searchIndex;

    @BeforeEach
    void seed() {
        catalog.ingestAll(List.of(TestData.item().id(CYBER).date(LocalDate.of(2024, 1, 10))
                .title("Cybercrime training for prosecutors")
                .body("Investigators learned to secure digital evidence in cybercrime cases.").build()));
        catalog.ingestAll(List.of(TestData.item().id(WILDLIFE).date(LocalDate.of(2024, 2, 20))
                .endDate(LocalDate.of(2024, 2, 22))
                .title("Dialogue on wildlife trafficking")
                .body("Rangers and customs officers discussed poaching and ivory seizures.").build()));
        catalog.ingestAll(List.of(TestData.item().id(PORTS).date(LocalDate.of(2024, 3, 5))
                .title("Container Control Programme opens a new port unit")
                .body("The unit profiles high-risk containers at the seaport.").build()));
        // the search vectors now, not a moment later (rows the indexer's own thread is on are skipped: wait for it)
        searchIndex.catchUp();
        await().atMost(Duration.ofSeconds(10)).until(() -> searchIndex.pending() == 0);
    }

    @Test
    void listsPublishedItemsNewestFirstWithTheTotal() {
        given().get("/api/items").then().statusCode(200)
                .body("total", equalTo(3)).body("page", equalTo(0)).body("size", equalTo(20))
                .body("items.itemId", contains(PORTS, WILDLIFE, CYBER))
                .body("items[0].themes", contains("border-and-maritime-security"));
    }

    @Test
    void filtersByTheme() {
        given().queryParam("theme", "cybercrime").get("/api/items").then().statusCode(200)
                .body("total", equalTo(1)).body("items.itemId", contains(CYBER));
        given().queryParam("theme", "environmental-crime").get("/api/items").then()
                .body("items.itemId", contains(WILDLIFE));
        given().queryParam("theme", "corruption").get("/api/items").then().body("total", equalTo(0)).body("items", hasSize(0));
    }

    @Test
    void searchesTheFullTextWithStemming() {
        given().queryParam("q", "seizure").get("/api/items").then().body("items.itemId", contains(WILDLIFE));
        given().queryParam("q", "\"digital evidence\"").get("/api/items").then().body("items.itemId", contains(CYBER));
        given().queryParam("q", "containers -wildlife").get("/api/items").then().body("items.itemId", contains(PORTS));
        given().queryParam("q", "unicorns").get("/api/items").then().body("total", equalTo(0));
        given().queryParam("q", "training").queryParam("theme", "cybercrime").get("/api/items").then()
                .body("items.itemId", contains(CYBER));
    }

    @Test
    void filtersByDatesIncludingRanges() {
        given().queryParam("from", "2024-02-21").get("/api/items").then().body("items.itemId", contains(PORTS, WILDLIFE));
        given().queryParam("to", "2024-02-01").get("/api/items").then().body("items.itemId", contains(CYBER));
        given().queryParam("from", "2024-02-22").queryParam("to", "2024-02-22").get("/api/items").then()
                .body("items.itemId", contains(WILDLIFE));
        given().queryParam("from", "2024-03-06").get("/api/items").then().body("total", equalTo(0));
    }

    @Test
    void pagesWithAStableOrder() {
        given().queryParam("size", 2).get("/api/items").then()
                .body("total", equalTo(3)).body("size", equalTo(2)).body("items.itemId", contains(PORTS, WILDLIFE));
        given().queryParam("size", 2).queryParam("page", 1).get("/api/items").then()
                .body("total", equalTo(3)).body("page", equalTo(1)).body("items.itemId", contains(CYBER));
    }

    @Test
    void badParametersAreProblems() {
        given().queryParam("theme", "astrology").get("/api/items").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "unknown-theme"))
                .body("status", equalTo(400))
                .body("validThemes", hasItem("cybercrime"));
        given().queryParam("from", "21/02/2024").get("/api/items").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "invalid-request")).body("parameter", equalTo("from"));
        given().queryParam("to", "2024-13-01").get("/api/items").then().statusCode(400).body("parameter", equalTo("to"));
        given().queryParam("from", "2024-03-01").queryParam("to", "2024-02-01").get("/api/items").then().statusCode(400)
                .body("type", equalTo(PROBLEMS + "invalid-request"));
        given().queryParam("size", 101).get("/api/items").then().statusCode(400)
                .body("type", equalTo(PROBLEMS + "invalid-request")).body("parameter", equalTo("size"));
        given().queryParam("size", 0).get("/api/items").then().statusCode(400).body("parameter", equalTo("size"));
        given().queryParam("page", -1).get("/api/items").then().statusCode(400).body("parameter", equalTo("page"));
        given().get("/api/items/{id}", "no-such-item").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "item-not-found")).body("instance", equalTo("/api/items/no-such-item"));
        given().get("/api/recategorise/{job}", "no-such-job").then().statusCode(404)
                .body("type", equalTo(PROBLEMS + "job-not-found"));
    }

    @Test
    void showsAnItemWithTheReasonForEachTheme() {
        given().get("/api/items/{id}", CYBER).then().statusCode(200)
                .body("itemId", equalTo(CYBER)).body("status", equalTo("PUBLISHED"))
                .body("source.name", equalTo("test-source")).body("date", equalTo("2024-01-10"))
                .body("themes.slug", contains("cybercrime"))
                .body("themes[0].reason.threshold", equalTo(6.0f))
                .body("themes[0].reason.matches.term", hasItem("digital evidence"));
    }

    @Test
    void listsThemesWithItemCountsAndGuardsChanges() {
        given().get("/api/themes").then().statusCode(200)
                .body("$", hasSize(10))
                .body("find { it.slug == 'cybercrime' }.itemCount", equalTo(1))
                .body("find { it.slug == 'corruption' }.itemCount", equalTo(0))
                .body("find { it.slug == 'cybercrime' }.rules.terms.match", hasItem("digital evidence"));
        Map<String, Object> body = Map.of("title", "Cybercrime", "rules", Map.of("terms", java.util.List.of()));
        given().contentType(ContentType.JSON).body(body).put("/api/themes/cybercrime").then().statusCode(401)
                .body("type", equalTo(PROBLEMS + "unauthorized"));
        given().header("Authorization", "Bearer nope").contentType(ContentType.JSON).body(body)
                .put("/api/themes/cybercrime").then().statusCode(403);
        given().header("Authorization", "Bearer test-token").contentType(ContentType.JSON).body(body)
                .put("/api/themes/Not A Slug").then().statusCode(400).body("type", equalTo(PROBLEMS + "invalid-request"));
        given().header("Authorization", "Bearer test-token").contentType(ContentType.JSON)
                .body(Map.of("description", "no title")).put("/api/themes/cybercrime").then().statusCode(400);
        given().header("Authorization", "Bearer test-token").contentType(ContentType.JSON)
                .body("{\"title\":\"Cybercrime\",\"rules\":{\"terms\":[{\"match\":\"cyber\",\"weight\":0}]}}")
                .put("/api/themes/cybercrime").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "invalid-request")).body("parameter", equalTo("body"));
        given().get("/api/themes").then().body("find { it.slug == 'cybercrime' }.rules.terms.match", hasItem("digital evidence"));
    }

    @Test
    void reportsReadinessOfKafkaAndTheDatabase() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.name", hasItem("SmallRye Reactive Messaging - readiness check"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("catalog_outbox_published_total"));
        given().get("/q/health/live").then().statusCode(200);
    }
}
