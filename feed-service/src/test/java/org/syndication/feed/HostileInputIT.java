package org.syndication.feed;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.syndication.events.NewsItemCatalogued;
import org.syndication.events.ThemeTag;
import org.syndication.feed.digest.Subscriber;
import org.syndication.feed.digest.SubscriberRepository;
import org.syndication.feed.mapping.EntryMapper;
import org.syndication.localstack.test.KafkaResource;
import org.syndication.localstack.test.PostgresResource;
import org.syndication.localstack.test.SmtpResource;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * Hostile input against the real service (Kafka, PostgreSQL, SMTP sink): what an outside review found and what
 * must stay fixed. Each test is one finding of issue 13.
 */
@QuarkusTest
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = SmtpResource.class, parallel = true)
class HostileInputIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String PUBLIC = "http://localhost:8083/";
    /** What a browser sends when it opens a link. */
    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final String ENDED = "https://syndication.example.org/problems/subscription-ended";
    private static final String ATTACK = "<img src=x onerror=alert(document.cookie)>";

    private static CataloguedRecords records;

    @TestHTTPResource("/")
    URL base;

    @Inject
    EntityManager em;

    @Inject
    SubscriberRepository subscribers;

    @BeforeAll
    static void producer() {
        records = new CataloguedRecords();
    }

    @AfterAll
    static void close() {
        records.close();
    }

    /** Medium 4: an old confirmation link must not undo an unsubscribe; only a new request does. */
    @Test
    void anOldConfirmationLinkDoesNotResubscribeAnAddressThatUnsubscribed() {
        String address = "leaver-" + UUID.randomUUID() + "@example.org";
        String confirm = requestSubscription(address, 1).get("confirm");
        given().post(local(confirm)).then().statusCode(200).body(containsString("confirmed"));
        // a second request of a confirmed address mails a manage link; its page offers the unsubscribe button
        String manage = requestSubscription(address, 2).get("manage");
        String unsubscribe = Jsoup.parse(given().get(local(manage)).then().statusCode(200).extract().asString())
                .select("form[action*=/subscriptions/unsubscribe]").attr("action");
        given().post(local(unsubscribe)).then().statusCode(200).body(containsString("Unsubscribed"));
        assertThat(status(address)).isEqualTo("UNSUBSCRIBED");

        // the old link, still within its 48 hours: API clients get the problem, browsers a page that says why
        given().post(local(confirm)).then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo(ENDED)).body("status", equalTo(409))
                .body("detail", containsString("subscribe again"));
        given().accept(BROWSER).post(local(confirm)).then().statusCode(409).contentType(ContentType.HTML)
                .body(containsString("subscribe again")).body(not(containsString("method=\"post\"")));
        // the page behind the link offers no button either
        given().accept(BROWSER).get(local(confirm)).then().statusCode(409).contentType(ContentType.HTML)
                .body(containsString("subscribe again")).body(not(containsString("method=\"post\"")));
        assertThat(status(address)).isEqualTo("UNSUBSCRIBED");

        // a new request sends a new link, and that one confirms
        String again = requestSubscription(address, 3).get("confirm");
        assertThat(again).isNotEqualTo(confirm);
        given().post(local(again)).then().statusCode(200).body(containsString("confirmed"));
        assertThat(status(address)).isEqualTo("CONFIRMED");
    }

    /** Medium 7: item text never reaches a feed reader as markup, whichever way it reads the fields. */
    @Test
    void itemTextReachesNoFeedReaderAsMarkup() throws Exception {
        ThemeTag theme = newTheme();
        NewsItemCatalogued item = TestData.item().title("Alert " + ATTACK + " & <b>bold</b>")
                .summary("Summary <script>alert(1)</script> " + ATTACK).body("Body " + ATTACK + "\n\n<iframe src=x>")
                .themes(theme).build();
        records.send(item);
        String uri = EntryMapper.uri(item.itemId());
        await().atMost(WAIT).untilAsserted(() -> assertThat(FeedChecks.entryIds(FeedChecks.parse(
                given().get("/feeds/" + theme.slug() + ".atom").then().statusCode(200).extract().asByteArray())))
                .contains(uri));

        // RSS: the XML text of <title> and <description> read as HTML (what many readers do) makes no element
        byte[] rss = given().get("/feeds/" + theme.slug() + ".rss").then().statusCode(200).extract().asByteArray();
        FeedChecks.validRss(rss);
        org.w3c.dom.Element rssItem = (org.w3c.dom.Element) DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(rss)).getElementsByTagName("item").item(0);
        for (String field : List.of("title", "description")) {
            String text = text(rssItem.getElementsByTagName(field));
            assertThat(htmlElements(text)).as("RSS %s read as HTML: %s", field, text).isEmpty();
        }
        assertThat(Jsoup.parseBodyFragment(text(rssItem.getElementsByTagName("description"))).text())
                .isEqualTo("Summary <script>alert(1)</script> " + ATTACK);
        assertThat(Jsoup.parseBodyFragment(text(rssItem.getElementsByTagName("content:encoded"))).body()
                .select("*:not(body):not(p)")).isEmpty();

        // JSON Feed: content_html has paragraphs only; title and summary are plain text by the spec
        JsonNode json = FeedChecks.validJsonFeed(given().get("/feeds/" + theme.slug() + ".json").then().statusCode(200)
                .extract().asByteArray()).path("items").get(0);
        assertThat(Jsoup.parseBodyFragment(json.path("content_html").asText()).body().select("*:not(body):not(p)"))
                .isEmpty();
        assertThat(json.path("content_html").asText()).contains("&lt;img src=x onerror");

        // Atom: every text construct is type="text", so readers show the characters
        String atom = given().get("/feeds/" + theme.slug() + ".atom").then().statusCode(200).extract().asString();
        assertThat(atom).doesNotContain("type=\"html\"", "type=\"xhtml\"");
    }

    /** Low 15: HTML pages forbid framing, scripts and referrers, errors shown as pages too. */
    @Test
    void htmlPagesSendContentSecurityPolicyFrameAndReferrerHeaders() {
        NewsItemCatalogued item = TestData.item().themes(TestData.CORRUPTION).build();
        records.send(item);
        await().atMost(WAIT).untilAsserted(() -> given().get("/items/" + item.itemId()).then().statusCode(200));
        String address = "framed-" + UUID.randomUUID() + "@example.org";
        String confirm = requestSubscription(address, 1).get("confirm");
        given().post(local(confirm)).then().statusCode(200);
        String manage = requestSubscription(address, 2).get("manage");
        String unsubscribe = Jsoup.parse(given().get(local(manage)).then().statusCode(200).extract().asString())
                .select("form[action*=/subscriptions/unsubscribe]").attr("action");

        List<Response> pages = List.of(
                given().get("/"),
                given().get("/themes/corruption"),
                given().get("/items/" + item.itemId()),
                given().get("/digests/corruption"),
                given().get(local(confirm)),
                given().get(local(manage)),
                given().get(local(unsubscribe)),
                given().accept(BROWSER).get("/subscriptions/unsubscribe?token=forged"),
                given().accept(BROWSER).contentType(ContentType.URLENC).formParam("email", "not-an-address")
                        .formParam("themes", "all").formParam("frequency", "DAILY").post("/subscriptions"));
        for (Response page : pages) {
            assertThat(page.contentType()).startsWith("text/html");
            String csp = page.header("Content-Security-Policy");
            assertThat(csp).as("CSP").isNotNull()
                    .contains("default-src 'none'", "frame-ancestors 'none'", "base-uri 'none'", "form-action 'self'")
                    .doesNotContain("script-src");
            assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        }
        // feeds are not pages: no page policy on them (they are served by their own route, with nosniff)
        Response feed = given().get("/feeds/corruption.atom");
        assertThat(feed.header("Content-Security-Policy")).isNull();
        assertThat(feed.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    /** Low 14: a database error about a subscriber row must not write the address into the log. */
    @Test
    void databaseErrorsAboutSubscribersDoNotLogTheAddress() {
        String address = "private-" + UUID.randomUUID() + "@example.org";
        requestSubscription(address, 1);
        List<LogRecord> logged = Collections.synchronizedList(new ArrayList<>());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            // the second row for one address: what two concurrent first requests for it end in
            assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
                Subscriber twin = new Subscriber();
                twin.id = UUID.randomUUID();
                twin.email = address;
                twin.status = Subscriber.Status.PENDING;
                twin.frequency = org.syndication.events.DigestIssued.Frequency.DAILY;
                twin.themes = new java.util.ArrayList<>(List.of("all"));
                twin.createdAt = Instant.now();
                twin.windowStart = twin.createdAt;
                subscribers.persist(twin);
            })).satisfies(e -> assertThat(messages(e)).contains("subscriber_email").doesNotContain(address));
        } finally {
            root.removeHandler(capture);
        }
        // the embedded PostgreSQL's own server log is forwarded into this JVM; it is the database's log, not the
        // service's (deploy/ sets log_error_verbosity=terse on the production cluster so it has no DETAIL lines)
        List<String> lines = logged.stream().filter(r -> !String.valueOf(r.getLoggerName()).startsWith("io.zonky"))
                .map(HostileInputIT::line).toList();
        assertThat(lines).as("the error was logged").anyMatch(l -> l.contains("subscriber_email"));
        assertThat(lines).noneMatch(l -> l.contains(address));
    }

    /** A subscription request, and the links of the mail it causes (the n-th mail to that address). */
    private Map<String, String> requestSubscription(String address, int mails) {
        given().contentType(ContentType.JSON).body(Map.of("email", address, "themes", List.of("all"), "frequency", "DAILY"))
                .post("/api/subscriptions").then().statusCode(202);
        SmtpInbox inbox = new SmtpInbox(ConfigProvider.getConfig().getValue(SmtpResource.API_URL, String.class));
        await().atMost(WAIT).until(() -> inbox.to(address).size() >= mails);
        String text = inbox.to(address).get(mails - 1).path("text").asText();
        Matcher matcher = Pattern.compile(Pattern.quote(PUBLIC) + "subscriptions/(confirm|manage)\\?token=[A-Za-z0-9_-]+")
                .matcher(text);
        assertThat(matcher.find()).as("a link in the mail").isTrue();
        return Map.of(matcher.group(1), matcher.group());
    }

    private String status(String address) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select status from subscriber where email = :email").setParameter("email", address).getSingleResult());
    }

    private static ThemeTag newTheme() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        return new ThemeTag("hostile-" + id, "Hostile theme " + id);
    }

    private static String text(NodeList nodes) {
        assertThat(nodes.getLength()).isEqualTo(1);
        return nodes.item(0).getTextContent();
    }

    /** The elements an HTML parser makes of a text (none for text that is only characters). */
    private static List<String> htmlElements(String text) {
        Document html = Jsoup.parseBodyFragment(text);
        return html.body().select("*:not(body)").stream().map(Element::tagName).toList();
    }

    /** The messages of an exception and its causes. */
    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t).append('\n');
            for (Throwable suppressed : t.getSuppressed()) {
                all.append(messages(suppressed));
            }
        }
        return all.toString();
    }

    /** What a log line shows of a record: the formatted message and the thrown exception's messages. */
    private static String line(LogRecord record) {
        String message = record.getMessage() == null ? "" : record.getMessage();
        Object[] parameters = record.getParameters();
        if (parameters != null) {
            for (Object parameter : parameters) {
                message += " " + parameter;
            }
        }
        return message + (record.getThrown() == null ? "" : "\n" + messages(record.getThrown()));
    }

    /** A public URL of this service, resolved against the running test instance. */
    private String local(String publicUrl) {
        return base + publicUrl.substring(PUBLIC.length());
    }
}
