package org.syndication.feed;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.syndication.events.NewsItemCatalogued;
import org.syndication.events.ThemeTag;
import org.syndication.feed.digest.Period;
import org.syndication.feed.mapping.EntryMapper;
import org.syndication.feed.service.DigestSender;
import org.syndication.feed.service.SearchDigestService;
import org.syndication.localstack.test.KafkaResource;
import org.syndication.localstack.test.PostgresResource;
import org.syndication.localstack.test.SmtpResource;

import java.net.URL;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/** Combined themes, saved searches and search digests against real Kafka, PostgreSQL and the SMTP sink. */
@QuarkusTest
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = SmtpResource.class, parallel = true)
class ComposedFeedIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String PUBLIC = "http://localhost:8083/";
    private static final String INVALID = "https://syndication.example.org/problems/invalid-request";
    private static CataloguedRecords records;

    @TestHTTPResource("/")
    URL base;

    @Inject
    SearchDigestService searchDigests;

    @Inject
    DigestSender sender;

    @BeforeAll
    static void producer() {
        records = new CataloguedRecords();
    }

    @AfterAll
    static void close() {
        records.close();
    }

    @Test
    void aCombinedFeedIsTheUnionOfItsThemesWithEachItemOnce() {
        ThemeTag a = newTheme();
        ThemeTag b = newTheme();
        ThemeTag other = newTheme();
        NewsItemCatalogued onlyA = TestData.item().title("Only in A").themes(a).build();
        NewsItemCatalogued onlyB = TestData.item().title("Only in B").themes(b).build();
        NewsItemCatalogued both = TestData.item().title("In A and B").themes(a, b).build();
        NewsItemCatalogued elsewhere = TestData.item().title("Elsewhere").themes(other).build();
        List.of(onlyA, onlyB, both, elsewhere).forEach(records::send);
        awaitEntry("/feeds/" + a.slug() + ".atom", both);
        awaitEntry("/feeds/" + b.slug() + ".atom", onlyB);
        awaitEntry("/feeds/" + other.slug() + ".atom", elsewhere);

        String path = "/feeds/" + a.slug() + "+" + b.slug();
        await().atMost(WAIT).untilAsserted(() -> assertThat(FeedChecks.entryIds(FeedChecks.validAtom(
                given().get(path + ".atom").then().statusCode(200).extract().asByteArray())))
                .containsExactlyInAnyOrder(uri(onlyA), uri(onlyB), uri(both)));
        Response atom = given().get(path + ".atom");
        assertThat(atom.contentType()).startsWith("application/atom+xml");
        assertThat(atom.asString()).contains(a.title(), " + ", b.title());
        assertThat(FeedChecks.entryIds(FeedChecks.validRss(given().get(path + ".rss").then().statusCode(200)
                .contentType(startsWith("application/rss+xml")).extract().asByteArray()))).hasSize(3);
        JsonNode json = FeedChecks.validJsonFeed(given().get(path + ".json").then().statusCode(200)
                .contentType(startsWith("application/feed+json")).extract().asByteArray());
        assertThat(json.path("items")).hasSize(3);

        // the order of the themes does not matter, nor a repeated one
        String etag = atom.header("ETag");
        given().get("/feeds/" + b.slug() + "+" + a.slug() + "+" + b.slug() + ".atom").then().statusCode(200)
                .header("ETag", etag);
        given().header("If-None-Match", etag).get(path + ".atom").then().statusCode(304);
        given().header("If-Modified-Since", atom.header("Last-Modified")).get(path + ".atom").then().statusCode(304);

        // a new item of one of the themes changes the combined feed at once (the cache is emptied)
        NewsItemCatalogued later = TestData.item().title("Later in B").themes(b).build();
        records.send(later);
        await().atMost(WAIT).untilAsserted(() -> assertThat(FeedChecks.entryIds(FeedChecks.parse(
                given().header("If-None-Match", etag).get(path + ".atom").then().statusCode(200)
                        .extract().asByteArray()))).contains(uri(later)));
        // and a withdrawal removes its entry
        records.send(TestData.item().id(both.itemId()).version(2).themes(a, b).withdrawn().build());
        await().atMost(WAIT).untilAsserted(() -> assertThat(FeedChecks.entryIds(FeedChecks.parse(
                given().get(path + ".atom").then().statusCode(200).extract().asByteArray())))
                .doesNotContain(uri(both)).contains(uri(onlyA)));

        given().get("/feeds/" + a.slug() + "+no-such-theme.atom").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://syndication.example.org/problems/unknown-feed"))
                .body("validThemes", hasItem(a.slug()));
        given().get("/feeds/all+" + a.slug() + ".atom").then().statusCode(404);
        given().get(path + ".xml").then().statusCode(404).contentType("application/problem+json");
        given().get("/feeds/" + a.slug() + "+" + b.slug() + "+c1+c2+c3+c4.atom").then().statusCode(404);
    }

    @Test
    void aSearchFeedUsesTheCatalogQuerySyntaxInEveryFormatWithConditionalGet() {
        String word = word();
        NewsItemCatalogued title = TestData.item().title("Ferry inspections in " + word).themes(newTheme()).build();
        NewsItemCatalogued body = TestData.item().title("Harbour news").body("Inspectors visited " + word + " twice.")
                .themes(newTheme()).build();
        NewsItemCatalogued excluded = TestData.item().title(word + " drill postponed").themes(newTheme()).build();
        NewsItemCatalogued unrelated = TestData.item().title("Nothing about it").themes(newTheme()).build();
        List.of(title, body, excluded, unrelated).forEach(records::send);

        await().atMost(WAIT).untilAsserted(() -> assertThat(FeedChecks.entryIds(FeedChecks.validAtom(
                given().queryParam("q", word).get("/feeds/search.atom").then().statusCode(200)
                        .extract().asByteArray())))
                .containsExactlyInAnyOrder(uri(title), uri(body), uri(excluded)));
        assertThat(FeedChecks.entryIds(FeedChecks.parse(given().queryParam("q", word + " -drill")
                .get("/feeds/search.atom").then().statusCode(200).extract().asByteArray())))
                .containsExactlyInAnyOrder(uri(title), uri(body));
        assertThat(FeedChecks.entryIds(FeedChecks.parse(given().queryParam("q", "\"ferry inspection\" " + word)
                .get("/feeds/search.atom").then().statusCode(200).extract().asByteArray())))
                .as("a stemmed phrase").containsExactly(uri(title));
        assertThat(FeedChecks.entryIds(FeedChecks.validRss(given().queryParam("q", word).get("/feeds/search.rss")
                .then().statusCode(200).extract().asByteArray()))).hasSize(3);
        assertThat(FeedChecks.validJsonFeed(given().queryParam("q", word).get("/feeds/search.json")
                .then().statusCode(200).extract().asByteArray()).path("items")).hasSize(3);

        Response first = given().queryParam("q", word).get("/feeds/search.atom");
        assertThat(first.asString()).contains("/feeds/search.atom?q=" + word);
        given().queryParam("q", "  " + word + "  ").header("If-None-Match", first.header("ETag"))
                .get("/feeds/search.atom").then().statusCode(304);
        given().queryParam("q", word).header("If-Modified-Since", first.header("Last-Modified"))
                .get("/feeds/search.atom").then().statusCode(304);
        given().queryParam("q", word).head("/feeds/search.atom").then().statusCode(200).header("ETag", first.header("ETag"));
    }

    @Test
    void badOrHostileQueriesAre400ProblemsNever500() {
        given().get("/feeds/search.atom").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo(INVALID));
        given().queryParam("q", "   ").get("/feeds/search.atom").then().statusCode(400).body("type", equalTo(INVALID));
        given().queryParam("q", "x".repeat(201)).get("/feeds/search.json").then().statusCode(400)
                .body("type", equalTo(INVALID)).body("detail", equalTo("q must be at most 200 characters"));
        given().queryParam("q", "a\u0001b").get("/feeds/search.atom").then().statusCode(400).body("type", equalTo(INVALID));
        given().queryParam("q", "the of and").get("/feeds/search.atom").then().statusCode(400)
                .body("type", equalTo(INVALID));
        given().queryParam("q", "one").queryParam("q", "two").get("/feeds/search.atom").then().statusCode(400);
        given().queryParam("q", "harbour").get("/feeds/search.html").then().statusCode(404)
                .contentType("application/problem+json");
        for (String hostile : List.of("' OR 1=1 --", "a:* & !b | (c", "\"unbalanced", "-", "or or or", "\\", "%00",
                "<script>alert(1)</script>", "ünïcödé 漢字")) {
            given().queryParam("q", hostile).get("/feeds/search.atom").then()
                    .statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(400)))
                    .header("Content-Type", org.hamcrest.Matchers.anyOf(startsWith("application/atom+xml"),
                            startsWith("application/problem+json")));
        }
    }

    @Test
    void aSearchCanBeSubscribedToAsADigest() {
        String word = word();
        String address = "searcher-" + UUID.randomUUID() + "@example.org";
        given().contentType(ContentType.JSON)
                .body(Map.of("email", address, "themes", List.of(), "queries", List.of("  " + word + "  "),
                        "frequency", "DAILY"))
                .post("/api/subscriptions").then().statusCode(202);
        SmtpInbox inbox = new SmtpInbox(ConfigProvider.getConfig().getValue(SmtpResource.API_URL, String.class));
        await().atMost(WAIT).until(() -> !inbox.to(address).isEmpty());
        JsonNode confirmMail = inbox.to(address).get(0);
        assertThat(confirmMail.path("text").asText()).contains("search \u201c" + word + "\u201d");
        given().post(local(link(confirmMail, "confirm"))).then().statusCode(200);

        NewsItemCatalogued matching = TestData.item().title("Customs report on " + word).themes(newTheme()).build();
        NewsItemCatalogued other = TestData.item().title("Unrelated customs report").themes(newTheme()).build();
        records.send(matching);
        records.send(other);
        await().atMost(WAIT).untilAsserted(() -> assertThat(FeedChecks.entryIds(FeedChecks.parse(
                given().queryParam("q", word).get("/feeds/search.atom").then().statusCode(200)
                        .extract().asByteArray()))).containsExactly(uri(matching)));
        await().atMost(WAIT).untilAsserted(() -> assertThat(FeedChecks.entryIds(FeedChecks.parse(
                given().get("/feeds/all.atom").then().statusCode(200).extract().asByteArray()))).contains(uri(other)));

        Period today = Period.day(LocalDate.now(ZoneOffset.UTC));
        var issued = searchDigests.issue(new SearchQuery(word), today);
        assertThat(issued.created()).isTrue();
        assertThat(issued.recipients()).isEqualTo(1);
        assertThat(searchDigests.issue(new SearchQuery(word), today).created()).as("once per query and period").isFalse();

        await().atMost(WAIT).untilAsserted(() -> {
            sender.sendBatch();
            assertThat(inbox.to(address).stream().filter(m -> m.path("headers").has("List-Unsubscribe")).toList())
                    .hasSize(1);
        });
        JsonNode digest = inbox.to(address).stream().filter(m -> m.path("headers").has("List-Unsubscribe")).findFirst()
                .orElseThrow();
        assertThat(digest.path("subject").asText()).contains("search \u201c" + word + "\u201d");
        assertThat(digest.path("text").asText()).contains("Customs report on " + word)
                .doesNotContain("Unrelated customs report")
                .contains(PUBLIC + "feeds/search.atom?q=" + word);

        // a query without a word to search is refused, as the search feed refuses it
        given().contentType(ContentType.JSON)
                .body(Map.of("email", address, "queries", List.of("the and"), "frequency", "DAILY"))
                .post("/api/subscriptions").then().statusCode(400).contentType("application/problem+json");
    }

    private void awaitEntry(String path, NewsItemCatalogued item) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(FeedChecks.entryIds(FeedChecks.parse(
                given().get(path).then().statusCode(200).extract().asByteArray()))).contains(uri(item)));
    }

    private static String uri(NewsItemCatalogued item) {
        return EntryMapper.uri(item.itemId());
    }

    private static ThemeTag newTheme() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        return new ThemeTag("compose-" + id, "Composed " + id);
    }

    private static String word() {
        return "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private static String link(JsonNode mail, String action) {
        Matcher matcher = Pattern.compile(Pattern.quote(PUBLIC) + "subscriptions/" + action + "\\?token=[A-Za-z0-9_-]+")
                .matcher(mail.path("text").asText());
        assertThat(matcher.find()).as(action + " link in the text part").isTrue();
        return matcher.group();
    }

    private String local(String publicUrl) {
        return base + publicUrl.substring(PUBLIC.length());
    }
}
