package org.syndication.catalog;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.syndication.catalog.service.SearchIndexer;
import org.syndication.events.Topics;
import org.syndication.localstack.test.KafkaResource;
import org.syndication.localstack.test.PostgresResource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The full-text vector is computed after the commit (SearchIndexer, db/migration V21), not at insert: an item is
 * findable a moment after it is stored, with the vector the former generated column computed (stems, weights A for
 * the title, B for the summary, C for the body), and a correction is found by its new words only.
 */
@QuarkusTest
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(value = PostgresResource.class, parallel = true)
class SearchIndexIT {

    /** The former generated column's expression, written out here so that a change of the function shows. */
    static final String FORMER_VECTOR = "setweight(to_tsvector('english', coalesce(title, '')), 'A')"
            + " || setweight(to_tsvector('english', coalesce(summary, '')), 'B')"
            + " || setweight(to_tsvector('english', coalesce(body, '')), 'C')";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SearchIndexer searchIndex;


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
    void aStoredItemBecomesFindableWithStemsAndWeights() throws SQLException {
        String inTitle = unique();
        String inSummary = unique();
        String inBody = unique();
        // the summary is the body's first 80 characters (TestData): inSummary is in both, inBody only in the body
        String body = "Harbour " + inSummary + " officers inspected the containers that arrived at the old quay"
                + " on Tuesday morning, and " + inBody + " was named in the report.";
        TestData item = TestData.item().title("Rangers " + inTitle + " seized pangolin scales").body(body);
        kafka.send(Topics.NEWS_INGESTED, item.build());

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().queryParam("q", inTitle + " seizing").get("/api/items").then().statusCode(200)
                        .body("total", equalTo(1)).body("items[0].itemId", equalTo(item.itemId())));
        given().queryParam("q", inBody + " scale").get("/api/items").then().body("total", equalTo(1));
        given().queryParam("q", inTitle + " -pangolins").get("/api/items").then().body("total", equalTo(0));

        assertThat(matches(item.itemId(), inTitle + ":A")).isTrue();
        assertThat(matches(item.itemId(), inTitle + ":BC")).isFalse();
        assertThat(matches(item.itemId(), inSummary + ":B")).isTrue();
        assertThat(matches(item.itemId(), inSummary + ":C")).isTrue();
        assertThat(matches(item.itemId(), inBody + ":C")).isTrue();
        assertThat(matches(item.itemId(), inBody + ":AB")).isFalse();
        assertThat(sameAsFormerVector(item.itemId())).isTrue();
        assertThat(searchIndex.pending()).isZero();
    }

    @Test
    void aCorrectionIsFoundByItsNewWordsOnly() throws SQLException {
        String before = unique();
        String after = unique();
        TestData item = TestData.item().title("Customs training on " + before).body("Officers met at the border post.");
        kafka.send(Topics.NEWS_INGESTED, item.build());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().queryParam("q", before).get("/api/items").then().body("total", equalTo(1)));

        kafka.send(Topics.NEWS_INGESTED, item.version(2).title("Customs training on " + after).build());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().queryParam("q", after).get("/api/items").then().body("total", equalTo(1))
                        .body("items[0].version", equalTo(2)));
        given().queryParam("q", before).get("/api/items").then().body("total", equalTo(0));
        assertThat(sameAsFormerVector(item.itemId())).isTrue();
    }

    @Test
    void aWithdrawalLeavesTheVectorAlone() throws SQLException {
        String word = unique();
        TestData item = TestData.item().title("Coast guard " + word + " drill").body("A drill at sea.");
        kafka.send(Topics.NEWS_INGESTED, item.build());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().queryParam("q", word).get("/api/items").then().body("total", equalTo(1)));

        given().header("Authorization", "Bearer " + CatalogPipelineIT.TOKEN).delete("/api/items/{id}", item.itemId())
                .then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        // the text did not change, so the trigger kept the vector (nothing for the indexer to do again)
        assertThat(matches(item.itemId(), word + ":A")).isTrue();
        given().queryParam("q", word).get("/api/items").then().body("total", equalTo(0));
    }

    @Test
    void aTextPostgresCannotIndexDoesNotHoldUpTheOthers() throws SQLException {
        // 560 distinct words of 2,000 letters: over a megabyte of lexemes, more than a tsvector holds. Before V21 the
        // insert failed (and the record went to the DLQ); now such a row gets an empty vector and later items are
        // found. Written straight to the table: a text this long is also over Kafka's record limit in the tests.
        StringBuilder body = new StringBuilder();
        for (int n = 0; n < 560; n++) {
            body.append((char) ('a' + n / 26 % 26)).append((char) ('a' + n % 26)).append("q".repeat(1998)).append(' ');
        }
        String huge = "test-" + UUID.randomUUID();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("insert into news_item"
                + " (id, source_name, item_date, title, summary, body, content_hash, version, ingest_version, status,"
                + " ingested_at, created_at, updated_at) values (?, 'test-source', date '2024-05-17', 'Inventory', '', ?,"
                + " 'h', 1, 1, 'PUBLISHED', now(), now(), now() - interval '1 day')")) {
            ps.setString(1, huge);
            ps.setString(2, body.toString());
            ps.executeUpdate();
        }
        String word = unique();
        TestData next = TestData.item().title("Lighthouse " + word + " restored").body("Volunteers repaired the lamp.");
        kafka.send(Topics.NEWS_INGESTED, next.build());

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().queryParam("q", word).get("/api/items").then().body("total", equalTo(1)));
        await().atMost(Duration.ofSeconds(60)).until(() -> searchIndex.pending() == 0);
        assertThat(queryBoolean("select search = ''::tsvector from news_item where id = ?", huge)).isTrue();
        given().get("/api/items/{id}", huge).then().statusCode(200).body("status", equalTo("PUBLISHED"));
    }

    /** Whether the item's stored vector matches the {@code to_tsquery} (with weight labels). */
    private boolean matches(String itemId, String tsquery) throws SQLException {
        return queryBoolean("select search @@ to_tsquery('english', ?) from news_item where id = ?", tsquery, itemId);
    }

    private boolean sameAsFormerVector(String itemId) throws SQLException {
        return queryBoolean("select search = " + FORMER_VECTOR + " from news_item where id = ?", itemId);
    }

    private boolean queryBoolean(String sql, String... parameters) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("row of " + String.join(", ", parameters)).isTrue();
                return rs.getBoolean(1);
            }
        }
    }

    /** A made-up word of letters only (one lexeme, stemmed to itself or its stem on both sides). */
    private static String unique() {
        StringBuilder word = new StringBuilder("zq");
        for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 10).toCharArray()) {
            word.append(Character.isDigit(c) ? (char) ('g' + (c - '0')) : c);
        }
        return word.toString();
    }
}
