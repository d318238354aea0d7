package org.syndication.feed;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.syndication.events.NewsItemCatalogued;
import org.syndication.events.ThemeTag;
import org.syndication.feed.config.FeedConfig;
import org.syndication.feed.digest.Period;
import org.syndication.feed.digest.SendLogRepository;
import org.syndication.feed.mapping.EntryMapper;
import org.syndication.feed.messaging.EventTracing;
import org.syndication.feed.service.DigestService;
import org.syndication.feed.service.FeedCache;
import org.syndication.feed.service.FeedChangeListener;
import org.syndication.feed.service.FeedRenderService;
import org.syndication.feed.service.ProjectionService;
import org.syndication.localstack.test.KafkaResource;
import org.syndication.localstack.test.PostgresResource;
import org.syndication.localstack.test.SmtpResource;

import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two feed-service instances against one PostgreSQL: the Quarkus application is instance A; instance B is a second
 * {@link FeedCache} with its own {@link FeedChangeListener} (its own LISTEN connection), as another pod would run
 * them. Digest issuing and mail claims run twice at the same time, as two pods' schedules would.
 */
@QuarkusTest
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = SmtpResource.class, parallel = true)
class ScaleOutIT {

    /** The promise: every instance serves the new document within a second of the commit. */
    private static final Duration WITHIN = Duration.ofSeconds(1);
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final HttpClient http = HttpClient.newHttpClient();

    @TestHTTPResource("/")
    URL base;

    @Inject
    ProjectionService projection;

    @Inject
    FeedRenderService renderer;

    @Inject
    FeedConfig config;

    @Inject
    FeedCache cache;

    @Inject
    DigestService digests;

    @Inject
    SendLogRepository sendLog;

    @Inject
    FeedChangeListener listener;

    @Inject
    EntityManager em;

    @Inject
    EventTracing tracing;

    private FeedCache cacheB;
    private FeedChangeListener listenerB;

    @BeforeEach
    void startInstanceB() {
        cacheB = new FeedCache(renderer, config, Clock.systemUTC(), new SimpleMeterRegistry(), tracing);
        Config c = ConfigProvider.getConfig();
        listenerB = new FeedChangeListener(cacheB, "instance-b", jdbcUrl(),
                c.getOptionalValue("quarkus.datasource.username", String.class),
                c.getOptionalValue("quarkus.datasource.password", String.class));
        listenerB.start();
        // connecting renders every feed of B (nothing was heard before): wait until that first render is done
        await().atMost(WAIT).until(() -> listenerB.connects() == 1 && cacheB.document("all.atom") != null
                && cacheB.idle() && cache.idle());
    }

    @AfterEach
    void stopInstanceB() {
        listenerB.stop();
    }

    /**
     * The change reaches instance B within a second of the commit, and B serves the new document (same ETag as A)
     * no later than a second after A itself does. Rendering takes what the CPU allows (seconds on a loaded test
     * machine, for both instances alike); the window in which A and B serve different versions is what a reader
     * behind a load balancer would notice.
     */
    @Test
    void aChangeProjectedByInstanceAIsServedByInstanceBWithTheSameEtagWithinASecond() throws Exception {
        NewsItemCatalogued item = TestData.item().date(LocalDate.now(ZoneOffset.UTC)).title("Seen everywhere").build();
        String uri = EntryMapper.uri(item.itemId());
        String before = etagB("all.atom");
        long heard = listenerB.received();

        apply(item);
        long committed = System.nanoTime();

        await().atMost(WITHIN).pollInterval(Duration.ofMillis(5)).until(() -> listenerB.received() > heard);
        long[] servedAt = {0, 0}; // A, B
        await().atMost(WAIT).pollInterval(Duration.ofMillis(10)).until(() -> {
            if (servedAt[0] == 0 && getA("/feeds/all.atom").body().contains(uri)) {
                servedAt[0] = System.nanoTime();
            }
            if (servedAt[1] == 0 && textB("all.atom").contains(uri)) {
                servedAt[1] = System.nanoTime();
            }
            return servedAt[0] != 0 && servedAt[1] != 0;
        });
        System.out.printf("commit -> served: instance A %d ms, instance B %d ms%n",
                (servedAt[0] - committed) / 1_000_000, (servedAt[1] - committed) / 1_000_000);
        assertThat(Duration.ofNanos(servedAt[1] - servedAt[0])).isLessThanOrEqualTo(WITHIN);
        await().atMost(WAIT).untilAsserted(() -> {
            HttpResponse<String> a = getA("/feeds/all.atom");
            assertThat(a.body()).contains(uri);
            assertThat(a.headers().firstValue("ETag")).contains(etagB("all.atom"));
            assertThat(textB("corruption.json")).contains(item.itemId());
        });
        assertThat(etagB("all.atom")).isNotEqualTo(before);
    }

    @Test
    void aLostListenConnectionIsReopenedAndWhatItMissedIsRendered() throws Exception {
        // the listening backend dies (a PostgreSQL restart or failover does that): B reconnects
        long connects = listenerB.connects();
        int pid = listenerB.backendPid();
        assertThat(pid).isPositive();
        try (Connection admin = admin(); PreparedStatement kill = admin.prepareStatement("select pg_terminate_backend(?)")) {
            kill.setInt(1, pid);
            kill.execute();
        }
        NewsItemCatalogued duringOutage = TestData.item().date(LocalDate.now(ZoneOffset.UTC)).build();
        apply(duringOutage);
        await().atMost(WAIT).until(() -> listenerB.connects() > connects);
        await().atMost(WAIT).until(() -> textB("all.atom").contains(EntryMapper.uri(duringOutage.itemId())));
        // and it listens again
        NewsItemCatalogued after = TestData.item().date(LocalDate.now(ZoneOffset.UTC)).build();
        long heard = listenerB.received();
        apply(after);
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(5)).until(() -> listenerB.received() > heard);
        await().atMost(WAIT).until(() -> textB("all.atom").contains(EntryMapper.uri(after.itemId())));

        // a change made while B did not listen at all reaches it through the render of everything on connect
        listenerB.stop();
        long beforeRestart = listenerB.connects();
        NewsItemCatalogued missed = TestData.item().date(LocalDate.now(ZoneOffset.UTC)).build();
        apply(missed);
        assertThat(textB("all.atom")).doesNotContain(EntryMapper.uri(missed.itemId()));
        listenerB.start();
        await().atMost(WAIT).until(() -> textB("all.atom").contains(EntryMapper.uri(missed.itemId())));
        assertThat(listenerB.connects()).isGreaterThan(beforeRestart);
    }

    @Test
    void twoInstancesIssuingTheSameDigestAtOnceIssueItOnce() throws Exception {
        ThemeTag theme = new ThemeTag("scale-" + UUID.randomUUID().toString().substring(0, 8), "Scale-out theme");
        apply(TestData.item().themes(theme).build());
        Period today = Period.day(LocalDate.now(ZoneOffset.UTC));

        List<DigestService.Issued> results = atOnce(() -> digests.issue(theme.slug(), today, false),
                () -> digests.issue(theme.slug(), today, false));

        assertThat(results).extracting(DigestService.Issued::created).containsExactlyInAnyOrder(true, false);
        assertThat(results).allSatisfy(r -> assertThat(r.digest()).isPresent());
        long digestRows = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from digest where theme = :t and period_id = :p")
                .setParameter("t", theme.slug()).setParameter("p", today.id()).getSingleResult()).longValue());
        assertThat(digestRows).isEqualTo(1);
        String digestId = theme.slug() + "/" + today.id(); // the event's digest id, the outbox row's aggregate
        long outboxRows = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from outbox_event where aggregate_id = :d")
                .setParameter("d", digestId).getSingleResult()).longValue());
        assertThat(outboxRows).isEqualTo(1);
    }

    @Test
    void twoSendersClaimEveryQueuedMailExactlyOnce() throws Exception {
        // due only in the future, so this application's own scheduled sender leaves them alone
        Instant due = Instant.now().plus(Duration.ofDays(1));
        UUID digest = UUID.randomUUID();
        int mails = 300;
        try (Connection db = admin()) {
            insertDigest(db, digest);
            try (PreparedStatement subscriber = db.prepareStatement("insert into subscriber (id, email, frequency,"
                    + " themes, status, created_at, window_start, requests_in_window)"
                    + " values (?, ?, 'DAILY', '{corruption}', 'CONFIRMED', now(), now(), 1)");
                 PreparedStatement row = db.prepareStatement("insert into send_log (subscriber_id, digest_id, status,"
                         + " attempts, next_attempt_at) values (?, ?, 'PENDING', 0, ?)")) {
                for (int i = 0; i < mails; i++) {
                    UUID id = UUID.randomUUID();
                    subscriber.setObject(1, id);
                    subscriber.setString(2, "scale-" + id + "@example.org");
                    subscriber.executeUpdate();
                    row.setObject(1, id);
                    row.setObject(2, digest);
                    row.setTimestamp(3, Timestamp.from(due));
                    row.executeUpdate();
                }
            }
        }
        Instant later = due.plusSeconds(1);
        Callable<List<UUID>> sender = () -> {
            List<UUID> claimed = new ArrayList<>();
            List<SendLogRepository.Claim> batch;
            do {
                batch = QuarkusTransaction.requiringNew().call(() -> sendLog.claimDue(later, 20, listener.instanceId()));
                batch.stream().filter(c -> c.digestId().equals(digest)).forEach(c -> claimed.add(c.subscriberId()));
            } while (!batch.isEmpty());
            return claimed;
        };

        List<List<UUID>> claims = atOnce(sender, sender);

        Set<UUID> union = new HashSet<>(claims.get(0));
        union.addAll(claims.get(1));
        assertThat(claims.get(0).size() + claims.get(1).size()).isEqualTo(mails);
        assertThat(union).hasSize(mails);
        assertThat(claims).allSatisfy(c -> assertThat(c).isNotEmpty()); // both took part
        assertThat(QuarkusTransaction.requiringNew().call(() -> sendLog.count(digest, "SENDING"))).isEqualTo(mails);
    }

    @Test
    void aStartingInstanceLeavesTheMailsAnotherInstanceIsSendingAlone() throws Exception {
        UUID digest = UUID.randomUUID();
        UUID sending = UUID.randomUUID();      // claimed just now, by an instance that is alive elsewhere
        UUID own = UUID.randomUUID();          // claimed just now, by this instance
        UUID gone = UUID.randomUUID();         // claimed just now, by an instance that was killed
        UUID abandoned = UUID.randomUUID();    // claimed long ago, no claimant recorded (before V24)
        try (Connection db = admin(); Connection otherInstance = admin()) {
            insertDigest(db, digest);
            for (UUID id : List.of(sending, own, gone, abandoned)) {
                try (PreparedStatement s = db.prepareStatement("insert into subscriber (id, email, frequency, themes,"
                        + " status, created_at, window_start, requests_in_window)"
                        + " values (?, ?, 'DAILY', '{corruption}', 'CONFIRMED', now(), now(), 1)")) {
                    s.setObject(1, id);
                    s.setString(2, "scale-" + id + "@example.org");
                    s.executeUpdate();
                }
            }
            // the other instance's presence: its listener connection holds the lock, as FeedChangeListener does
            try (PreparedStatement lock = otherInstance.prepareStatement("select pg_advisory_lock(?, hashtext(?))")) {
                lock.setInt(1, SendLogRepository.PRESENCE_LOCK);
                lock.setString(2, "instance-alive-elsewhere");
                lock.execute();
            }
            try (PreparedStatement row = db.prepareStatement("insert into send_log (subscriber_id, digest_id, status,"
                    + " attempts, next_attempt_at, claimed_at, claimed_by) values (?, ?, 'SENDING', 1, now(), ?, ?)")) {
                insertClaim(row, sending, digest, Instant.now(), "instance-alive-elsewhere");
                insertClaim(row, own, digest, Instant.now(), listener.instanceId());
                insertClaim(row, gone, digest, Instant.now(), "instance-killed");
                insertClaim(row, abandoned, digest, Instant.now().minus(Duration.ofMinutes(30)), null);
            }

            // the scheduled sweep may run meanwhile too: what counts is the state afterwards
            QuarkusTransaction.requiringNew()
                    .call(() -> sendLog.abandonInterrupted(Instant.now().minus(Duration.ofMinutes(10))));

            assertThat(status(db, sending)).isEqualTo("SENDING");
            assertThat(status(db, own)).isEqualTo("SENDING");
            assertThat(status(db, gone)).isEqualTo("UNKNOWN");
            assertThat(status(db, abandoned)).isEqualTo("UNKNOWN");
        }
    }

    private static void insertClaim(PreparedStatement row, UUID subscriber, UUID digest, Instant claimedAt,
                                    String claimant) throws SQLException {
        row.setObject(1, subscriber);
        row.setObject(2, digest);
        row.setTimestamp(3, Timestamp.from(claimedAt));
        row.setString(4, claimant);
        row.executeUpdate();
    }

    private static String status(Connection db, UUID subscriber) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("select status from send_log where subscriber_id = ?")) {
            query.setObject(1, subscriber);
            try (ResultSet rows = query.executeQuery()) {
                assertThat(rows.next()).isTrue();
                return rows.getString(1);
            }
        }
    }

    private void apply(NewsItemCatalogued item) {
        projection.applyBatch(List.of(new ProjectionService.Change(item.itemId(), item)));
    }

    private String textB(String file) {
        return Optional.ofNullable(cacheB.document(file)).map(d -> d.text()).orElse("");
    }

    private String etagB(String file) {
        return cacheB.document(file).etag(false).toString();
    }

    private HttpResponse<String> getA(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.toURI().resolve(path.substring(1))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Runs both at the same moment on two threads (two instances' schedules firing together). */
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

    private static void insertDigest(Connection db, UUID id) throws Exception {
        try (PreparedStatement digest = db.prepareStatement("insert into digest (id, theme, frequency, period_id,"
                + " from_date, to_date, item_ids, issued_at) values (?, ?, 'DAILY', ?, current_date, current_date, '{}', now())")) {
            digest.setObject(1, id);
            digest.setString(2, "scale-" + id);
            digest.setString(3, LocalDate.now(ZoneOffset.UTC).toString());
            digest.executeUpdate();
        }
    }

    private static String jdbcUrl() {
        return ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
    }

    private static Connection admin() throws Exception {
        Config c = ConfigProvider.getConfig();
        return DriverManager.getConnection(jdbcUrl(), c.getValue("quarkus.datasource.username", String.class),
                c.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }
}
