package org.syndication.feed;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.syndication.events.ThemeTag;
import org.syndication.feed.websub.HubRepository;
import org.syndication.localstack.test.KafkaResource;
import org.syndication.localstack.test.PostgresResource;
import org.syndication.localstack.test.SmtpResource;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The WebSub hub against a real subscriber (an HTTP server in the test), real Kafka and PostgreSQL, along the hub
 * cases of websub.rocks: 100 typical subscription, 101 with a secret (signature checked), 102 with a lease, 103
 * unsubscribe, 104 failed intent verification, 105 a callback that keeps failing (retried with backoff, then
 * given up). Each test works on a theme of its own, so no other test's items reach its callbacks.
 */
@QuarkusTest
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = SmtpResource.class, parallel = true)
class HubIT {

    /** Generous: the build machine is shared and often loaded. */
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** feed.public-base-url in tests: topics are named by it. */
    private static final String PUBLIC = "http://localhost:8083";
    private static final String INVALID = "https://syndication.example.org/problems/invalid-request";

    private static CataloguedRecords records;
    private static TestSubscriber subscriber;

    @Inject
    HubRepository hub;

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry metrics;

    @BeforeAll
    static void start() {
        records = new CataloguedRecords();
        subscriber = new TestSubscriber();
    }

    @AfterAll
    static void stop() {
        if (records != null) {
            records.close();
        }
        if (subscriber != null) {
            subscriber.close();
        }
    }

    /** A theme of the test's own, with one item, so its feed (and topic) exists. */
    private ThemeTag newTheme() {
        String slug = "websub-" + UUID.randomUUID().toString().substring(0, 8);
        ThemeTag theme = new ThemeTag(slug, "WebSub " + slug);
        records.send(TestData.item().title("first of " + slug).themes(theme).build());
        await().atMost(WAIT).untilAsserted(() -> given().get("/feeds/" + slug + ".atom").then().statusCode(200)
                .body(containsString("first of " + slug)));
        return theme;
    }

    private static String topic(ThemeTag theme, String format) {
        return PUBLIC + "/feeds/" + theme.slug() + "." + format;
    }

    private static void request(Map<String, String> form, int status) {
        given().contentType(ContentType.URLENC).formParams(form).post("/hub").then().statusCode(status);
    }

    private static void subscribe(String topic, TestSubscriber.Callback callback, String... more) {
        Map<String, String> form = new java.util.HashMap<>(Map.of("hub.mode", "subscribe", "hub.topic", topic,
                "hub.callback", callback.url()));
        for (int i = 0; i < more.length; i += 2) {
            form.put(more[i], more[i + 1]);
        }
        request(form, 202);
    }

    private Optional<HubRepository.Subscription> stored(String topic, TestSubscriber.Callback callback) {
        return QuarkusTransaction.requiringNew().call(() -> hub.find(topic, callback.url()));
    }

    private TestSubscriber.Received awaitDelivery(TestSubscriber.Callback callback, String containing) {
        await().atMost(WAIT).until(() -> callback.deliveries().stream().anyMatch(r -> r.text().contains(containing)));
        return callback.deliveries().stream().filter(r -> r.text().contains(containing)).findFirst().orElseThrow();
    }

    /** websub.rocks 100: typical subscriber request; the next change of the feed is delivered. */
    @Test
    void typicalSubscriptionIsVerifiedAndGetsTheNewDocument() {
        ThemeTag theme = newTheme();
        String topic = topic(theme, "atom");
        TestSubscriber.Callback callback = subscriber.callback();
        subscribe(topic, callback);

        await().atMost(WAIT).until(() -> stored(topic, callback).isPresent());
        TestSubscriber.Received verification = callback.verifications().get(0);
        assertThat(verification.params()).containsEntry("hub.mode", "subscribe").containsEntry("hub.topic", topic)
                .containsEntry("hub.lease_seconds", String.valueOf(Duration.ofDays(10).toSeconds()))
                .containsEntry("subscriber", "test");
        assertThat(verification.params().get("hub.challenge")).hasSizeGreaterThanOrEqualTo(32);
        assertThat(stored(topic, callback).orElseThrow().secret()).isEmpty();

        Instant sent = Instant.now();
        records.send(TestData.item().title("pushed news " + theme.slug()).themes(theme).build());
        TestSubscriber.Received delivery = awaitDelivery(callback, "pushed news " + theme.slug());
        assertThat(Duration.between(sent, delivery.at())).isLessThan(Duration.ofSeconds(10));
        assertThat(delivery.header("Content-Type")).startsWith("application/atom+xml");
        assertThat(delivery.header("Link")).contains("<" + PUBLIC + "/hub>; rel=\"hub\"")
                .contains("<" + topic + ">; rel=\"self\"");
        assertThat(delivery.header("X-Hub-Signature")).isNull();
        // the whole new document, the same bytes a reader GETs
        assertThat(delivery.text()).contains("first of " + theme.slug());
        await().atMost(WAIT).untilAsserted(() -> assertThat(delivery.text())
                .isEqualTo(given().get("/feeds/" + theme.slug() + ".atom").then().statusCode(200).extract().asString()));
    }

    /** websub.rocks 101: with hub.secret every delivery carries X-Hub-Signature: sha256=HMAC(secret, body). */
    @Test
    void secretSignsEveryDelivery() throws Exception {
        ThemeTag theme = newTheme();
        String topic = topic(theme, "json");
        TestSubscriber.Callback callback = subscriber.callback();
        String secret = "s3cret-" + UUID.randomUUID();
        subscribe(topic, callback, "hub.secret", secret);
        await().atMost(WAIT).until(() -> stored(topic, callback).isPresent());

        records.send(TestData.item().title("signed news " + theme.slug()).themes(theme).build());
        TestSubscriber.Received delivery = awaitDelivery(callback, "signed news " + theme.slug());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertThat(delivery.header("X-Hub-Signature")).isEqualTo("sha256=" + HexFormat.of().formatHex(mac.doFinal(delivery.body())));
        assertThat(delivery.header("Content-Type")).startsWith("application/feed+json");
        // keyed by the secret: another key gives another signature
        mac.init(new SecretKeySpec("another secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertThat(delivery.header("X-Hub-Signature")).isNotEqualTo("sha256=" + HexFormat.of().formatHex(mac.doFinal(delivery.body())));
    }

    /** websub.rocks 102: hub.lease_seconds is granted, renewed by a new request, and a lease that ran out ends deliveries. */
    @Test
    void leaseIsGrantedRenewedAndExpires() {
        ThemeTag theme = newTheme();
        String topic = topic(theme, "rss");
        TestSubscriber.Callback shortLease = subscriber.callback();
        TestSubscriber.Callback renewed = subscriber.callback();
        subscribe(topic, shortLease, "hub.lease_seconds", "3");
        subscribe(topic, renewed, "hub.lease_seconds", "3");
        await().atMost(WAIT).until(() -> stored(topic, shortLease).isPresent() && stored(topic, renewed).isPresent());
        assertThat(shortLease.verifications().get(0).params()).containsEntry("hub.lease_seconds", "3");
        HubRepository.Subscription granted = stored(topic, shortLease).orElseThrow();
        assertThat(granted.leaseSeconds()).isEqualTo(3);
        assertThat(granted.expiresAt()).isBefore(Instant.now().plusSeconds(4));

        subscribe(topic, renewed, "hub.lease_seconds", "600");
        await().atMost(WAIT).until(() -> stored(topic, renewed).orElseThrow().leaseSeconds() == 600);
        assertThat(stored(topic, renewed).orElseThrow().expiresAt()).isAfter(Instant.now().plusSeconds(590));

        await().atMost(WAIT).until(() -> granted.expiresAt().isBefore(Instant.now()));
        records.send(TestData.item().title("after the lease " + theme.slug()).themes(theme).build());
        awaitDelivery(renewed, "after the lease " + theme.slug());
        assertThat(shortLease.deliveries()).isEmpty();
    }

    /** websub.rocks 103: unsubscribe is verified too, and then nothing more is delivered. */
    @Test
    void unsubscribeIsVerifiedAndStopsDeliveries() {
        ThemeTag theme = newTheme();
        String topic = topic(theme, "atom");
        TestSubscriber.Callback leaving = subscriber.callback();
        TestSubscriber.Callback staying = subscriber.callback();
        subscribe(topic, leaving);
        subscribe(topic, staying);
        await().atMost(WAIT).until(() -> stored(topic, leaving).isPresent() && stored(topic, staying).isPresent());

        request(Map.of("hub.mode", "unsubscribe", "hub.topic", topic, "hub.callback", leaving.url()), 202);
        await().atMost(WAIT).until(() -> stored(topic, leaving).isEmpty());
        TestSubscriber.Received verification = leaving.verifications().get(1);
        assertThat(verification.params()).containsEntry("hub.mode", "unsubscribe").containsEntry("hub.topic", topic)
                .doesNotContainKey("hub.lease_seconds");

        records.send(TestData.item().title("after leaving " + theme.slug()).themes(theme).build());
        awaitDelivery(staying, "after leaving " + theme.slug());
        assertThat(leaving.deliveries()).isEmpty();
    }

    /** websub.rocks 104: a callback that does not echo the challenge (or answers 404) is not subscribed. */
    @Test
    void failedIntentVerificationSubscribesNothing() {
        ThemeTag theme = newTheme();
        String topic = topic(theme, "atom");
        TestSubscriber.Callback wrong = subscriber.callback().verify(TestSubscriber.Verify.WRONG_CHALLENGE);
        TestSubscriber.Callback missing = subscriber.callback().verify(TestSubscriber.Verify.NOT_FOUND);
        TestSubscriber.Callback good = subscriber.callback();
        subscribe(topic, wrong);
        subscribe(topic, missing);
        await().atMost(WAIT).until(() -> wrong.verifications().size() == 1 && missing.verifications().size() == 1);
        subscribe(topic, good);
        await().atMost(WAIT).until(() -> stored(topic, good).isPresent());

        records.send(TestData.item().title("for verified only " + theme.slug()).themes(theme).build());
        awaitDelivery(good, "for verified only " + theme.slug());
        assertThat(stored(topic, wrong)).isEmpty();
        assertThat(stored(topic, missing)).isEmpty();
        assertThat(wrong.deliveries()).isEmpty();
        assertThat(missing.deliveries()).isEmpty();
    }

    /** websub.rocks 105: a callback that answers 5xx/4xx is retried with growing waits, then given up and counted. */
    @Test
    void failingCallbackIsRetriedWithBackoffThenGivenUp() {
        ThemeTag theme = newTheme();
        String topic = topic(theme, "atom");
        TestSubscriber.Callback failing = subscriber.callback().answerDeliveries(500);
        TestSubscriber.Callback refusing = subscriber.callback().answerDeliveries(400);
        subscribe(topic, failing);
        subscribe(topic, refusing);
        await().atMost(WAIT).until(() -> stored(topic, failing).isPresent() && stored(topic, refusing).isPresent());
        double failedBefore = metrics.counter("feed.websub.deliveries", "outcome", "failed").count();

        records.send(TestData.item().title("hard to deliver " + theme.slug()).themes(theme).build());
        // feed.websub.max-attempts=4 in tests, first retry after 0.3 s, doubling
        await().atMost(WAIT).until(() -> failing.deliveries().size() == 4 && refusing.deliveries().size() == 4);
        for (TestSubscriber.Callback callback : List.of(failing, refusing)) {
            long subscriptionId = stored(topic, callback).orElseThrow().id();
            await().atMost(WAIT).until(() -> "FAILED".equals(deliveryStatus(subscriptionId)));
            List<TestSubscriber.Received> attempts = callback.deliveries();
            for (int i = 1; i < attempts.size(); i++) {
                Duration wait = Duration.between(attempts.get(i - 1).at(), attempts.get(i).at());
                Duration backoff = Duration.ofMillis(300L << (i - 1));
                assertThat(wait).as("wait before attempt %d", i + 1).isGreaterThanOrEqualTo(backoff.minusMillis(50));
            }
            assertThat(attempts).allSatisfy(r -> assertThat(r.text()).contains("hard to deliver " + theme.slug()));
        }
        assertThat(metrics.counter("feed.websub.deliveries", "outcome", "failed").count()).isEqualTo(failedBefore + 2);
        // given up means given up: no fifth attempt
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> failing.deliveries().size() == 4 && refusing.deliveries().size() == 4);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("feed_websub_deliveries_total{outcome=\"failed\""));
    }

    private String deliveryStatus(long subscriptionId) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                        "select status from websub_delivery where subscription_id = :id order by id desc limit 1")
                .setParameter("id", subscriptionId).getResultStream().findFirst().orElse(null));
    }

    @Test
    void invalidRequestsAreProblemsAndSubscribeNothing() {
        ThemeTag theme = newTheme();
        String topic = topic(theme, "atom");
        TestSubscriber.Callback callback = subscriber.callback();
        String url = callback.url();
        List<Map<String, String>> bad = List.of(
                Map.of("hub.topic", topic, "hub.callback", url),
                Map.of("hub.mode", "publish", "hub.topic", topic, "hub.callback", url),
                Map.of("hub.mode", "subscribe", "hub.topic", topic),
                Map.of("hub.mode", "subscribe", "hub.topic", topic, "hub.callback", "ftp://127.0.0.1/cb"),
                Map.of("hub.mode", "subscribe", "hub.topic", topic, "hub.callback", "javascript:alert(1)"),
                Map.of("hub.mode", "subscribe", "hub.topic", topic, "hub.callback", "http://user:pw@127.0.0.1/cb"),
                Map.of("hub.mode", "subscribe", "hub.topic", topic, "hub.callback", "http://127.0.0.1/" + "x".repeat(2100)),
                Map.of("hub.mode", "subscribe", "hub.callback", url),
                Map.of("hub.mode", "subscribe", "hub.topic", "https://elsewhere.example/feed.atom", "hub.callback", url),
                Map.of("hub.mode", "subscribe", "hub.topic", PUBLIC + "/feeds/no-such-theme.atom", "hub.callback", url),
                Map.of("hub.mode", "subscribe", "hub.topic", PUBLIC + "/feeds/" + theme.slug() + ".xml", "hub.callback", url),
                Map.of("hub.mode", "subscribe", "hub.topic", PUBLIC + "/feeds/" + theme.slug() + "/2026-11.atom", "hub.callback", url),
                Map.of("hub.mode", "subscribe", "hub.topic", topic + "x".repeat(2100), "hub.callback", url),
                Map.of("hub.mode", "subscribe", "hub.topic", topic, "hub.callback", url, "hub.lease_seconds", "0"),
                Map.of("hub.mode", "subscribe", "hub.topic", topic, "hub.callback", url, "hub.lease_seconds", "-5"),
                Map.of("hub.mode", "subscribe", "hub.topic", topic, "hub.callback", url, "hub.lease_seconds", "ten"),
                Map.of("hub.mode", "subscribe", "hub.topic", topic, "hub.callback", url, "hub.lease_seconds", "99999999999999999999"),
                Map.of("hub.mode", "subscribe", "hub.topic", topic, "hub.callback", url,
                        "hub.lease_seconds", String.valueOf(Duration.ofDays(31).toSeconds())),
                Map.of("hub.mode", "subscribe", "hub.topic", topic, "hub.callback", url, "hub.secret", "s".repeat(200)));
        for (Map<String, String> form : bad) {
            given().contentType(ContentType.URLENC).formParams(form).post("/hub").then()
                    .statusCode(400).contentType("application/problem+json").body("type", equalTo(INVALID))
                    .body("status", equalTo(400));
        }
        // not a form: refused, not a server error
        int status = given().contentType(ContentType.JSON).body("{\"hub.mode\":\"subscribe\"}").post("/hub")
                .then().extract().statusCode();
        assertThat(status).isEqualTo(415);
        assertThat(callback.received).isEmpty();
        assertThat(stored(topic, callback)).isEmpty();
    }

    /** Every subscription document advertises the hub and itself, in all three formats; archives do not. */
    @Test
    void everyFeedAdvertisesHubAndSelf() {
        ThemeTag theme = newTheme();
        String atom = given().get("/feeds/" + theme.slug() + ".atom").then().statusCode(200).extract().asString();
        assertThat(atom).contains("<link rel=\"hub\" href=\"" + PUBLIC + "/hub\"")
                .contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"" + topic(theme, "atom") + "\"");
        String rss = given().get("/feeds/" + theme.slug() + ".rss").then().statusCode(200).extract().asString();
        assertThat(rss).contains("<atom:link rel=\"hub\" href=\"" + PUBLIC + "/hub\"")
                .contains("<atom:link rel=\"self\" href=\"" + topic(theme, "rss") + "\"");
        JsonPath json = given().get("/feeds/" + theme.slug() + ".json").then().statusCode(200).extract().jsonPath();
        assertThat(json.getString("feed_url")).isEqualTo(topic(theme, "json"));
        assertThat(json.getList("hubs", Map.class)).containsExactly(Map.of("type", "WebSub", "url", PUBLIC + "/hub"));
        String archive = given().get("/feeds/" + theme.slug() + "/2026-11.atom").then().statusCode(200).extract().asString();
        assertThat(archive).doesNotContain("rel=\"hub\"");
    }

    /**
     * Two replicas claiming at the same moment never get the same delivery (FOR UPDATE SKIP LOCKED), and between
     * them they get every due one. The rows are due in the future, so this replica's own loop leaves them alone.
     */
    @Test
    void concurrentClaimsNeverShareADelivery() throws Exception {
        ThemeTag theme = newTheme();
        String topic = topic(theme, "atom");
        Instant future = Instant.now().plus(Duration.ofDays(1));
        List<Long> ids = QuarkusTransaction.requiringNew().call(() -> {
            List<Long> created = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                long subscription = hub.upsert(topic, "http://127.0.0.1:9/claim-" + i, null, 3600 * 48, Instant.now());
                created.add(((Number) em.createNativeQuery("insert into websub_delivery (subscription_id, topic,"
                                + " next_attempt_at, created_at, updated_at) values (:s, :t, :due, now(), now()) returning id")
                        .setParameter("s", subscription).setParameter("t", topic)
                        .setParameter("due", Timestamp.from(future)).getSingleResult()).longValue());
            }
            return created;
        });
        Instant claimAt = future.plusSeconds(1);
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<List<HubRepository.Claimed>>> claimers = new ArrayList<>();
        for (int replica = 0; replica < 2; replica++) {
            claimers.add(CompletableFuture.supplyAsync(() -> {
                List<HubRepository.Claimed> mine = new ArrayList<>();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                List<HubRepository.Claimed> batch;
                do {
                    batch = QuarkusTransaction.requiringNew().call(() -> hub.claim(claimAt, 7, claimAt.plusSeconds(3600)));
                    mine.addAll(batch);
                } while (!batch.isEmpty());
                return mine;
            }));
        }
        go.countDown();
        Set<Long> first = new HashSet<>(claimers.get(0).get().stream().map(HubRepository.Claimed::id).toList());
        Set<Long> second = new HashSet<>(claimers.get(1).get().stream().map(HubRepository.Claimed::id).toList());
        assertThat(first).doesNotContainAnyElementsOf(second);
        Set<Long> all = new HashSet<>(first);
        all.addAll(second);
        assertThat(all).containsAll(ids);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from websub_subscription where topic = :t")
                .setParameter("t", topic).executeUpdate());
    }
}
