package org.syndication.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.syndication.localstack.test.KafkaResource;
import org.syndication.localstack.test.PostgresResource;
import org.syndication.localstack.test.SmtpResource;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Abuse of the subscription endpoint against the real service, PostgreSQL and SMTP sink (issue 13, Medium 5 and
 * Low 10): concurrent requests for one address, a mail bomb of many addresses from one client, and addresses a
 * permissive check let through. Clients are told apart by {@code X-Forwarded-For}, which the service trusts from
 * loopback in this profile only, as production trusts it from the ingress controller.
 */
@QuarkusTest
@TestProfile(SubscriptionAbuseIT.Limits.class)
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = true, parallel = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true, parallel = true)
@QuarkusTestResource(value = SmtpResource.class, restrictToAnnotatedClass = true, parallel = true)
class SubscriptionAbuseIT {

    static final int PER_ADDRESS = 3;
    static final int PER_CLIENT = 5;
    private static final int REQUESTS = 30;
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String RATE_LIMITED = "https://syndication.example.org/problems/rate-limited";
    private static final String INVALID = "https://syndication.example.org/problems/invalid-request";
    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    /** A low per-client limit, and forwarded addresses trusted from the test client (loopback). */
    public static class Limits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "feed.subscription.rate-limit", String.valueOf(PER_ADDRESS),
                    "feed.subscription.client-rate-limit", String.valueOf(PER_CLIENT),
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    "quarkus.http.proxy.trusted-proxies", "127.0.0.1,::1");
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TestHTTPResource("/api/subscriptions")
    URL api;

    @Inject
    EntityManager em;

    @Test
    void concurrentRequestsForOneAddressSendOneMailPerAllowedRequestAndNeverFail() {
        String address = "flood-" + UUID.randomUUID() + "@example.org";
        List<HttpResponse<String>> answers = concurrently(i -> address, "198.51.100.10");

        assertThat(statuses(answers)).as("status counts").isEqualTo(Map.of(202, (long) PER_ADDRESS,
                429, (long) (REQUESTS - PER_ADDRESS)));
        for (HttpResponse<String> answer : answers) {
            if (answer.statusCode() == 429) {
                assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                assertThat(answer.body()).contains(RATE_LIMITED);
                assertThat(answer.headers().firstValue("Retry-After")).hasValue("3600");
            }
        }
        assertThat(rows(address)).isEqualTo(1);
        SmtpInbox inbox = inbox();
        await().atMost(WAIT).until(() -> inbox.to(address).size() >= PER_ADDRESS);
        await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> inbox.to(address).size() == PER_ADDRESS);
    }

    @Test
    void manyAddressesFromOneClientGetNoMoreMailsThanThePerClientLimit() {
        String run = UUID.randomUUID().toString();
        List<HttpResponse<String>> answers = concurrently(i -> "bomb-" + i + "-" + run + "@example.org", "203.0.113.20");

        assertThat(statuses(answers)).as("status counts").isEqualTo(Map.of(202, (long) PER_CLIENT,
                429, (long) (REQUESTS - PER_CLIENT)));
        for (HttpResponse<String> answer : answers) {
            if (answer.statusCode() == 429) {
                assertThat(answer.body()).contains(RATE_LIMITED);
                long retryAfter = Long.parseLong(answer.headers().firstValue("Retry-After").orElseThrow());
                assertThat(retryAfter).isBetween(1L, 3600L);
            }
        }
        SmtpInbox inbox = inbox();
        List<String> addresses = IntStream.range(0, REQUESTS).mapToObj(i -> "bomb-" + i + "-" + run + "@example.org").toList();
        await().atMost(WAIT).until(() -> mails(inbox, addresses) >= PER_CLIENT);
        await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> mails(inbox, addresses) == PER_CLIENT);

        // the same client is still refused (a browser gets the page), another client is not
        given().header("X-Forwarded-For", "203.0.113.20").accept(BROWSER).contentType(ContentType.URLENC)
                .formParam("email", "late-" + run + "@example.org").formParam("themes", "all")
                .formParam("frequency", "DAILY").post("/subscriptions").then().statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .contentType(ContentType.HTML).body(containsString("Too many"));
        given().header("X-Forwarded-For", "203.0.113.21").contentType(ContentType.JSON)
                .body(body("other-client-" + run + "@example.org")).post("/api/subscriptions").then().statusCode(202);
    }

    @Test
    void addressesThatAreNotBareMailboxesAreRefusedWith400() {
        long before = subscribers();
        List<String> hostile = List.of(
                "line\u2028break@example.org",
                "next\u0085line@example.org",
                "<a@b>",
                "a@b>,<x",
                "nul\u0000@example.org",
                "a@" + "\u00fc".repeat(60) + ".example");
        for (String address : hostile) {
            given().header("X-Forwarded-For", "192.0.2.30").contentType(ContentType.JSON).body(body(address))
                    .post("/api/subscriptions").then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo(INVALID)).body("status", equalTo(400));
            // as a browser sends the form: UTF-8, percent-encoded
            given().header("X-Forwarded-For", "192.0.2.30").accept(BROWSER)
                    .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("email", address).formParam("themes", "all").formParam("frequency", "DAILY")
                    .post("/subscriptions").then().statusCode(400).contentType(ContentType.HTML)
                    .body(containsString("A valid e-mail address is required."));
        }
        // far beyond any limit (the form would not get this far: its fields are capped by the HTTP layer)
        given().header("X-Forwarded-For", "192.0.2.30").contentType(ContentType.JSON)
                .body(body("a@" + "\u00fc".repeat(3000) + ".example")).post("/api/subscriptions").then()
                .statusCode(400).body("type", equalTo(INVALID));
        assertThat(subscribers()).isEqualTo(before);

        // an internationalised domain is an address: kept in its ASCII form, and the mail goes there
        String local = "idn-" + UUID.randomUUID();
        given().header("X-Forwarded-For", "192.0.2.31").contentType(ContentType.JSON)
                .body(body(local + "@b\u00fccher.example")).post("/api/subscriptions").then().statusCode(202);
        assertThat(rows(local + "@xn--bcher-kva.example")).isEqualTo(1);
        SmtpInbox inbox = inbox();
        await().atMost(WAIT).until(() -> inbox.to(local + "@xn--bcher-kva.example").size() == 1);
    }

    /** {@value #REQUESTS} subscription requests at once from one client, the i-th for {@code address(i)}. */
    private List<HttpResponse<String>> concurrently(Function<Integer, String> address, String client) {
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            sent.add(http.sendAsync(HttpRequest.newBuilder(URI.create(api.toString()))
                    .header("Content-Type", "application/json").header("X-Forwarded-For", client)
                    .POST(HttpRequest.BodyPublishers.ofString(body(address.apply(i)))).timeout(WAIT).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        return sent.stream().map(CompletableFuture::join).toList();
    }

    private static Map<Integer, Long> statuses(List<HttpResponse<String>> answers) {
        return answers.stream().collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
    }

    private static String body(String address) {
        try {
            return new ObjectMapper().writeValueAsString(Map.of("email", address, "themes", List.of("all"),
                    "frequency", "DAILY"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int mails(SmtpInbox inbox, List<String> addresses) {
        return addresses.stream().mapToInt(a -> inbox.to(a).size()).sum();
    }

    private static SmtpInbox inbox() {
        return new SmtpInbox(ConfigProvider.getConfig().getValue(SmtpResource.API_URL, String.class));
    }

    private long rows(String address) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from subscriber where email = :email").setParameter("email", address)
                .getSingleResult()).longValue());
    }

    private long subscribers() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from subscriber").getSingleResult()).longValue());
    }
}
