package org.syndication.ingest.rest;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.syndication.ingest.DueSources;
import org.syndication.ingest.config.IngestConfig;
import org.syndication.ingest.feeds.PoliteFetcher;
import org.syndication.ingest.service.IngestService;
import org.syndication.ingest.service.SourcePoller;
import org.syndication.ingest.service.SourceService;
import org.syndication.localstack.test.KafkaResource;
import org.syndication.localstack.test.PostgresResource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.syndication.ingest.TestData.fixture;

/**
 * Two ingest instances against one PostgreSQL: the application's {@link SourcePoller} is instance A, a second
 * poller built from the same parts is instance B. Each due source is polled by exactly one of them; the claim
 * of a source holds it until its poll's outcome (or the lease) sets its next poll.
 */
@QuarkusTest
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(value = PostgresResource.class, parallel = true)
class ScaleOutPollingIT {

    /** Several "hosts" (one loopback server each), so each poller works on several at once. */
    private static final int HOSTS = 4;
    /** The sources' interval: long, so that no source of one test is due again during another. */
    private static final int HOUR = 3600;
    private static final List<HttpServer> SERVERS = new ArrayList<>();
    private static final Map<String, AtomicInteger> FETCHES = new ConcurrentHashMap<>();

    @Inject
    SourcePoller pollerA;

    @Inject
    SourceService sources;

    @Inject
    IngestService ingest;

    @Inject
    PoliteFetcher fetcher;

    @Inject
    IngestConfig config;

    @Inject
    Clock clock;

    @Inject
    DueSources due;

    @BeforeAll
    static void start() throws IOException {
        byte[] feed = fixture("feeds/rss-2.0.xml");
        for (int i = 0; i < HOSTS; i++) {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/feeds/", exchange -> {
                FETCHES.computeIfAbsent(exchange.getRequestURI().getPath(), p -> new AtomicInteger()).incrementAndGet();
                exchange.getResponseHeaders().add("Content-Type", "application/rss+xml");
                exchange.sendResponseHeaders(200, feed.length);
                exchange.getResponseBody().write(feed);
                exchange.close();
            });
            server.start();
            SERVERS.add(server);
        }
    }

    @AfterAll
    static void stop() {
        SERVERS.forEach(s -> s.stop(0));
    }

    @Test
    void twoPollersAtOncePollEachDueSourceOnce() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> paths = new ArrayList<>();
        long[] ids = new long[12];
        for (int i = 0; i < 12; i++) {
            HttpServer server = SERVERS.get(i % HOSTS);
            String path = "/feeds/" + run + "-" + i + ".xml";
            paths.add(path);
            ids[i] = register("http://127.0.0.1:" + server.getAddress().getPort() + path, "scale-" + run + "-" + i, HOUR);
        }
        due.onlyDueNow(ids);
        SourcePoller pollerB = instanceB();

        List<Integer> polled = atOnce(pollerA::pollDue, pollerB::pollDue);
        // and once more each: nothing is due any more (the next poll is an interval away)
        List<Integer> again = atOnce(pollerA::pollDue, pollerB::pollDue);

        assertThat(polled.get(0) + polled.get(1)).isEqualTo(12);
        assertThat(again).containsExactly(0, 0);
        assertThat(paths).allSatisfy(p -> assertThat(FETCHES.get(p)).hasValue(1));
        Instant now = clock.instant();
        List<Map<String, Object>> listed = given().get("/api/sources").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.name.startsWith('scale-" + run + "') }");
        assertThat(listed).hasSize(12).allSatisfy(s -> {
            // polled (its publish may fail on a slow broker: that is recorded, and is the poll's outcome too)
            assertThat(s.get("lastPolledAt")).isNotNull();
            // the outcome, not the claim's lease (10 minutes), set the next poll: one interval (an hour) on
            Instant next = Instant.parse((String) s.get("nextPollAt"));
            assertThat(next).isBetween(now.plusSeconds(HOUR - 300), now.plusSeconds(HOUR + 1));
        });
    }

    @Test
    void concurrentClaimsAreDisjointAndAClaimedSourceIsNotDueUntilItsLeaseEnds() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Set<Long> registered = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            registered.add(register("http://127.0.0.1:1/claims/" + run + "/" + i, "claim-" + run + "-" + i, HOUR));
        }
        due.onlyDueNow(registered.stream().mapToLong(Long::longValue).toArray());
        Callable<List<Long>> instance = () -> {
            List<Long> claimed = new ArrayList<>();
            List<SourceService.PollTarget> batch;
            do {
                batch = sources.dueTargets(3);
                batch.forEach(t -> claimed.add(t.id()));
            } while (!batch.isEmpty());
            return claimed;
        };

        List<List<Long>> claims = atOnce(instance, instance);

        Set<Long> union = new HashSet<>(claims.get(0));
        union.addAll(claims.get(1));
        assertThat(claims.get(0).size() + claims.get(1).size()).isEqualTo(union.size());
        assertThat(union).containsAll(registered);
        assertThat(claims).allSatisfy(c -> assertThat(c).isNotEmpty());
        // claimed but never polled (as if the instance stopped): leased, not due, for ingest.sources.claim-lease
        assertThat(sources.dueTargets(50)).isEmpty();
        Instant leaseEnd = clock.instant().plus(config.sources().claimLease());
        Map<String, Object> one = given().get("/api/sources/" + registered.iterator().next()).then().statusCode(200)
                .extract().jsonPath().getMap("");
        assertThat(Instant.parse((String) one.get("nextPollAt")))
                .isBetween(leaseEnd.minus(Duration.ofSeconds(30)), leaseEnd);
        // handed back (what a poller does with sources of a host it is still busy with): due again at once
        sources.release(List.copyOf(registered));
        assertThat(sources.dueTargets(50)).extracting(SourceService.PollTarget::id).containsAll(registered);
    }

    /**
     * The second instance: the same parts, its own meter registry (as another process has). Sharing the
     * application's would also hand the degraded-sources gauge over to this poller, which no later test polls with.
     */
    private SourcePoller instanceB() {
        return new SourcePoller(sources, ingest, fetcher, config, new SimpleMeterRegistry(), clock);
    }

    private static long register(String url, String name, int intervalSeconds) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("url", url, "name", name, "intervalSeconds", intervalSeconds))
                .when().post("/api/sources")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** Runs both at the same moment on two threads (two instances' ticks firing together). */
    @SafeVarargs
    private static <T> List<T> atOnce(Callable<T>... tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.length);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
