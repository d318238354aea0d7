package org.syndication.feed;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.syndication.events.NewsItemCatalogued;
import org.syndication.events.ThemeTag;
import org.syndication.feed.mapping.EntryMapper;
import org.syndication.localstack.test.KafkaResource;
import org.syndication.localstack.test.PostgresResource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What feed readers are promised (issue 16, items 2, 5 and 6) against a real Kafka broker and PostgreSQL: withdrawn
 * items as RFC 6721 tombstones in Atom only, max-age and RSS ttl from the feed's rhythm, 429 for a client polling
 * one feed far too fast, archive documents for complete, plausible months only. Clients are told apart by
 * {@code X-Forwarded-For} (trusted from loopback in this profile): every request but the polling test's comes from
 * an address of its own, so only that test meets the polling limit.
 */
@QuarkusTest
@TestProfile(ReaderContractIT.Profile.class)
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = true, parallel = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true, parallel = true)
class ReaderContractIT {

    static final int POLLS = 3;
    static final int PAGE = 3;
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String TOMBSTONES = "http://purl.org/atompub/tombstones/1.0";
    private static CataloguedRecords records;

    /** The polling limit on (3 requests per max-age), short pages, forwarded addresses trusted from loopback. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "feed.polling-limit.enabled", "true",
                    "feed.polling-limit.requests", String.valueOf(POLLS),
                    "feed.page-size", String.valueOf(PAGE),
                    "feed.tombstones.keep", "P30D",
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    "quarkus.http.proxy.trusted-proxies", "127.0.0.1,::1");
        }
    }

    @BeforeAll
    static void producer() {
        records = new CataloguedRecords();
    }

    @AfterAll
    static void close() {
        records.close();
    }

    @Test
    void aWithdrawnItemIsATombstoneInItsAtomFeedsAndGoneFromRssAndJson() {
        ThemeTag theme = theme();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        TestData gone = TestData.item().themes(theme).updatedAt(now.minusSeconds(60));
        NewsItemCatalogued stays = TestData.item().themes(theme).build();
        records.send(gone.build());
        records.send(stays);
        String goneId = gone.build().itemId();
        String goneUri = EntryMapper.uri(goneId);
        await().atMost(WAIT).ignoreExceptions().until(() -> text(feed(theme, "atom")).contains(goneUri));

        records.send(gone.version(2).withdrawn().updatedAt(now).build());

        String tombstone = "<at:deleted-entry ref=\"" + goneUri + "\" when=\"" + now + "\" />";
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> {
            byte[] atom = feed(theme, "atom");
            assertThat(FeedChecks.entryIds(FeedChecks.validAtom(atom))).doesNotContain(goneUri)
                    .contains(EntryMapper.uri(stays.itemId()));
            assertThat(text(atom)).contains("xmlns:at=\"" + TOMBSTONES + "\"", tombstone);
            assertThat(text(ok("/feeds/all.atom"))).contains(tombstone);
            assertThat(text(FeedChecksRss.valid(feed(theme, "rss")))).doesNotContain(goneId).contains(stays.itemId());
            assertThat(text(feed(theme, "json"))).doesNotContain(goneId).contains(stays.itemId());
        });
    }

    @Test
    void aWithdrawalOlderThanTheKeepTimeLeavesTheSubscriptionDocumentButStaysInItsArchive() {
        ThemeTag theme = theme();
        Instant longAgo = Instant.now().minus(Duration.ofDays(40)).truncatedTo(ChronoUnit.SECONDS);
        TestData old = TestData.item().themes(theme).date(LocalDate.of(2025, 3, 10)).updatedAt(longAgo.minusSeconds(60));
        NewsItemCatalogued kept = TestData.item().themes(theme).date(LocalDate.of(2025, 3, 12)).build();
        records.send(old.build());
        records.send(kept);
        records.send(old.version(2).withdrawn().updatedAt(longAgo).build());
        String oldUri = EntryMapper.uri(old.build().itemId());
        await().atMost(WAIT).ignoreExceptions().until(() -> text(feed(theme, "atom")).contains(EntryMapper.uri(kept.itemId())));

        assertThat(text(feed(theme, "atom"))).doesNotContain(oldUri);
        byte[] archive = ok("/feeds/" + theme.slug() + "/2025-03.atom");
        FeedChecks.validAtom(archive);
        assertThat(text(archive)).contains("<fh:archive", "<at:deleted-entry ref=\"" + oldUri + "\"");
    }

    @Test
    void maxAgeAndTtlFollowHowOftenTheFeedChanges() {
        ThemeTag hourly = theme();
        Instant start = Instant.parse("2026-11-01T08:00:00Z");
        for (int i = 0; i < 4; i++) {
            records.send(TestData.item().themes(hourly).updatedAt(start.plus(Duration.ofHours(i))).build());
        }
        ThemeTag single = theme();
        records.send(TestData.item().themes(single).build());
        await().atMost(WAIT).ignoreExceptions().until(() -> FeedChecks.entryIds(FeedChecks.parse(feed(hourly, "atom"))).size() == PAGE
                && FeedChecks.entryIds(FeedChecks.parse(feed(single, "atom"))).size() == 1);

        for (String format : new String[] {"atom", "rss", "json"}) {
            assertThat(client().get("/feeds/" + hourly.slug() + "." + format).header("Cache-Control"))
                    .isEqualTo("public, max-age=3600");
            assertThat(client().get("/feeds/" + single.slug() + "." + format).header("Cache-Control"))
                    .as("one change: no rhythm yet, the ceiling").isEqualTo("public, max-age=21600");
        }
        assertThat(text(feed(hourly, "rss"))).contains("<ttl>60</ttl>");
        assertThat(text(feed(single, "rss"))).contains("<ttl>360</ttl>");
    }

    @Test
    void aClientPollingOneFeedFarFasterThanItsMaxAgeGets429WithRetryAfter() {
        String me = address();
        for (int i = 0; i < POLLS; i++) {
            given().header("X-Forwarded-For", me).get("/feeds/all.atom").then().statusCode(200);
        }
        Response refused = given().header("X-Forwarded-For", me).get("/feeds/all.atom");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.jsonPath().getString("type")).isEqualTo("https://syndication.example.org/problems/rate-limited");
        assertThat(refused.jsonPath().getInt("status")).isEqualTo(429);
        long maxAge = Long.parseLong(client().get("/feeds/all.atom").header("Cache-Control").replaceAll("\\D", ""));
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, maxAge);
        // a conditional GET counts as a poll too
        given().header("X-Forwarded-For", me).header("If-None-Match", "\"x\"").get("/feeds/all.atom").then().statusCode(429);
        // another feed, and another client, are served
        given().header("X-Forwarded-For", me).get("/feeds/all.rss").then().statusCode(200);
        given().header("X-Forwarded-For", address()).get("/feeds/all.atom").then().statusCode(200);
    }

    @Test
    void onlyCompleteMonthsWithPlausibleDatesHaveArchives() {
        ThemeTag theme = theme();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        YearMonth current = YearMonth.from(today);
        NewsItemCatalogued thisMonth = TestData.item().themes(theme).date(today).build();
        NewsItemCatalogued lastMonth = TestData.item().themes(theme).date(current.minusMonths(1).atDay(1)).build();
        NewsItemCatalogued ancient = TestData.item().themes(theme).date(LocalDate.of(1850, 6, 1)).build();
        NewsItemCatalogued farAhead = TestData.item().themes(theme).date(LocalDate.of(2099, 1, 1)).build();
        for (NewsItemCatalogued item : new NewsItemCatalogued[] {thisMonth, lastMonth, ancient, farAhead}) {
            records.send(item);
        }
        String base = "/feeds/" + theme.slug() + "/";
        await().atMost(WAIT).ignoreExceptions().until(() -> client().get(base + current.minusMonths(1) + ".atom").statusCode() == 200);

        byte[] archive = ok(base + current.minusMonths(1) + ".atom");
        assertThat(FeedChecks.entryIds(FeedChecks.validAtom(archive))).containsExactly(EntryMapper.uri(lastMonth.itemId()));
        assertThat(text(archive)).contains("<fh:archive");
        assertThat(client().get(base + current.minusMonths(1) + ".atom").header("Cache-Control")).contains("immutable");
        for (String month : new String[] {current.toString(), "1850-06", "2099-01"}) {
            for (String format : new String[] {"atom", "rss", "json"}) {
                Response missing = client().get(base + month + "." + format);
                assertThat(missing.statusCode()).as(month + "." + format).isEqualTo(404);
                assertThat(missing.jsonPath().getString("type")).isEqualTo("https://syndication.example.org/problems/not-found");
            }
        }
        // the archive links never point to a month without a document
        assertThat(text(archive)).doesNotContain(current + ".atom", "1850-06", "2099-01");
    }

    @Test
    void aFullSubscriptionDocumentLinksTheNewestCompleteMonthAsPrevArchive() {
        ThemeTag theme = theme();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        YearMonth archived = YearMonth.from(today).minusMonths(2);
        for (int i = 0; i < PAGE + 1; i++) {
            records.send(TestData.item().themes(theme).date(today.withDayOfMonth(1)).build());
        }
        records.send(TestData.item().themes(theme).date(archived.atDay(5)).build());
        String prev = "rel=\"prev-archive\" type=\"application/atom+xml\" href=\"http://localhost:8083/feeds/"
                + theme.slug() + "/" + archived + ".atom\"";
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> assertThat(text(feed(theme, "atom"))).contains(prev));
        FeedChecks.validAtom(ok("/feeds/" + theme.slug() + "/" + archived + ".atom"));
    }

    private static ThemeTag theme() {
        return new ThemeTag("rc-" + UUID.randomUUID().toString().substring(0, 8), "Reader contract theme");
    }

    /** A request from an address of its own, so it never meets the polling limit. */
    private static io.restassured.specification.RequestSpecification client() {
        return given().header("X-Forwarded-For", address());
    }

    private static String address() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    private static byte[] feed(ThemeTag theme, String format) {
        return ok("/feeds/" + theme.slug() + "." + format);
    }

    private static byte[] ok(String path) {
        return client().get(path).then().statusCode(200).extract().asByteArray();
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** RSS checked with the shared checks. */
    private static final class FeedChecksRss {
        static byte[] valid(byte[] xml) {
            FeedChecks.validRss(xml);
            return xml;
        }
    }
}
