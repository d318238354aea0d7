package org.syndication.ingest.rest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.syndication.events.EventJson;
import org.syndication.events.NewsItemIngested;
import org.syndication.events.Topics;
import org.syndication.ingest.DueSources;
import org.syndication.ingest.messaging.TopicProbe;
import org.syndication.ingest.parse.ItemIdentity;
import org.syndication.ingest.service.SourceHealthMetrics;
import org.syndication.ingest.service.SourcePoller;
import org.syndication.localstack.test.KafkaResource;
import org.syndication.localstack.test.PostgresResource;
import org.syndication.support.rest.PageSecurityHeaders;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.syndication.ingest.TestData.fixture;

/**
 * Page sources and polite fetching, against JDK HTTP servers of the test's own on loopback (one server per "host":
 * politeness is per scheme, host and port). Listing pages are written here, in the shape the page reader reads
 * (a dated record per item with a linked heading). The test drives the poller.
 */
@QuarkusTest
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(value = PostgresResource.class, parallel = true)
class PageSourcesIT {

    /** One item of a listing page written by the test. */
    record Item(String date, String title, String summary, String path) {
    }

    private static final Item HARVEST = new Item("2 October 2024", "Apple harvest festival opens in Tarnby",
            "Growers from twelve villages bring their varieties to the market square.", "/news/harvest");
    private static final Item BRIDGE = new Item("27 September 2024", "Footbridge over the Vell reopens",
            "After four months of repairs the footbridge carries walkers and cyclists again.", "/news/bridge");
    private static final Item LIBRARY = new Item("9 October 2024", "Library extends its Sunday hours",
            "From November the town library opens on Sundays from ten until four.", "/news/library");
    private static final Item COUNCIL = new Item("30 September 2024", "Council adopts the winter gritting plan",
            "Forty kilometres of side streets are added to the gritting routes.", "/news/gritting");

    private static HttpServer site;
    private static String base;
    private static TopicProbe probe;
    private static final AtomicReference<List<Item>> CHANGING = new AtomicReference<>(List.of(HARVEST, BRIDGE));
    private static final AtomicReference<List<Item>> FADING = new AtomicReference<>(List.of(COUNCIL, BRIDGE));

    @Inject
    SourcePoller poller;

    @Inject
    DueSources sources;

    @Inject
    SourceHealthMetrics sourceHealth;

    @BeforeAll
    static void start() throws IOException {
        site = server();
        site.createContext("/changing", exchange -> html(exchange, listing("Town news", CHANGING.get())));
        site.createContext("/fading", exchange -> html(exchange, listing("Notices", FADING.get())));
        site.createContext("/with-feed", exchange -> html(exchange, """
                <!DOCTYPE html><html><head><title>Observatory</title>
                <link rel="alternate" type="application/atom+xml" title="Observatory news" href="/feeds/observatory.atom">
                </head><body><p>Our news is also in the feed.</p></body></html>"""));
        site.createContext("/feeds/observatory.atom", exchange ->
                respond(exchange, 200, "application/atom+xml", fixture("feeds/atom-1.0.xml")));
        site.createContext("/moved-news", exchange -> {
            exchange.getResponseHeaders().add("Location", "/feeds/harbour.rss");
            respond(exchange, 301, null, null);
        });
        site.createContext("/feeds/harbour.rss", exchange ->
                respond(exchange, 200, "application/rss+xml", fixture("feeds/rss-2.0.xml")));
        site.createContext("/notices.json", exchange ->
                respond(exchange, 200, "application/feed+json", fixture("feeds/json-feed-1.1.json")));
        site.start();
        base = url(site);
        probe = new TopicProbe(System.getProperty(KafkaResource.BOOTSTRAP), Topics.NEWS_INGESTED);
    }

    @AfterAll
    static void stop() {
        site.stop(0);
        probe.close();
    }

    static HttpServer server() throws IOException {
        return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    }

    static String url(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A listing page: a heading, then one record per item (date, linked title, summary), plus page chrome. */
    static String listing(String heading, List<Item> items) {
        StringBuilder page = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(heading).append("</title></head><body><nav><a href=\"/\">Home</a> <a href=\"/contact\">Contact</a>"
                        + "</nav><main><h1>").append(heading).append("</h1>\n");
        for (Item item : items) {
            page.append("<article><p class=\"date\">").append(item.date()).append("</p><h2><a href=\"")
                    .append(item.path()).append("\">").append(item.title()).append("</a></h2><p>")
                    .append(item.summary()).append("</p></article>\n");
        }
        return page.append("</main><footer><p>Town hall, Market square 1</p></footer></body></html>").toString();
    }

    static void html(HttpExchange exchange, String html) throws IOException {
        respond(exchange, 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    static void respond(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        if (type != null) {
            exchange.getResponseHeaders().add("Content-Type", type);
        }
        exchange.sendResponseHeaders(status, body == null ? -1 : body.length);
        if (body != null) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    static long register(String url, String name) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("url", url, "name", name, "intervalSeconds", 60))
                .when().post("/api/sources")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static JsonPath source(long id) {
        return given().when().get("/api/sources/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** Sources of a test's own host go when the test ends, so later polls do not wait on a stopped server. */
    static void delete(long... ids) {
        for (long id : ids) {
            given().when().delete("/api/sources/" + id).then().statusCode(204);
        }
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String id(String source, Item item) {
        return ItemIdentity.itemId(ItemIdentity.canonicalSource(source), LocalDate.parse(isoDate(item.date())),
                item.title());
    }

    private static String isoDate(String date) {
        return switch (date) {
            case "2 October 2024" -> "2024-10-02";
            case "27 September 2024" -> "2024-09-27";
            case "9 October 2024" -> "2024-10-09";
            case "30 September 2024" -> "2024-09-30";
            default -> throw new IllegalArgumentException(date);
        };
    }

    /** Polls these sources (and no other source left in the shared database) and waits for the polls. */
    private void poll(long... ids) {
        sources.onlyDueNow(ids);
        poller.pollDue();
    }

    @Test
    void aListingPageIsWatchedNewItemsArePublishedOnceAndItemsThatScrollOffStay() {
        String name = unique("town");
        CHANGING.set(List.of(HARVEST, BRIDGE));
        long id = register(base + "/changing", name);

        var mark = probe.mark();
        poll(id);
        JsonPath first = source(id);
        assertThat(first.getString("kind")).isEqualTo("page");
        assertThat(first.getString("format")).isEqualTo("html");
        assertThat(first.getString("status")).isEqualTo("OK");
        assertThat(first.getInt("httpStatus")).isEqualTo(200);
        assertThat(first.getInt("itemsRead")).isEqualTo(2);
        assertThat(first.getLong("itemsPublished")).isEqualTo(2);
        assertThat(first.getString("layout")).isNotBlank().isNotEqualTo("no item found");
        assertThat(first.getBoolean("degraded")).isFalse();
        assertThat(first.getString("lastSuccessAt")).isNotNull();

        String harvestId = id(name, HARVEST);
        String bridgeId = id(name, BRIDGE);
        String libraryId = id(name, LIBRARY);
        List<ConsumerRecord<String, String>> records =
                TopicProbe.withKeys(probe.readSince(mark), List.of(harvestId, bridgeId, libraryId));
        assertThat(records).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(harvestId, bridgeId);
        NewsItemIngested harvest = records.stream().filter(r -> r.key().equals(harvestId))
                .map(r -> EventJson.fromJson(r.value(), NewsItemIngested.class)).findFirst().orElseThrow();
        assertThat(harvest.title()).isEqualTo(HARVEST.title());
        assertThat(harvest.date()).isEqualTo(LocalDate.of(2024, 10, 2));
        assertThat(harvest.link()).isEqualTo(base + HARVEST.path());
        assertThat(harvest.body()).contains("twelve villages");
        assertThat(harvest.source().url()).isEqualTo(base + "/changing");

        // a new item on top, the oldest scrolled off: only the new one is published, nothing is withdrawn
        CHANGING.set(List.of(LIBRARY, HARVEST));
        mark = probe.mark();
        poll(id);
        records = TopicProbe.withKeys(probe.readSince(mark), List.of(harvestId, bridgeId, libraryId));
        assertThat(records).extracting(ConsumerRecord::key).containsExactly(libraryId);
        JsonPath second = source(id);
        assertThat(second.getInt("itemsRead")).isEqualTo(2);
        assertThat(second.getLong("itemsPublished")).isEqualTo(3);
    }

    @Test
    void aPageThatStopsHavingItemsIsDegradedAfterThreeReadsAndCounted() {
        FADING.set(List.of(COUNCIL, BRIDGE));
        long id = register(base + "/fading", unique("notices"));
        poll(id);
        assertThat(source(id).getInt("itemsRead")).isEqualTo(2);

        FADING.set(List.of());
        poll(id);
        poll(id);
        JsonPath twice = source(id);
        assertThat(twice.getInt("emptyReads")).isEqualTo(2);
        assertThat(twice.getBoolean("degraded")).isFalse();
        poll(id);
        JsonPath thrice = source(id);
        assertThat(thrice.getBoolean("degraded")).isTrue();
        assertThat(thrice.getString("status")).isEqualTo("OK");
        assertThat(thrice.getInt("itemsRead")).isZero();
        assertThat(thrice.getString("layout")).isEqualTo("no item found");
        Element row = sourcesPage().getElementById("source-" + id);
        assertThat(row).isNotNull();
        assertThat(row.hasClass("degraded")).isTrue();
        assertThat(row.selectFirst("td.degraded").text()).isEqualTo("DEGRADED");

        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("# HELP ingest_sources_degraded Page sources whose last 3 reads");
        assertThat(gauge(metrics, "ingest_sources_degraded")).isGreaterThanOrEqualTo(1.0);
        assertThat(gauge(metrics, "ingest_source_degraded_total")).isGreaterThanOrEqualTo(1.0);

        FADING.set(List.of(COUNCIL));
        poll(id);
        assertThat(source(id).getBoolean("degraded")).isFalse();
    }

    private static double gauge(String metrics, String name) {
        return metrics.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void aPageThatAdvertisesItsFeedIsReadThroughTheFeedAndSaysSo() {
        String name = unique("observatory");
        long id = register(base + "/with-feed", name);
        var mark = probe.mark();
        poll(id);
        JsonPath source = source(id);
        assertThat(source.getString("kind")).isEqualTo("feed");
        assertThat(source.getString("feedUrl")).isEqualTo(base + "/feeds/observatory.atom");
        assertThat(source.getString("format")).isEqualTo("atom_1.0");
        assertThat(source.getInt("itemsRead")).isEqualTo(2);
        String entryId = ItemIdentity.feedEntryId(ItemIdentity.canonicalSource(name),
                "urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a", null, null, null);
        assertThat(TopicProbe.withKeys(probe.readSince(mark), List.of(entryId))).hasSize(1);
    }

    @Test
    void aRedirectToAFeedMakesAFeedSource() {
        long id = register(base + "/moved-news", unique("harbour"));
        poll(id);
        JsonPath source = source(id);
        assertThat(source.getString("kind")).isEqualTo("feed");
        assertThat(source.getString("format")).isEqualTo("rss_2.0");
        assertThat(source.getInt("itemsRead")).isEqualTo(3);
        assertThat(source.getString("status")).isEqualTo("OK");
    }

    @Test
    void aJsonFeedIsRead() {
        String name = unique("lindqvist");
        long id = register(base + "/notices.json", name);
        var mark = probe.mark();
        poll(id);
        JsonPath source = source(id);
        assertThat(source.getString("kind")).isEqualTo("feed");
        assertThat(source.getString("format")).isEqualTo("json_feed_1.1");
        assertThat(source.getInt("itemsRead")).isEqualTo(2);
        String pier = ItemIdentity.feedEntryId(ItemIdentity.canonicalSource(name), "notice-0412", null, null, null);
        NewsItemIngested event = TopicProbe.withKeys(probe.readSince(mark), List.of(pier)).stream()
                .map(r -> EventJson.fromJson(r.value(), NewsItemIngested.class)).findFirst().orElseThrow();
        assertThat(event.title()).isEqualTo("Ferry pier closed for resurfacing");
        assertThat(event.link()).isEqualTo(base + "/notices/0412");
        assertThat(event.date()).isEqualTo(LocalDate.of(2024, 4, 12));
        assertThat(event.language()).isEqualTo("sv");
    }

    @Test
    void robotsTxtThatDisallowsIsHonouredForOurRobotName() throws IOException {
        HttpServer host = server();
        Queue<String> paths = new ConcurrentLinkedQueue<>();
        host.createContext("/", exchange -> {
            paths.add(exchange.getRequestURI().getPath());
            if (exchange.getRequestURI().getPath().equals("/robots.txt")) {
                respond(exchange, 200, "text/plain", """
                        User-agent: *
                        Allow: /

                        User-agent: syndication-ingest
                        Disallow: /members/
                        """.getBytes(StandardCharsets.UTF_8));
            } else {
                html(exchange, listing("Members", List.of(HARVEST, BRIDGE)));
            }
        });
        host.start();
        long closed = register(url(host) + "/members/news", unique("members"));
        long open = register(url(host) + "/public/news", unique("public"));
        try {
            poll(closed, open);
            JsonPath refused = source(closed);
            assertThat(refused.getString("status")).isEqualTo("FAILING");
            assertThat(refused.getString("lastError")).contains("robots.txt");
            assertThat(source(open).getString("status")).isEqualTo("OK");
            assertThat(paths).contains("/robots.txt", "/public/news").doesNotContain("/members/news");
            assertThat(paths.stream().filter("/robots.txt"::equals).count()).isEqualTo(1);
        } finally {
            delete(closed, open);
            host.stop(0);
        }
    }

    @Test
    void crawlDelaySpacesTheRequestsToOneHost() throws IOException {
        HttpServer host = server();
        Queue<Instant> pageRequests = new ConcurrentLinkedQueue<>();
        host.createContext("/", exchange -> {
            if (exchange.getRequestURI().getPath().equals("/robots.txt")) {
                respond(exchange, 200, "text/plain", "User-agent: *\nCrawl-delay: 1\n".getBytes(StandardCharsets.UTF_8));
            } else {
                pageRequests.add(Instant.now());
                html(exchange, listing("Agenda", List.of(LIBRARY, COUNCIL)));
            }
        });
        host.start();
        long a = register(url(host) + "/agenda/a", unique("agenda-a"));
        long b = register(url(host) + "/agenda/b", unique("agenda-b"));
        try {
            poll(a, b);
            assertThat(source(a).getString("status")).isEqualTo("OK");
            assertThat(source(b).getString("status")).isEqualTo("OK");
            List<Instant> times = List.copyOf(pageRequests);
            assertThat(times).hasSize(2);
            assertThat(Duration.between(times.get(0), times.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        } finally {
            delete(a, b);
            host.stop(0);
        }
    }

    @Test
    void a429WithRetryAfterKeepsEverySourceOfThatHostWaiting() throws IOException {
        HttpServer host = server();
        Queue<String> paths = new ConcurrentLinkedQueue<>();
        host.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/robots.txt")) {
                respond(exchange, 404, null, null);
                return;
            }
            paths.add(path);
            exchange.getResponseHeaders().add("Retry-After", "120");
            respond(exchange, 429, null, null);
        });
        host.start();
        long busy = register(url(host) + "/busy", unique("busy"));
        long other = register(url(host) + "/other", unique("other"));
        try {
            poll(busy, other);
            JsonPath failed = source(busy);
            assertThat(failed.getString("status")).isEqualTo("FAILING");
            assertThat(failed.getInt("httpStatus")).isEqualTo(429);
            assertThat(failed.getString("lastError")).contains("Retry-After 120s");
            assertThat(Instant.parse(failed.getString("nextPollAt")))
                    .isAfter(Instant.now().plus(Duration.ofSeconds(100)));
            assertThat(paths).containsExactly("/busy");

            poll(busy, other);
            assertThat(paths).containsExactly("/busy");
            JsonPath waiting = source(other);
            assertThat(waiting.getString("status")).isEqualTo("PENDING");
            assertThat(waiting.getInt("consecutiveFailures")).isZero();
            assertThat(Instant.parse(waiting.getString("nextPollAt")))
                    .isAfter(Instant.now().plus(Duration.ofSeconds(100)));
            assertThat(source(busy).getInt("consecutiveFailures")).isEqualTo(1);

            // the failing source shows in the health gauges (its kind is not known before a successful read)
            sourceHealth.refresh();
            String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
            assertThat(metrics).contains("# HELP ingest_sources_failing Sources whose last poll failed",
                    "# HELP ingest_sources_failing_longest_seconds");
            assertThat(gauge(metrics, "ingest_sources_failing{kind=\"unknown\"}")).isGreaterThanOrEqualTo(1.0);
            assertThat(gauge(metrics, "ingest_sources_failing_longest_seconds")).isGreaterThanOrEqualTo(0.0);
        } finally {
            delete(busy, other);
            host.stop(0);
        }
    }

    @Test
    void aSlowHostDoesNotDelayAnotherHostsSource() throws Exception {
        HttpServer slow = server();
        CountDownLatch release = new CountDownLatch(1);
        slow.createContext("/", exchange -> {
            if (!exchange.getRequestURI().getPath().equals("/robots.txt")) {
                try {
                    release.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            html(exchange, listing("Slow news", List.of(BRIDGE, COUNCIL)));
        });
        slow.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        HttpServer fast = server();
        fast.createContext("/", exchange -> {
            if (exchange.getRequestURI().getPath().equals("/robots.txt")) {
                respond(exchange, 404, null, null);
            } else {
                html(exchange, listing("Fast news", List.of(LIBRARY, HARVEST)));
            }
        });
        slow.start();
        fast.start();
        long slowId = register(url(slow) + "/news", unique("slow"));
        long fastId = register(url(fast) + "/news", unique("fast"));
        try {
            sources.onlyDueNow(slowId, fastId);
            CompletableFuture<Integer> polls = poller.dispatch();
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(source(fastId).getString("status")).isEqualTo("OK"));
            assertThat(source(slowId).getString("status")).isEqualTo("PENDING");
            assertThat(polls).isNotDone();
            release.countDown();
            polls.get(10, TimeUnit.SECONDS);
            assertThat(source(slowId).getString("status")).isEqualTo("OK");
        } finally {
            release.countDown();
            delete(slowId, fastId);
            slow.stop(0);
            fast.stop(0);
        }
    }

    /** The operator page, parsed; its security headers checked on the way. */
    static Document sourcesPage() {
        String html = given().when().get("/sources")
                .then().statusCode(200).contentType(ContentType.HTML)
                .header("Content-Security-Policy", PageSecurityHeaders.CONTENT_SECURITY_POLICY_WITHOUT_FORMS)
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff")
                .extract().asString();
        assertThat(html).doesNotContainIgnoringCase("<script");
        return Jsoup.parse(html);
    }

    @Test
    void theOperatorPageListsEverySourceWithItsHealthAndEscapesWhatTheRegistrantWrote() {
        CHANGING.set(List.of(HARVEST, BRIDGE));
        // java.net.URI refuses < and ", and a name is reduced to letters and digits: ' and & are what get through
        long page = register(base + "/changing?from='x'&amp;q=" + UUID.randomUUID(), "<script>alert(1)</script>");
        long missing = register(base + "/missing-" + UUID.randomUUID(), unique("gone"));
        poll(page, missing);
        try {
            String raw = given().when().get("/sources").then().statusCode(200).extract().asString();
            assertThat(raw).contains("from=&#39;x&#39;&amp;amp;q=").doesNotContain("'x'");
            Document doc = sourcesPage();
            Element row = doc.getElementById("source-" + page);
            assertThat(row).isNotNull();
            assertThat(row.selectFirst("td.name").text()).isEqualTo("script-alert-1-script");
            assertThat(row.selectFirst("td.url a").attr("href")).startsWith(base + "/changing?from='x'&amp;q=");
            assertThat(row.selectFirst("td.url a").attributes().size()).isEqualTo(2);
            assertThat(row.selectFirst("td.kind").text()).isEqualTo("page");
            assertThat(row.selectFirst("td.status").text()).isEqualTo("OK");
            assertThat(row.selectFirst("td.degraded").text()).isEqualTo("no");
            assertThat(row.selectFirst("td.http").text()).isEqualTo("200");
            assertThat(row.selectFirst("td.items-read").text()).isEqualTo("2");
            assertThat(row.selectFirst("td.items-total").text()).isEqualTo("2");
            assertThat(row.selectFirst("td.layout").text()).isNotBlank().isNotEqualTo("no item found");
            assertThat(row.selectFirst("td.failures").text()).isEqualTo("0");
            assertThat(row.selectFirst("td.last-fetch").text()).isNotEqualTo("never");
            assertThat(row.selectFirst("td.last-success").text()).isNotEqualTo("never");

            // no token configured here (the local stack): everyone is the operator and sees why a source fails
            Element failing = doc.getElementById("source-" + missing);
            assertThat(failing.selectFirst("td.status").text()).isEqualTo("FAILING");
            assertThat(failing.selectFirst("td.failures").text()).isEqualTo("1");
            assertThat(failing.selectFirst("td.last-success").text()).isEqualTo("never");
            assertThat(failing.selectFirst("td.last-error").text()).isEqualTo(source(missing).getString("lastError"))
                    .isNotBlank();
        } finally {
            delete(page, missing);
        }
    }

    @Test
    void aSourceCanBeDeleted() {
        long id = register(base + "/changing?deleted=" + UUID.randomUUID(), unique("deleted"));
        given().when().delete("/api/sources/" + id).then().statusCode(204);
        given().when().get("/api/sources/" + id).then().statusCode(404);
        given().when().delete("/api/sources/" + id).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aSourceUrlOverTheLengthLimitIs400() {
        given().contentType(ContentType.JSON).body(Map.of("url", base + "/" + "a".repeat(2100)))
                .when().post("/api/sources")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
