package org.syndication.feed;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.syndication.events.DeadLetterHeaders;
import org.syndication.events.EventDeserializer;
import org.syndication.events.NewsItemCatalogued;
import org.syndication.events.ThemeTag;
import org.syndication.events.Topics;
import org.syndication.feed.mapping.EntryMapper;
import org.syndication.feed.messaging.CataloguedConsumer;
import org.syndication.feed.service.ProjectionService;
import org.syndication.localstack.test.KafkaResource;
import org.syndication.localstack.test.PostgresResource;
import org.syndication.support.messaging.BacklogMetrics;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;

/**
 * The projection and the feeds against a real Kafka broker and a real PostgreSQL. Its resources are restricted to this
 * class, so it gets an application and a database of its own while the other integration tests share one: it empties
 * the whole projection and replays the topic from offset zero (every other class's entries would vanish meanwhile), and
 * it reads its items on page 1 of {@code all} and of the built-in themes, where other classes' items would count.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = true, parallel = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true, parallel = true)
class FeedProjectionIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String PUBLIC = "http://localhost:8083/";
    private static CataloguedRecords records;
    private final HttpClient http = HttpClient.newHttpClient();

    @TestHTTPResource("/")
    URL base;

    @Inject
    ProjectionService projection;

    @Inject
    CataloguedConsumer consumer;

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
    void itemUnderTwoThemesAppearsInBothThemeFeedsAndOnceInAll() {
        NewsItemCatalogued item = TestData.item().themes(TestData.CORRUPTION, TestData.CYBERCRIME).build();
        long sent = System.nanoTime();
        records.send(item);
        String uri = EntryMapper.uri(item.itemId());
        await().atMost(WAIT).pollInterval(Duration.ofMillis(5))
                .until(() -> FeedChecks.entryIds(FeedChecks.parse(get("/feeds/all.atom"))).contains(uri));
        System.out.printf("catalogued -> visible in /feeds/all.atom: %d ms%n", (System.nanoTime() - sent) / 1_000_000);

        // the documents of one render are swapped in one after another: wait until every one shows the item
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(FeedChecks.entryIds(FeedChecks.validAtom(get("/feeds/all.atom")))).containsOnlyOnce(uri);
            assertThat(FeedChecks.entryIds(FeedChecks.validAtom(get("/feeds/corruption.atom")))).containsOnlyOnce(uri);
            assertThat(FeedChecks.entryIds(FeedChecks.validAtom(get("/feeds/cybercrime.atom")))).containsOnlyOnce(uri);
            assertThat(FeedChecks.entryIds(FeedChecks.validAtom(get("/feeds/trafficking-in-persons.atom")))).doesNotContain(uri);
            assertThat(guids(FeedChecks.validRss(get("/feeds/all.rss")))).containsOnlyOnce(item.itemId());
            assertThat(guids(FeedChecks.validRss(get("/feeds/cybercrime.rss")))).containsOnlyOnce(item.itemId());
            assertThat(FeedChecks.validJsonFeed(get("/feeds/corruption.json")).path("items").findValuesAsText("id"))
                    .containsOnlyOnce(item.itemId());
        });
    }

    /** A figure, not a timed assertion: catalogued record → entry in /feeds/all.atom, end to end. */
    @Test
    void printsTheTimeFromCataloguedToVisible() {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            NewsItemCatalogued item = TestData.item().build();
            String uri = EntryMapper.uri(item.itemId());
            long sent = System.nanoTime();
            records.send(item);
            await().atMost(WAIT).pollInterval(Duration.ofMillis(2))
                    .until(() -> FeedChecks.entryIds(FeedChecks.parse(get("/feeds/all.atom"))).contains(uri));
            millis.add((System.nanoTime() - sent) / 1_000_000);
        }
        System.out.printf("catalogued -> visible in /feeds/all.atom (ms, 10 items): %s%n", millis);
        assertThat(millis).hasSize(10);
    }

    @Test
    void correctionAppearsOnceWithNewUpdatedTimeAndOldVersionsAreIgnored() {
        TestData data = TestData.item().title("Original title");
        records.send(data.build());
        NewsItemCatalogued corrected = data.version(2).title("Corrected title")
                .updatedAt(Instant.parse("2026-11-22T12:00:00Z")).build();
        records.send(corrected);
        records.send(data.version(1).title("Original title").build());
        String uri = EntryMapper.uri(corrected.itemId());
        await().atMost(WAIT).untilAsserted(() -> assertThat(FeedChecks.parse(get("/feeds/corruption.atom")).getEntries())
                .filteredOn(e -> uri.equals(e.getUri())).extracting(SyndEntry::getTitle).containsExactly("Corrected title"));
        // each feed document is rendered from its own snapshot, so `all` may lag the theme feed by one render
        await().atMost(WAIT).untilAsserted(() -> {
            SyndFeed all = FeedChecks.validAtom(get("/feeds/all.atom"));
            assertThat(FeedChecks.entryIds(all)).containsOnlyOnce(uri);
            assertThat(entry(all, uri).getUpdatedDate().toInstant()).isEqualTo(Instant.parse("2026-11-22T12:00:00Z"));
            assertThat(entry(all, uri).getPublishedDate().toInstant()).isEqualTo(Instant.parse("2026-11-20T00:00:00Z"));
        });
    }

    @Test
    void withdrawnItemsDisappearAndRecategorisedItemsMove() {
        TestData gone = TestData.item().themes(TestData.CORRUPTION);
        TestData moved = TestData.item().themes(TestData.CORRUPTION);
        records.send(gone.build());
        records.send(moved.build());
        String goneUri = EntryMapper.uri(gone.build().itemId());
        String movedUri = EntryMapper.uri(moved.build().itemId());
        await().atMost(WAIT).until(() -> FeedChecks.entryIds(FeedChecks.parse(get("/feeds/corruption.atom")))
                .containsAll(List.of(goneUri, movedUri)));

        records.send(gone.version(2).withdrawn().build());
        records.send(moved.version(2).themes(TestData.TRAFFICKING).build());
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(FeedChecks.entryIds(FeedChecks.parse(get("/feeds/corruption.atom")))).doesNotContain(goneUri, movedUri);
            assertThat(FeedChecks.entryIds(FeedChecks.parse(get("/feeds/all.atom")))).doesNotContain(goneUri).contains(movedUri);
            assertThat(FeedChecks.entryIds(FeedChecks.parse(get("/feeds/trafficking-in-persons.atom")))).contains(movedUri);
        });
        given().get("/items/" + gone.build().itemId()).then().statusCode(404);
    }

    @Test
    void conditionalGetGzipAndHead() throws Exception {
        records.send(TestData.item().build());
        HttpResponse<byte[]> first = send(request("/feeds/all.atom").build());
        assertThat(first.statusCode()).isEqualTo(200);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
        assertThat(etag).matches("\"[0-9a-f]{32}\"");
        assertThat(first.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=");
        assertThat(first.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/atom+xml; charset=utf-8");
        assertThat(first.headers().firstValue("Content-Encoding")).isEmpty();

        HttpResponse<byte[]> byTag = send(request("/feeds/all.atom").header("If-None-Match", etag).build());
        HttpResponse<byte[]> byDate = send(request("/feeds/all.atom").header("If-Modified-Since", lastModified).build());
        if (byTag.statusCode() == 200) {
            // the feed changed in between (another item arrived): the new tag must then be honoured
            etag = byTag.headers().firstValue("ETag").orElseThrow();
            byTag = send(request("/feeds/all.atom").header("If-None-Match", etag).build());
        }
        assertThat(byTag.statusCode()).isEqualTo(304);
        assertThat(byTag.body()).isEmpty();
        assertThat(byTag.headers().firstValue("ETag")).contains(etag);
        assertThat(byDate.statusCode()).isIn(200, 304);
        HttpResponse<byte[]> stale = send(request("/feeds/all.atom").header("If-None-Match", "\"0000\"").build());
        assertThat(stale.statusCode()).isEqualTo(200);
        HttpResponse<byte[]> old = send(request("/feeds/all.atom")
                .header("If-Modified-Since", "Thu, 01 Jan 1970 00:00:00 GMT").build());
        assertThat(old.statusCode()).isEqualTo(200);
        HttpResponse<byte[]> future = send(request("/feeds/all.atom")
                .header("If-Modified-Since", "Fri, 01 Jan 2100 00:00:00 GMT").build());
        assertThat(future.statusCode()).isEqualTo(304);

        HttpResponse<byte[]> zipped = send(request("/feeds/all.atom").header("Accept-Encoding", "gzip, deflate").build());
        HttpResponse<byte[]> plain = send(request("/feeds/all.atom").build());
        assertThat(zipped.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(zipped.headers().firstValue("Vary").orElseThrow()).containsIgnoringCase("Accept-Encoding");
        assertThat(zipped.headers().firstValue("ETag").orElseThrow()).endsWith("-gz\"");
        if (plain.headers().firstValue("ETag").orElseThrow().replace("\"", "")
                .equals(zipped.headers().firstValue("ETag").orElseThrow().replace("-gz\"", "").replace("\"", ""))) {
            assertThat(gunzip(zipped.body())).isEqualTo(plain.body());
        }
        assertThat(zipped.body().length).isLessThan(plain.body().length);
        HttpResponse<byte[]> refused = send(request("/feeds/all.atom").header("Accept-Encoding", "gzip;q=0").build());
        assertThat(refused.headers().firstValue("Content-Encoding")).isEmpty();

        HttpResponse<byte[]> head = send(request("/feeds/all.atom").method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("ETag")).isPresent();
        assertThat(head.headers().firstValueAsLong("Content-Length").orElseThrow()).isGreaterThan(0);
    }

    @Test
    void unknownThemeOrFormatIsAProblemListingTheValidThemes() {
        for (String path : List.of("/feeds/no-such-theme.atom", "/feeds/all.xml", "/feeds/all", "/feeds/nope/2026-11.atom")) {
            given().get(path).then().statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", org.hamcrest.Matchers.equalTo("https://syndication.example.org/problems/unknown-feed"))
                    .body("status", org.hamcrest.Matchers.equalTo(404))
                    .body("validThemes", hasItems("all", "corruption", "criminal-justice"))
                    .body("validFormats", hasItems("rss", "atom", "json"));
        }
        given().get("/themes/no-such-theme").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.equalTo("https://syndication.example.org/problems/unknown-theme"))
                .body("validThemes", hasItems("all", "cybercrime"));
    }

    @Test
    void everyFeedOfEveryThemeIsValidAndListedInOpmlAndPages() {
        ThemeTag newTheme = new ThemeTag("theme-" + UUID.randomUUID().toString().substring(0, 8), "A theme from an event");
        NewsItemCatalogued item = TestData.item().themes(newTheme).build();
        records.send(item);
        await().atMost(WAIT).untilAsserted(() -> assertThat(FeedChecks.entryIds(
                FeedChecks.parse(get("/feeds/" + newTheme.slug() + ".atom")))).contains(EntryMapper.uri(item.itemId())));
        // the OPML document is swapped in after the feed documents of the same render
        await().atMost(WAIT).until(() -> new String(get("/feeds.opml"), StandardCharsets.UTF_8)
                .contains(PUBLIC + "feeds/" + newTheme.slug() + ".json"));
        String opml = new String(get("/feeds.opml"), StandardCharsets.UTF_8);
        List<String> themes = new ArrayList<>(given().get("/feeds/x.atom").then().extract().jsonPath().getList("validThemes"));
        assertThat(themes).contains("all", "corruption", "environmental-crime", newTheme.slug());
        for (String theme : themes) {
            FeedChecks.validAtom(get("/feeds/" + theme + ".atom"));
            FeedChecks.validRss(get("/feeds/" + theme + ".rss"));
            FeedChecks.validJsonFeed(get("/feeds/" + theme + ".json"));
            assertThat(opml).contains(PUBLIC + "feeds/" + theme + ".atom", PUBLIC + "feeds/" + theme + ".rss",
                    PUBLIC + "feeds/" + theme + ".json");
        }
        given().get("/").then().statusCode(200)
                .body(containsString("<link rel=\"alternate\" type=\"application/atom+xml\" href=\"http://localhost:8083/feeds/all.atom\""))
                .body(containsString("A theme from an event"))
                .body(containsString("/feeds/" + newTheme.slug() + ".rss"));
        given().get("/themes/" + newTheme.slug()).then().statusCode(200)
                .body(containsString("type=\"application/feed+json\" href=\"http://localhost:8083/feeds/" + newTheme.slug() + ".json\""))
                .body(containsString(item.title().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                        .replace("\"", "&quot;")));
    }

    @Test
    void archivesByMonthAreLinkedImmutableAndValid() {
        ThemeTag theme = new ThemeTag("arch-" + UUID.randomUUID().toString().substring(0, 8), "Archive theme");
        NewsItemCatalogued old = TestData.item().themes(theme).date(java.time.LocalDate.of(2025, 3, 14)).build();
        records.send(old);
        String path = "/feeds/" + theme.slug() + "/2025-03.atom";
        await().atMost(WAIT).until(() -> given().get(path).statusCode() == 200);
        var response = given().get(path).then().statusCode(200).extract();
        assertThat(response.header("Cache-Control")).contains("immutable");
        byte[] xml = response.asByteArray();
        assertThat(FeedChecks.entryIds(FeedChecks.validAtom(xml))).containsExactly(EntryMapper.uri(old.itemId()));
        assertThat(new String(xml, StandardCharsets.UTF_8)).contains("<fh:archive", "rel=\"current\"");
        FeedChecks.validRss(given().get("/feeds/" + theme.slug() + "/2025-03.rss").asByteArray());
        FeedChecks.validJsonFeed(given().get("/feeds/" + theme.slug() + "/2025-03.json").asByteArray());
        given().get("/feeds/" + theme.slug() + "/2025-04.atom").then().statusCode(404);
    }

    @Test
    void poisonRecordsGoToTheDlqAndDoNotStopTheStream() throws Exception {
        String key = "poison-" + UUID.randomUUID();
        records.sendRaw(key, "{not json".getBytes(StandardCharsets.UTF_8), "");
        NewsItemCatalogued after = TestData.item().build();
        records.send(after);
        await().atMost(WAIT).until(() -> FeedChecks.entryIds(FeedChecks.parse(get("/feeds/all.atom")))
                .contains(EntryMapper.uri(after.itemId())));
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        await().atMost(WAIT).until(() -> {
            found.clear();
            deadLettered().stream().filter(r -> key.equals(r.key())).forEach(found::add);
            return !found.isEmpty();
        });
        assertThat(found.get(0).headers().lastHeader("dead-letter-reason")).isNotNull();
        assertThat(found.get(0).headers().lastHeader("ce_id")).isNotNull();

        assertThat(FeedChecks.metric("dlq_records_total{topic=\"news.catalogued.dlq\"}")).isGreaterThanOrEqualTo(1.0);
        assertThat(FeedChecks.metric("feed_renders_seconds_count")).isGreaterThanOrEqualTo(1.0);
        // the group has read and committed everything, the valid record after the poison one included
        await().atMost(WAIT).untilAsserted(() -> {
            backlog.refresh();
            assertThat(FeedChecks.metric("kafka_consumer_group_lag_records{group=\"feed-service-test-")).isZero();
        });
        assertThat(FeedChecks.metricHelp()).contains("# HELP dlq_records Records sent to a dead-letter topic",
                "# HELP feed_renders_seconds Renders of changed feeds",
                "# HELP kafka_consumer_group_lag_records Records of the topic the consumer group has not committed yet");
    }

    @Test
    void aPoisonRecordInTheMiddleOfABatchAloneGoesToTheDlqAndTheNewestDuplicateWins() {
        NewsItemCatalogued first = TestData.item().build();
        NewsItemCatalogued last = TestData.item().build();
        TestData duplicate = TestData.item();
        NewsItemCatalogued newer = duplicate.version(3).title("Newest title").build();
        NewsItemCatalogued older = duplicate.version(2).title("Older title").build();
        String poisonKey = "poison-" + UUID.randomUUID();
        RecordHeaders poisonHeaders = new RecordHeaders();
        poisonHeaders.add(DeadLetterHeaders.DESERIALIZATION_FAILURE_REASON, "bad json".getBytes(StandardCharsets.UTF_8));
        poisonHeaders.add(DeadLetterHeaders.DESERIALIZATION_FAILURE_DATA, "{not json".getBytes(StandardCharsets.UTF_8));
        poisonHeaders.add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        List<ConsumerRecord<String, NewsItemCatalogued>> batch = List.of(
                record(first.itemId(), first, new RecordHeaders()),
                record(newer.itemId(), newer, new RecordHeaders()),
                record(poisonKey, null, poisonHeaders),
                record(older.itemId(), older, new RecordHeaders()),
                record(last.itemId(), last, new RecordHeaders()));

        consumer.project(batch);

        String dupUri = EntryMapper.uri(newer.itemId());
        await().atMost(WAIT).untilAsserted(() -> {
            SyndFeed all = FeedChecks.parse(get("/feeds/all.atom"));
            assertThat(FeedChecks.entryIds(all)).contains(EntryMapper.uri(first.itemId()),
                    EntryMapper.uri(last.itemId()), dupUri);
            assertThat(all.getEntries()).filteredOn(e -> dupUri.equals(e.getUri()))
                    .extracting(SyndEntry::getTitle).containsExactly("Newest title");
        });
        List<ConsumerRecord<String, byte[]>> dead = deadLettered();
        assertThat(dead).filteredOn(r -> poisonKey.equals(r.key())).hasSize(1);
        assertThat(dead).extracting(ConsumerRecord::key)
                .doesNotContain(first.itemId(), newer.itemId(), last.itemId());
        ConsumerRecord<String, byte[]> poison = dead.stream().filter(r -> poisonKey.equals(r.key())).findFirst()
                .orElseThrow();
        assertThat(poison.headers().lastHeader("dead-letter-reason")).isNotNull();
        assertThat(poison.headers().lastHeader("ce_id")).isNotNull();
        assertThat(new String(poison.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
    }

    private static ConsumerRecord<String, NewsItemCatalogued> record(String key, NewsItemCatalogued value,
                                                                     RecordHeaders headers) {
        return new ConsumerRecord<>(Topics.NEWS_CATALOGUED, 0, 0L, System.currentTimeMillis(),
                TimestampType.CREATE_TIME, -1, -1, key, value, headers, Optional.empty());
    }

    /** Every record on news.catalogued.dlq up to its current end. */
    private static List<ConsumerRecord<String, byte[]>> deadLettered() {
        try (KafkaConsumer<String, byte[]> dlq = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty(KafkaResource.BOOTSTRAP)),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = dlq.partitionsFor(Topics.NEWS_CATALOGUED_DLQ).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            dlq.assign(partitions);
            dlq.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = dlq.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
            await().atMost(WAIT).until(() -> {
                dlq.poll(Duration.ofMillis(200)).forEach(found::add);
                return partitions.stream().allMatch(p -> dlq.position(p) >= end.get(p));
            });
            return found;
        }
    }

    @Test
    void idsAreStableWhenTheProjectionIsRebuiltFromOffsetZero() {
        NewsItemCatalogued item = TestData.item().themes(TestData.CYBERCRIME).build();
        records.send(item);
        String uri = EntryMapper.uri(item.itemId());
        await().atMost(WAIT).until(() -> FeedChecks.entryIds(FeedChecks.parse(get("/feeds/cybercrime.atom"))).contains(uri));
        List<String> before = FeedChecks.entryIds(FeedChecks.parse(get("/feeds/cybercrime.atom")));

        projection.reset();
        await().atMost(WAIT).until(() -> FeedChecks.entryIds(FeedChecks.parse(get("/feeds/cybercrime.atom"))).isEmpty());
        replayFromOffsetZero();
        await().atMost(WAIT).untilAsserted(() -> assertThat(
                FeedChecks.entryIds(FeedChecks.validAtom(get("/feeds/cybercrime.atom")))).containsAll(before));
        assertThat(FeedChecks.entryIds(FeedChecks.parse(get("/feeds/cybercrime.atom")))).doesNotHaveDuplicates();
    }

    /** What feed.rebuild-on-start does after the reset: every record of the compacted topic, through the consumer. */
    private void replayFromOffsetZero() {
        try (KafkaConsumer<String, NewsItemCatalogued> replay = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty(KafkaResource.BOOTSTRAP)),
                new StringDeserializer(), new EventDeserializer.NewsItemCataloguedDeserializer() {
                    @Override
                    public NewsItemCatalogued deserialize(String topic, byte[] data) {
                        try {
                            return super.deserialize(topic, data);
                        } catch (RuntimeException e) {
                            return null;
                        }
                    }
                })) {
            List<TopicPartition> partitions = replay.partitionsFor(Topics.NEWS_CATALOGUED).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            replay.assign(partitions);
            replay.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = replay.endOffsets(partitions);
            await().atMost(WAIT).until(() -> {
                List<ConsumerRecord<String, NewsItemCatalogued>> batch = new ArrayList<>();
                replay.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (r.value() != null) {
                        batch.add(r);
                    }
                });
                if (!batch.isEmpty()) {
                    consumer.project(batch);
                }
                return partitions.stream().allMatch(p -> replay.position(p) >= end.get(p));
            });
        }
    }

    private static SyndEntry entry(SyndFeed feed, String uri) {
        return feed.getEntries().stream().filter(e -> uri.equals(e.getUri())).findFirst().orElseThrow();
    }

    private static List<String> guids(SyndFeed feed) {
        return feed.getEntries().stream().map(SyndEntry::getUri).toList();
    }

    private byte[] get(String path) {
        return given().get(path).then().statusCode(200).extract().asByteArray();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base.toString()).resolve(path.substring(1)));
    }

    private HttpResponse<byte[]> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }
}
