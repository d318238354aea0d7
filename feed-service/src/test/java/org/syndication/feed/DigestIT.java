package org.syndication.feed;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.syndication.events.CeTypes;
import org.syndication.events.DigestIssued;
import org.syndication.events.EventDeserializer;
import org.syndication.events.ThemeTag;
import org.syndication.events.Topics;
import org.syndication.feed.config.FeedConfig;
import org.syndication.feed.mapping.EntryMapper;
import org.syndication.events.DigestIssued.Frequency;
import org.syndication.feed.digest.DigestSchedule;
import org.syndication.feed.digest.Period;
import org.syndication.feed.service.DigestSender;
import org.syndication.feed.service.DigestService;
import org.syndication.localstack.test.KafkaResource;
import org.syndication.localstack.test.PostgresResource;
import org.syndication.localstack.test.SmtpResource;
import org.syndication.support.messaging.BacklogMetrics;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Digests, subscriptions and mail against real Kafka, PostgreSQL and the SMTP sink. */
@QuarkusTest
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = SmtpResource.class, parallel = true)
class DigestIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String PUBLIC = "http://localhost:8083/";
    private static final Pattern LINK = Pattern.compile("href=\"(" + Pattern.quote(PUBLIC) + "[^\"]+)\"");

    /** What a browser sends when it opens a link. */
    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private static final String TOKEN = "Bearer test-token";
    private static CataloguedRecords records;

    @TestHTTPResource("/")
    URL base;

    @Inject
    DigestSender sender;

    @Inject
    DigestService digests;

    @Inject
    EntityManager em;

    @Inject
    FeedConfig config;

    @Inject
    BacklogMetrics backlog;

    @BeforeAll
    static void producer() {
        records = new CataloguedRecords();
    }

    @AfterAll
    static void close() {
        records.close();
    }

    @Test
    void digestMailHasBothPartsListHeadersWorkingLinksAndGoesOutOnce() {
        ThemeTag theme = newTheme();
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        var item = TestData.item().title("Digest item " + theme.slug()).themes(theme).build();
        publish(item, theme);
        var accented = TestData.item().title("Café – über " + theme.slug()).themes(theme).build();
        publish(accented, theme);
        String address = "reader-" + UUID.randomUUID() + "@example.org";
        subscribeAndConfirm(address, theme.slug());

        given().header("Authorization", TOKEN).post("/api/digests/" + theme.slug() + "/" + today)
                .then().statusCode(201)
                .body("issued", equalTo(true)).body("recipients", equalTo(1)).body("items", equalTo(2));
        SmtpInbox inbox = inbox();
        await().atMost(WAIT).until(() -> digestMails(inbox, address).size() == 1);
        JsonNode mail = digestMails(inbox, address).get(0);

        assertThat(mail.path("text").asText()).contains("Digest item " + theme.slug(), "Unsubscribe: " + PUBLIC);
        assertThat(mail.path("html").asText()).contains("Digest item " + theme.slug(), "<h1", "role=\"article\"");
        assertThat(mail.path("raw").asText()).contains("multipart/alternative");
        // the HTML part is US-ASCII (numeric references) and goes out as 7bit; the text part keeps UTF-8
        assertThat(mail.path("html").asText()).contains("Caf&#233; &#8211; &#252;ber " + theme.slug());
        assertThat(mail.path("text").asText()).contains("Café – über " + theme.slug());
        assertThat(mail.path("raw").asText()).contains("Content-Type: text/html\r\nContent-Transfer-Encoding: 7bit");
        JsonNode headers = mail.path("headers");
        String listUnsubscribe = headers.path("List-Unsubscribe").asText();
        assertThat(listUnsubscribe).startsWith("<" + PUBLIC + "subscriptions/unsubscribe?token=");
        assertThat(headers.path("List-Unsubscribe-Post").asText()).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(mail.path("subject").asText()).contains(theme.title(), today);

        List<String> links = new ArrayList<>();
        Matcher matcher = LINK.matcher(mail.path("html").asText());
        while (matcher.find()) {
            links.add(matcher.group(1).replace("&amp;", "&"));
        }
        assertThat(links).anyMatch(l -> l.contains("/digests/" + theme.slug() + "/" + today))
                .anyMatch(l -> l.contains("/subscriptions/manage?token="))
                .anyMatch(l -> l.contains("/subscriptions/unsubscribe?token="));
        for (String link : links) {
            given().get(local(link)).then().statusCode(200);
        }
        given().get(local(PUBLIC + "digests/" + theme.slug() + "/" + today)).then().statusCode(200)
                .body(containsString("Digest item " + theme.slug()));

        // a repeated trigger and another send round (what a restart does) send nothing more
        given().header("Authorization", TOKEN).post("/api/digests/" + theme.slug() + "/" + today)
                .then().statusCode(200).body("issued", equalTo(false)).body("alreadyIssued", equalTo(true));
        assertThat(sender.sendBatch()).isZero();
        assertThat(digestMails(inbox, address)).hasSize(1);

        // published once on news.digests, with CloudEvents headers
        List<ConsumerRecord<String, DigestIssued>> events = digestEvents(theme.slug() + "/" + today);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).value().itemIds()).containsExactlyInAnyOrder(item.itemId(), accented.itemId());
        assertThat(new String(events.get(0).headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                .isEqualTo(CeTypes.DIGEST_ISSUED);
        // the relay has sent the outbox row: no backlog left
        await().atMost(WAIT).untilAsserted(() -> {
            backlog.refresh();
            assertThat(FeedChecks.metric("outbox_unpublished_rows{topic=\"news.digests\"}")).isZero();
            assertThat(FeedChecks.metric("outbox_oldest_unpublished_seconds{topic=\"news.digests\"}")).isZero();
        });
        assertThat(FeedChecks.metric("feed_digest_mails_total{outcome=\"sent\"}")).isGreaterThanOrEqualTo(1.0);
        assertThat(FeedChecks.metricHelp()).contains("# HELP feed_digest_mails Digest mails by outcome",
                "# HELP outbox_unpublished_rows Outbox rows not yet published");

        // one-click unsubscribe (RFC 8058) stops the next digest
        String unsubscribe = listUnsubscribe.substring(1, listUnsubscribe.indexOf('>'));
        given().contentType(ContentType.URLENC).body("List-Unsubscribe=One-Click").post(local(unsubscribe))
                .then().statusCode(200);
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        publish(TestData.item().themes(theme).ingestedAt(java.time.Instant.now().minus(Duration.ofDays(1))).build(), theme);
        given().header("Authorization", TOKEN).post("/api/digests/" + theme.slug() + "/" + yesterday)
                .then().statusCode(201).body("recipients", equalTo(0));
        assertThat(sender.sendBatch()).isZero();
        assertThat(digestMails(inbox, address)).hasSize(1);

        FeedChecks.validAtom(given().get("/digests/" + theme.slug() + ".atom").then().statusCode(200)
                .extract().asByteArray());
        given().get("/digests/" + theme.slug()).then().statusCode(200)
                .body(containsString("/digests/" + theme.slug() + "/" + today))
                .body(containsString("/digests/" + theme.slug() + "/" + yesterday));
    }

    @Test
    void aFailingAddressIsRetriedWithBackoffThenReportedAndDoesNotBlockTheOthers() {
        ThemeTag theme = newTheme();
        publish(TestData.item().themes(theme).build(), theme);
        String good = "good-" + UUID.randomUUID() + "@example.org";
        subscribeAndConfirm(good, theme.slug());
        UUID bad = UUID.randomUUID();
        // an address the mail client refuses (the API never accepts one; this one is put in directly)
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into subscriber (id, email, frequency,"
                        + " themes, status, created_at, confirmed_at, window_start, requests_in_window)"
                        + " values (:id, :email, 'DAILY', :theme, 'CONFIRMED', now(), now(), now(), 0)")
                .setParameter("id", bad).setParameter("email", "no-at-sign-" + bad)
                .setParameter("theme", new String[]{theme.slug()}).executeUpdate());

        given().header("Authorization", TOKEN)
                .post("/api/digests/" + theme.slug() + "/" + LocalDate.now(ZoneOffset.UTC))
                .then().statusCode(201).body("recipients", equalTo(2));
        await().atMost(WAIT).until(() -> digestMails(inbox(), good).size() == 1);
        await().atMost(WAIT).untilAsserted(() -> {
            Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                            "select status, attempts, last_error, next_attempt_at > now() + interval '20 seconds'"
                                    + " from send_log where subscriber_id = :id")
                    .setParameter("id", bad).getSingleResult());
            assertThat(row[0]).isEqualTo("PENDING");
            assertThat(((Number) row[1]).intValue()).isEqualTo(1);
            assertThat(row[2]).isNotNull();
            assertThat(row[3]).as("next attempt after the backoff").isEqualTo(true);
        });

        // the last attempt fails too: the row is reported as FAILED (log + metric) and never claimed again
        int maxAttempts = config.digest().maxAttempts();
        double failedBefore = failedMailsMetric();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update send_log set attempts = :earlier,"
                        + " next_attempt_at = now() where subscriber_id = :id")
                .setParameter("earlier", maxAttempts - 1).setParameter("id", bad).executeUpdate());
        await().atMost(WAIT).untilAsserted(() -> {
            sender.sendBatch();
            Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                            "select status, attempts, last_error from send_log where subscriber_id = :id")
                    .setParameter("id", bad).getSingleResult());
            assertThat(row[0]).isEqualTo("FAILED");
            assertThat(((Number) row[1]).intValue()).isEqualTo(maxAttempts);
            assertThat(row[2]).isNotNull();
        });
        assertThat(failedMailsMetric()).isEqualTo(failedBefore + 1);
        assertThat(FeedChecks.metric("feed_digest_mails_total{outcome=\"retried\"}")).isGreaterThanOrEqualTo(1.0);
        assertThat(sender.sendBatch()).isZero();
        assertThat(digestMails(inbox(), good)).hasSize(1);
    }

    /** The reported failures, as the Prometheus endpoint shows them (0 before the first). */
    private static double failedMailsMetric() {
        Matcher value = Pattern.compile("(?m)^feed_digest_mails_total\\{[^}]*outcome=\"failed\"[^}]*} (\\S+)$")
                .matcher(given().get("/q/metrics").then().statusCode(200).extract().asString());
        return value.find() ? Double.parseDouble(value.group(1)) : 0;
    }

    @Test
    void subscribingAnswersTheSameForEveryAddressValidatesAndRateLimits() {
        String address = "someone-" + UUID.randomUUID() + "@example.org";
        String body = "{\"email\":\"" + address + "\",\"themes\":[\"all\",\"corruption\"],\"frequency\":\"weekly\"}";
        String first = given().contentType(ContentType.JSON).body(body).post("/api/subscriptions")
                .then().statusCode(202).extract().asString();
        SmtpInbox inbox = inbox();
        await().atMost(WAIT).until(() -> inbox.to(address).size() == 1);
        String confirm = link(inbox.to(address).get(0), "confirm");
        // a GET shows a page and changes nothing; the token is scoped to its action
        given().get(local(confirm)).then().statusCode(200).body(containsString("method=\"post\""));
        given().post(local(confirm.replace("/confirm?", "/unsubscribe?"))).then().statusCode(400)
                .body("type", equalTo("https://syndication.example.org/problems/invalid-token"));
        given().post(local(confirm)).then().statusCode(200).body(containsString("confirmed"));
        // a forged or expired link opened in a browser shows a page; API clients get the problem JSON
        given().accept(BROWSER).get("/subscriptions/confirm?token=forged").then().statusCode(400)
                .contentType(ContentType.HTML).body(containsString("This link is invalid or has expired."));
        given().get("/subscriptions/confirm?token=forged").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://syndication.example.org/problems/invalid-token"));

        String again = given().contentType(ContentType.JSON).body(body).post("/api/subscriptions")
                .then().statusCode(202).extract().asString();
        String unknown = given().contentType(ContentType.JSON)
                .body(body.replace(address, "new-" + address)).post("/api/subscriptions")
                .then().statusCode(202).extract().asString();
        assertThat(again).isEqualTo(first).isEqualTo(unknown);
        await().atMost(WAIT).until(() -> inbox.to(address).size() == 2);
        String manage = link(inbox.to(address).get(1), "manage");
        given().get(local(manage)).then().statusCode(200).body(containsString("value=\"corruption\" checked"));

        given().contentType(ContentType.JSON).body(body).post("/api/subscriptions").then().statusCode(202);
        given().contentType(ContentType.JSON).body(body).post("/api/subscriptions").then().statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body("type", equalTo("https://syndication.example.org/problems/rate-limited"));

        for (String invalid : List.of(
                "{\"email\":\"not-an-address\",\"themes\":[\"all\"],\"frequency\":\"DAILY\"}",
                "{\"email\":\"a@example.org\",\"themes\":[],\"frequency\":\"DAILY\"}",
                "{\"email\":\"a@example.org\",\"themes\":[\"no-such-theme\"],\"frequency\":\"DAILY\"}",
                "{\"email\":\"a@example.org\",\"themes\":[\"all\"],\"frequency\":\"hourly\"}")) {
            given().contentType(ContentType.JSON).body(invalid).post("/api/subscriptions").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://syndication.example.org/problems/invalid-request"));
        }
        given().accept(BROWSER).contentType(ContentType.URLENC).formParam("email", "not-an-address")
                .formParam("themes", "all").formParam("frequency", "DAILY").post("/subscriptions").then().statusCode(400)
                .contentType(ContentType.HTML).body(containsString("A valid e-mail address is required."));
        given().contentType(ContentType.URLENC).formParam("email", "form-" + address).formParam("themes", "all")
                .formParam("frequency", "DAILY").post("/subscriptions").then().statusCode(200)
                .body(containsString("Check your inbox"));
        given().get("/").then().statusCode(200).body(containsString("action=\"" + PUBLIC + "subscriptions\""));
    }

    @Test
    void operatorApiNeedsTheTokenPreviewsAndIssuesNothingForEmptyPeriods() {
        String path = "/api/digests/corruption/2020-01-01";
        given().post(path).then().statusCode(401).body("type", equalTo("https://syndication.example.org/problems/unauthorized"));
        given().header("Authorization", "Bearer wrong").post(path).then().statusCode(403)
                .body("type", equalTo("https://syndication.example.org/problems/forbidden"));
        given().header("Authorization", TOKEN).post(path).then().statusCode(200).body("issued", equalTo(false));
        given().header("Authorization", TOKEN).post("/api/digests/corruption/last-tuesday").then().statusCode(400);
        given().header("Authorization", TOKEN).post("/api/digests/no-such-theme/2020-01-01").then().statusCode(404)
                .body("type", equalTo("https://syndication.example.org/problems/unknown-theme"));

        ThemeTag theme = newTheme();
        publish(TestData.item().title("Preview item").themes(theme).build(), theme);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        given().header("Authorization", TOKEN).queryParam("preview", true)
                .post("/api/digests/" + theme.slug() + "/" + today)
                .then().statusCode(200).contentType(ContentType.HTML).body(containsString("Preview item"));
        given().get("/digests/" + theme.slug() + "/" + today).then().statusCode(404);
        String week = org.syndication.feed.digest.Period.isoWeek(LocalDate.now(ZoneOffset.UTC)).id();
        given().header("Authorization", TOKEN).post("/api/digests/" + theme.slug() + "/" + week)
                .then().statusCode(201).body("period", equalTo(week));
    }

    @Test
    void eachSubscriberGetsDigestsAtTheHourZoneAndWeekdayChosenOnTheManagePage() {
        ThemeTag theme = newTheme();
        publish(TestData.item().themes(theme).build(), theme);
        String early = "early-" + UUID.randomUUID() + "@example.org";
        String tokyo = "tokyo-" + UUID.randomUUID() + "@example.org";
        subscribeAndConfirm(early, theme.slug());
        subscribeAndConfirm(tokyo, theme.slug());
        // a confirmed address that asks again gets a link to manage its subscription
        given().contentType(ContentType.JSON)
                .body(Map.of("email", tokyo, "themes", List.of(theme.slug()), "frequency", "DAILY"))
                .post("/api/subscriptions").then().statusCode(202);
        SmtpInbox inbox = inbox();
        await().atMost(WAIT).until(() -> inbox.to(tokyo).size() == 2);
        String manage = local(link(inbox.to(tokyo).get(1), "manage"));

        String page = given().accept(BROWSER).get(manage).then().statusCode(200).extract().asString();
        assertThat(page).contains("<option value=\"6\" selected>06:00</option>", "name=\"zone\" value=\"UTC\"",
                "<option value=\"MONDAY\" selected>Monday</option>", "<option value=\"Asia/Tokyo\">");
        given().accept(BROWSER).formParam("themes", theme.slug()).formParam("frequency", "DAILY")
                .formParam("hour", "7").formParam("zone", "Asia/Tokyo").formParam("weekday", "FRIDAY")
                .post(manage).then().statusCode(200);
        assertThat(schedule(tokyo)).containsExactly(7, "Asia/Tokyo", 5);
        assertThat(given().accept(BROWSER).get(manage).asString())
                .contains("<option value=\"7\" selected>07:00</option>", "name=\"zone\" value=\"Asia/Tokyo\"",
                        "<option value=\"FRIDAY\" selected>Friday</option>");

        // bad input: a 400 problem, and nothing changes
        for (String[] bad : new String[][] {{"hour", "24"}, {"hour", "seven"}, {"hour", "6:30"}, {"zone", "Mars/Olympus"},
                {"zone", "x".repeat(100)}, {"weekday", "FUNDAY"}, {"weekday", "8"}}) {
            given().accept("*/*").formParam("themes", theme.slug()).formParam("frequency", "WEEKLY")
                    .formParam(bad[0], bad[1]).post(manage)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("https://syndication.example.org/problems/invalid-request"));
        }
        assertThat(schedule(tokyo)).containsExactly(7, "Asia/Tokyo", 5);
        assertThat(QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select frequency from subscriber where email = :e").setParameter("e", tokyo).getSingleResult()))
                .isEqualTo("DAILY");

        // issued as the scheduler does: each mail is due at its subscriber's next chosen time after the day is over
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        var issued = digests.issue(theme.slug(), Period.day(today), false, true);
        assertThat(issued.recipients()).isEqualTo(2);
        UUID digestId = QuarkusTransaction.requiringNew().call(() -> (UUID) em.createNativeQuery(
                        "select id from digest where theme = :t and period_id = :p")
                .setParameter("t", theme.slug()).setParameter("p", today.toString()).getSingleResult());
        java.time.Instant dayOver = today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        assertThat(due(digestId, early)).isEqualTo(DigestSchedule.DEFAULT.nextSend(dayOver, Frequency.DAILY))
                .isEqualTo(dayOver.plus(Duration.ofHours(6)));
        assertThat(due(digestId, tokyo)).isEqualTo(new DigestSchedule(7, java.time.ZoneId.of("Asia/Tokyo"),
                java.time.DayOfWeek.FRIDAY).nextSend(dayOver, Frequency.DAILY));
        // not due yet: nothing is sent
        sender.sendBatch();
        assertThat(digestMails(inbox, early)).isEmpty();
        assertThat(digestMails(inbox, tokyo)).isEmpty();

        // once the early reader's time has come (moved to now here), their mail goes, the other one still waits
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update send_log set next_attempt_at = now()"
                        + " where digest_id = :d and subscriber_id = (select id from subscriber where email = :e)")
                .setParameter("d", digestId).setParameter("e", early).executeUpdate());
        await().atMost(WAIT).until(() -> digestMails(inbox, early).size() == 1);
        assertThat(digestMails(inbox, tokyo)).isEmpty();
        assertThat(QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("select l.status from send_log l"
                        + " join subscriber s on s.id = l.subscriber_id where l.digest_id = :d and s.email = :e")
                .setParameter("d", digestId).setParameter("e", tokyo).getSingleResult())).isEqualTo("PENDING");
    }

    private List<Object> schedule(String address) {
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                        "select digest_hour, digest_zone, digest_weekday from subscriber where email = :e")
                .setParameter("e", address).getSingleResult());
        return List.of(((Number) row[0]).intValue(), row[1], ((Number) row[2]).intValue());
    }

    private java.time.Instant due(UUID digestId, String address) {
        Object at = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("select l.next_attempt_at"
                        + " from send_log l join subscriber s on s.id = l.subscriber_id"
                        + " where l.digest_id = :d and s.email = :e")
                .setParameter("d", digestId).setParameter("e", address).getSingleResult());
        return at instanceof java.time.OffsetDateTime odt ? odt.toInstant()
                : at instanceof java.sql.Timestamp ts ? ts.toInstant() : (java.time.Instant) at;
    }

    /** Read here, not injected: an injected test property would be required by every test class's application. */
    private static SmtpInbox inbox() {
        return new SmtpInbox(ConfigProvider.getConfig().getValue(SmtpResource.API_URL, String.class));
    }

    private ThemeTag newTheme() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        return new ThemeTag("digest-" + id, "Digest theme " + id);
    }

    private void publish(org.syndication.events.NewsItemCatalogued item, ThemeTag theme) {
        records.send(item);
        String uri = EntryMapper.uri(item.itemId());
        await().atMost(WAIT).untilAsserted(() -> assertThat(FeedChecks.entryIds(FeedChecks.parse(
                given().get("/feeds/" + theme.slug() + ".atom").then().statusCode(200).extract().asByteArray())))
                .contains(uri));
    }

    private void subscribeAndConfirm(String address, String theme) {
        given().contentType(ContentType.JSON)
                .body(Map.of("email", address, "themes", List.of(theme), "frequency", "DAILY"))
                .post("/api/subscriptions").then().statusCode(202);
        SmtpInbox inbox = inbox();
        await().atMost(WAIT).until(() -> !inbox.to(address).isEmpty());
        given().post(local(link(inbox.to(address).get(0), "confirm"))).then().statusCode(200);
    }

    private static List<JsonNode> digestMails(SmtpInbox inbox, String address) {
        return inbox.to(address).stream().filter(m -> m.path("headers").has("List-Unsubscribe")).toList();
    }

    private static String link(JsonNode mail, String action) {
        Matcher matcher = Pattern.compile(Pattern.quote(PUBLIC) + "subscriptions/" + action + "\\?token=[A-Za-z0-9_-]+")
                .matcher(mail.path("text").asText());
        assertThat(matcher.find()).as(action + " link in the text part").isTrue();
        return matcher.group();
    }

    /** A public URL of this service, resolved against the running test instance. */
    private String local(String publicUrl) {
        return base + publicUrl.substring(PUBLIC.length());
    }

    private List<ConsumerRecord<String, DigestIssued>> digestEvents(String key) {
        try (KafkaConsumer<String, DigestIssued> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty(KafkaResource.BOOTSTRAP),
                ConsumerConfig.GROUP_ID_CONFIG, "digest-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new EventDeserializer.DigestIssuedDeserializer())) {
            consumer.subscribe(List.of(Topics.NEWS_DIGESTS));
            List<ConsumerRecord<String, DigestIssued>> found = new ArrayList<>();
            await().atMost(WAIT).until(() -> {
                consumer.poll(Duration.ofMillis(300)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
                return !found.isEmpty();
            });
            consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                if (key.equals(r.key())) {
                    found.add(r);
                }
            });
            return found;
        }
    }
}
