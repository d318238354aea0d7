package org.syndication.e2e.faults;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.syndication.events.DigestIssued;
import org.syndication.events.EventJson;
import org.syndication.events.NewsItemCatalogued;
import org.syndication.events.Topics;
import org.syndication.localstack.ProductProcesses;
import org.syndication.localstack.SmtpSink;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two of everything (issue 14, part 3): one local stack and two instances of each service, as two replicas run
 * (same databases, same consumer groups, own ports). A client posts to both ingest instances in turn and withdraws
 * through both catalog instances; a polled source is registered; a digest is issued through both feed instances at
 * once. Then: every accepted item is in the catalog once, {@code news.catalogued} has each version of an item once,
 * the source was polled once per interval, both feed instances serve the same bytes (same ETag), a change is served
 * by both within about a second, whichever of them projected it, and every subscriber got the digest once.
 * <p>
 * Eight JVMs on a small machine take minutes to start: this runs in the {@code faults} profile, not in the default
 * {@code ./mvnw verify}.
 */
class TwoInstancesIT {

    private static final Path ROOT = Path.of(System.getProperty("syndication.root", "..")).toAbsolutePath();
    private static final List<String> SERVICES = ProductProcesses.SERVICES;
    private static final int DOCUMENTS = 30;
    private static final Duration PACE = Duration.ofMillis(150);
    /** The promise: every feed instance serves a change within a second of the first one. */
    private static final Duration WITHIN = Duration.ofSeconds(1);
    /** What the measurement adds to a lag: one round of requests to both instances, on a busy machine. */
    private static final Duration SAMPLING = Duration.ofMillis(250);
    private static final int INTERVAL_SECONDS = 10;
    private static final int SUBSCRIBERS = 100;
    private static final Pattern CONFIRM_LINK = Pattern.compile("http://\\S+/subscriptions/confirm\\?token=[A-Za-z0-9_-]+");

    @TempDir
    static Path dataDir;

    private static FaultHarness harness;
    private static FaultScenarios scenarios;
    private static ProductProcesses product;

    @BeforeAll
    static void start() {
        harness = new FaultHarness(ROOT, dataDir);
        product = harness.product();
        SERVICES.forEach(product::startInstance);
    }

    @AfterAll
    static void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void everyServiceIsCorrectAsTwoInstances() throws Exception {
        long started = System.currentTimeMillis();
        List<String> ingest = product.instances("ingest-service");
        List<String> catalog = product.instances("catalog-service");
        List<String> feed = product.instances("feed-service");
        assertThat(List.of(ingest, catalog, feed)).allSatisfy(instances -> assertThat(instances).hasSize(2));
        scenarios = new FaultScenarios(harness, DOCUMENTS);

        try (PolledSource source = new PolledSource("harbourfeed");
             FeedWatch all = new FeedWatch(harness, feed, "/feeds/all.atom");
             FeedWatch theme = new FeedWatch(harness, feed, "/feeds/border-and-maritime-security.atom")) {
            long registered = System.currentTimeMillis();
            HttpResponse<String> registration = post(ingest.get(1), "/api/sources", "{\"url\":\"" + source.url()
                    + "\",\"name\":\"harbourfeed\",\"intervalSeconds\":" + INTERVAL_SECONDS + "}", null);
            assertThat(registration.statusCode()).as(registration.body()).isEqualTo(201);

            Workload workload = new Workload(harness, "twoinst", DOCUMENTS, PACE, ingest, catalog);
            workload.run();
            Invariants.Outcome outcome = scenarios.invariants().check("two instances of each service", workload,
                    Duration.ZERO, false, List.of());
            System.out.println(Invariants.Outcome.header() + "\n" + outcome.row() + "\n  client " + outcome.client());
            assertThat(outcome.violations()).isEmpty();
            assertThat(outcome.accepted()).isEqualTo(outcome.posted());
            assertThat(outcome.inCatalog()).isEqualTo(outcome.accepted());
            assertThat(outcome.duplicates()).isZero();
            assertThat(outcome.lost()).isZero();

            // the polled source: polled once per interval across both instances, each item it served catalogued once
            await("the source polled twice").atMost(Duration.ofSeconds(4L * INTERVAL_SECONDS))
                    .until(() -> source.fetches().size() >= 2);
            List<Long> fetches = source.fetches();
            for (int i = 1; i < fetches.size(); i++) {
                assertThat(fetches.get(i) - fetches.get(i - 1)).as("time between polls %d and %d: %s", i, i + 1, fetches)
                        .isGreaterThanOrEqualTo(INTERVAL_SECONDS * 1000L - 1000);
            }
            assertThat(fetches.size()).as("polls in %d s", (System.currentTimeMillis() - registered) / 1000)
                    .isLessThanOrEqualTo(1 + (int) ((System.currentTimeMillis() - registered) / (INTERVAL_SECONDS * 1000L)));
            List<String> served = source.titlesServed();
            await("every item the source served in the catalog").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> catalogTitles("harbourfeed").keySet().containsAll(served));
            assertThat(catalogTitles("harbourfeed")).as("catalog items of the polled source").allSatisfy(
                    (title, count) -> assertThat(count).as(title).isOne());

            // the outbox relays: each version of an item once on news.catalogued, whichever catalog relayed it
            Map<String, Integer> versions = new HashMap<>();
            Map<Integer, Integer> recordsByPartition = new HashMap<>();
            for (ConsumerRecord<String, byte[]> record : harness.readTopic(Topics.NEWS_CATALOGUED)) {
                recordsByPartition.merge(record.partition(), 1, Integer::sum);
                if (record.value() != null) {
                    NewsItemCatalogued event = EventJson.fromBytes(record.value(), NewsItemCatalogued.class);
                    versions.merge(record.key() + " version " + event.version(), 1, Integer::sum);
                }
            }
            assertThat(versions).isNotEmpty();
            assertThat(versions.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList())
                    .as("item versions on news.catalogued more than once").isEmpty();

            // both instances of each consumer had partitions, and both feed instances projected items
            Map<String, Map<String, Set<TopicPartition>>> groups = assignments(List.of("catalog-service", "feed-service"));
            assertThat(groups.get("catalog-service")).as("catalog-service members").hasSize(2)
                    .allSatisfy((member, partitions) -> assertThat(partitions).isNotEmpty());
            assertThat(groups.get("feed-service")).as("feed-service members").hasSize(2)
                    .allSatisfy((member, partitions) -> assertThat(partitions).isNotEmpty()
                            .anySatisfy(p -> assertThat(recordsByPartition.getOrDefault(p.partition(), 0)).isPositive()));

            // the feeds: the same bytes on both instances, each change followed within about a second
            List<String> documents = feedDocuments();
            await("both feed instances serve the same documents").atMost(Duration.ofSeconds(15))
                    .pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .untilAsserted(() -> assertSameDocuments(feed, documents));
            // while the stream was projected (a backlog: renders wait for each other), for the report
            for (FeedWatch watch : List.of(all, theme)) {
                List<Long> lags = watch.lagsMillis().stream().sorted().toList();
                System.out.printf("during the stream, feed lag between instances, %d changes: median %d ms, max %d ms;"
                                + " changes seen %s%n", lags.size(), lags.get(lags.size() / 2), lags.get(lags.size() - 1),
                        watch.changes().values().stream().map(List::size).toList());
                assertThat(watch.errors()).isEmpty();
                assertThat(watch.changes().values()).allSatisfy(changes -> assertThat(changes).hasSizeGreaterThan(2));
            }

            // one change at a time: the other instance serves it within a second, whichever instance projected it
            Map<String, Set<TopicPartition>> feedMembers = groups.get("feed-service");
            int partitions = feedMembers.values().stream().mapToInt(Set::size).sum();
            Map<String, List<Long>> lagsByProjector = new HashMap<>();
            for (int n = 0; n < 12 && (n < 4 || lagsByProjector.size() < feedMembers.size()); n++) {
                HttpResponse<String> accepted = post(ingest.get(n % 2), "/api/documents?source=twoinst-probe",
                        probeDocument(n), null, "text/plain; charset=utf-8");
                assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
                String itemId = FaultHarness.json(accepted.body()).path("items").get(0).path("itemId").asText();
                long lag = servedByAllAfter(feed, itemId);
                String projector = feedMembers.entrySet().stream()
                        .filter(m -> m.getValue().contains(new TopicPartition(Topics.NEWS_CATALOGUED,
                                partitionOf(itemId, partitions))))
                        .map(Map.Entry::getKey).findFirst().orElse("?");
                lagsByProjector.computeIfAbsent(projector, k -> new ArrayList<>()).add(lag);
            }
            System.out.println("one change at a time, feed lag between instances (ms) by projecting consumer: "
                    + lagsByProjector);
            assertThat(lagsByProjector).as("changes projected by each feed instance").hasSize(feedMembers.size());
            assertThat(lagsByProjector.values().stream().flatMap(List::stream).toList())
                    .as("time between the first and the last feed instance serving a change")
                    .allSatisfy(lag -> assertThat(lag).isLessThanOrEqualTo(WITHIN.plus(SAMPLING).toMillis()));
        }

        // digests: issued through both instances at once, sent once to each subscriber by whichever sender claims it
        String prefix = "twoinst-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<UUID> subscribers = new ArrayList<>(scenarios.addSubscribers(prefix, SUBSCRIBERS));
        String viaApi = prefix + "api@example.org";
        subscribeAndConfirm(viaApi, feed.get(1));
        String period = LocalDate.now(ZoneOffset.UTC).toString();
        List<CompletableFuture<HttpResponse<String>>> issued = feed.stream()
                .map(instance -> CompletableFuture.supplyAsync(() -> post(instance, "/api/digests/all/" + period, "",
                        "Bearer " + ProductProcesses.FEED_TOKEN)))
                .toList();
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> answer : issued) {
            statuses.add(answer.get(60, TimeUnit.SECONDS).statusCode());
        }
        assertThat(statuses).as("issue through both instances at once").containsExactlyInAnyOrder(201, 200);
        await("every subscriber's digest sent").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> scenarios.statuses(subscribers).equals(Map.of("SENT", SUBSCRIBERS))
                        && digestMails(prefix).size() == SUBSCRIBERS + 1);
        Map<String, Long> perAddress = digestMails(prefix).stream().flatMap(m -> m.to().stream())
                .filter(to -> to.startsWith(prefix)).collect(Collectors.groupingBy(to -> to, Collectors.counting()));
        assertThat(perAddress).hasSize(SUBSCRIBERS + 1).containsEntry(viaApi, 1L)
                .allSatisfy((address, mails) -> assertThat(mails).as(address).isOne());
        List<String> duplicates = new ArrayList<>();
        assertThat(scenarios.invariants().duplicateDigests(duplicates)).as("%s", duplicates).isZero();
        long digestEvents = harness.readTopic(Topics.NEWS_DIGESTS).stream()
                .map(record -> EventJson.fromBytes(record.value(), DigestIssued.class))
                .filter(event -> event.theme().equals("all") && event.period().equals(period)).count();
        assertThat(digestEvents).as("DigestIssued all/" + period + " on news.digests").isOne();

        System.out.printf("two instances of each service: scenario %.1f s%n",
                (System.currentTimeMillis() - started) / 1000.0);
    }

    /** A page of one new item (a sentence of one theme), distinct per {@code n}. */
    private static String probeDocument(int n) {
        return "Probe bulletin\n\n" + (n + 1) + " March 2026: Probe " + UUID.randomUUID() + " on wildlife crime\n\n"
                + "Rangers documented wildlife seizures and forest crime in the reserve.\n";
    }

    /**
     * Polls every feed instance's {@code all.atom} until each serves the item; returns the milliseconds between
     * the first and the last instance serving it.
     */
    private static long servedByAllAfter(List<String> instances, String itemId) {
        Map<String, Long> servedAt = new HashMap<>();
        await("item " + itemId + " on every feed instance").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(20)).ignoreExceptions().until(() -> {
                    for (String instance : instances) {
                        if (!servedAt.containsKey(instance)
                                && harness.get(instance, "/feeds/all.atom").body().contains(itemId)) {
                            servedAt.put(instance, System.currentTimeMillis());
                        }
                    }
                    return servedAt.size() == instances.size();
                });
        return servedAt.values().stream().mapToLong(Long::longValue).max().orElseThrow()
                - servedAt.values().stream().mapToLong(Long::longValue).min().orElseThrow();
    }

    /** The partition Kafka's producer gives a keyed record (murmur2 of the key), as the catalog's relay sends it. */
    private static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** Every feed document of every theme and format, and the OPML list. */
    private static List<String> feedDocuments() {
        List<String> keys = new ArrayList<>(List.of("all"));
        FaultHarness.json(harness.get("catalog-service", "/api/themes").body())
                .forEach(theme -> keys.add(theme.path("slug").asText()));
        List<String> paths = new ArrayList<>(List.of("/feeds.opml"));
        keys.forEach(key -> FaultHarness.FORMATS.forEach(format -> paths.add("/feeds/" + key + "." + format)));
        return paths;
    }

    private static void assertSameDocuments(List<String> instances, List<String> paths) {
        for (String path : paths) {
            HttpResponse<String> first = harness.get(instances.get(0), path);
            assertThat(first.statusCode()).as(path).isEqualTo(200);
            for (String other : instances.subList(1, instances.size())) {
                HttpResponse<String> response = harness.get(other, path);
                assertThat(response.statusCode()).as(other + path).isEqualTo(200);
                assertThat(response.headers().firstValue("ETag")).as(other + path)
                        .isPresent().isEqualTo(first.headers().firstValue("ETag"));
                assertThat(response.body()).as(other + path).isEqualTo(first.body());
            }
        }
    }

    /** Per consumer group: each member and the partitions assigned to it now. */
    private static Map<String, Map<String, Set<TopicPartition>>> assignments(List<String> groups)
            throws ExecutionException, InterruptedException, TimeoutException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, harness.bootstrapServers()))) {
            Map<String, ConsumerGroupDescription> described = admin.describeConsumerGroups(groups).all()
                    .get(30, TimeUnit.SECONDS);
            Map<String, Map<String, Set<TopicPartition>>> result = new HashMap<>();
            described.forEach((group, description) -> result.put(group, description.members().stream().collect(
                    Collectors.toMap(MemberDescription::consumerId, m -> m.assignment().topicPartitions()))));
            return result;
        }
    }

    /** Titles of catalog items that contain {@code marker}, with how often each is listed. */
    private static Map<String, Integer> catalogTitles(String marker) {
        Map<String, Integer> titles = new HashMap<>();
        for (int page = 0; ; page++) {
            var items = FaultHarness.json(harness.get("catalog-service", "/api/items?size=100&page=" + page).body())
                    .path("items");
            if (items.isEmpty()) {
                return titles;
            }
            items.forEach(item -> {
                String title = item.path("title").asText();
                if (title.contains(" " + marker + " ")) {
                    titles.merge(title, 1, Integer::sum);
                }
            });
        }
    }

    /** Subscribes through one feed instance; the mail's link (the public URL: the first instance) confirms. */
    private static void subscribeAndConfirm(String address, String instance) {
        HttpResponse<String> subscribed = post(instance, "/api/subscriptions", "{\"email\":\"" + address
                + "\",\"themes\":[\"all\"],\"frequency\":\"DAILY\"}", null);
        assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(202);
        await("confirmation mail").atMost(Duration.ofSeconds(30)).until(() -> !mails(address).isEmpty());
        Matcher confirm = CONFIRM_LINK.matcher(mails(address).get(0).text());
        assertThat(confirm.find()).as("confirmation link").isTrue();
        HttpResponse<String> confirmed = harness.send(HttpRequest.newBuilder(URI.create(confirm.group()))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(confirmed.statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> post(String instance, String path, String json, String authorization) {
        return post(instance, path, json, authorization, "application/json");
    }

    private static HttpResponse<String> post(String instance, String path, String body, String authorization,
                                             String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(harness.url(instance, path)))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", contentType)
                .POST(body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return harness.send(request.build());
    }

    private static List<SmtpSink.ReceivedMessage> mails(String address) {
        return product.stack().smtp().messages().stream().filter(m -> m.to().contains(address)).toList();
    }

    private static List<SmtpSink.ReceivedMessage> digestMails(String prefix) {
        return product.stack().smtp().messages().stream().filter(m -> m.headers().containsKey("List-Unsubscribe"))
                .filter(m -> m.to().stream().anyMatch(to -> to.startsWith(prefix))).toList();
    }
}
