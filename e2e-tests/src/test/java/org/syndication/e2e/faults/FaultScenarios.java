package org.syndication.e2e.faults;

import org.syndication.localstack.ProductProcesses;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;

/**
 * The faults, each while a {@link Workload} posts: the fault starts once a third of the scenario's documents are
 * accepted, so documents are posted before, during and after it. Each scenario returns its line of the table.
 */
final class FaultScenarios {

    /** A fault: does its damage and its repair, and says when the repair was done (epoch milliseconds). */
    interface Fault {
        long inject(FaultHarness harness, Workload workload, List<String> violations);
    }

    private static final Duration PACE = Duration.ofMillis(20);
    private static final Duration PATIENCE = Duration.ofMinutes(5);
    private static final AtomicInteger RUNS = new AtomicInteger();

    private final FaultHarness harness;
    private final Invariants invariants;
    private final int documents;

    /** @param documents documents per scenario (two new items each) */
    FaultScenarios(FaultHarness harness, int documents) {
        this.harness = harness;
        this.invariants = new Invariants(harness);
        this.documents = documents;
    }

    Invariants invariants() {
        return invariants;
    }

    Invariants.Outcome ingestKilled(boolean compareFeeds) {
        return run("kill -9 ingest while posting", compareFeeds, (h, w, v) -> {
            h.kill9("ingest-service");
            h.restart("ingest-service");
            return System.currentTimeMillis();
        });
    }

    Invariants.Outcome catalogKilledTwice(boolean compareFeeds) {
        return run("kill -9 catalog mid-batch, twice in a row", compareFeeds, (h, w, v) -> {
            h.kill9("catalog-service");
            h.restart("catalog-service");
            // again as soon as new documents flow through it: the restarted catalog is in its first batches
            int now = w.documentsAccepted.get();
            await("documents after the first restart").atMost(PATIENCE).until(() -> w.done()
                    || w.documentsAccepted.get() >= now + 3);
            h.kill9("catalog-service");
            h.restart("catalog-service");
            return System.currentTimeMillis();
        });
    }

    Invariants.Outcome feedKilledDuringProjection(boolean compareFeeds) {
        return run("kill -9 feed during projection", compareFeeds, (h, w, v) -> {
            h.kill9("feed-service");
            h.restart("feed-service");
            return System.currentTimeMillis();
        });
    }

    Invariants.Outcome kafkaKilled(boolean compareFeeds) {
        return run("kill -9 Kafka broker, restart", compareFeeds, (h, w, v) -> {
            h.killKafka();
            h.restartKafka();
            return System.currentTimeMillis();
        });
    }

    Invariants.Outcome kafkaStopped(boolean compareFeeds, Duration stopped) {
        return run("SIGSTOP Kafka " + stopped.toSeconds() + " s, SIGCONT", compareFeeds, (h, w, v) -> {
            int before503 = w.answered503.get();
            h.signalKafka("STOP");
            try {
                // the fault is the broker frozen for this long; the wait is its length, not an assumption of speed
                Workload.pause(stopped);
            } finally {
                h.signalKafka("CONT");
            }
            if (w.answered503.get() == before503) {
                v.add("ingest never answered 503 while Kafka was stopped for " + stopped.toSeconds() + " s");
            }
            return System.currentTimeMillis();
        });
    }

    Invariants.Outcome postgresKilled(boolean compareFeeds) {
        return run("kill -9 PostgreSQL (under all services)", compareFeeds, (h, w, v) -> {
            h.killPostgres();
            h.restartPostgres();
            return System.currentTimeMillis();
        });
    }

    /**
     * {@code kill -9} of the feed service while it sends a digest to {@code subscribers} confirmed subscribers: no
     * one gets it twice, and every subscriber who got nothing has a row the operator can see (UNKNOWN or FAILED),
     * none is left PENDING or SENDING, and none is SENT without a mail.
     */
    Invariants.Outcome feedKilledDuringDigest(boolean compareFeeds, int subscribers) {
        String prefix = "digest-" + RUNS.incrementAndGet() + "-";
        return run("kill -9 feed during a digest to " + subscribers, compareFeeds, (h, w, v) -> {
            List<UUID> ids = addSubscribers(prefix, subscribers);
            String period = LocalDate.now(ZoneOffset.UTC).toString();
            HttpResponse<String> issued = h.send(HttpRequest.newBuilder(URI.create(h.url("feed-service",
                            "/api/digests/all/" + period)))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + ProductProcesses.FEED_TOKEN)
                    .POST(HttpRequest.BodyPublishers.noBody()).build());
            if (issued.statusCode() != 201) {
                v.add("digest all/" + period + " answered " + issued.statusCode() + ": " + issued.body());
                return System.currentTimeMillis();
            }
            await("the first digest mails").atMost(PATIENCE).pollInterval(Duration.ofMillis(10))
                    .until(() -> digestMails(prefix) > 0);
            h.kill9("feed-service");
            int atKill;
            try {
                atKill = digestMails(prefix);
            } finally {
                h.restart("feed-service");
            }
            long repaired = System.currentTimeMillis();
            await("no digest mail left PENDING or SENDING").atMost(PATIENCE).pollInterval(Duration.ofSeconds(1))
                    .until(() -> statuses(ids).keySet().stream().noneMatch(s -> s.equals("PENDING") || s.equals("SENDING")));
            checkDigest(prefix, ids, atKill, v);
            return repaired;
        });
    }

    /** The scenario around a fault: the stream, the fault once a third is accepted, the end of the stream, the checks. */
    Invariants.Outcome run(String name, boolean compareFeeds, Fault fault) {
        String source = "faults-" + RUNS.incrementAndGet() + "-" + name.replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-|-$", "");
        Workload workload = new Workload(harness, source, documents, PACE);
        Thread client = new Thread(workload, "client " + source);
        client.start();
        List<String> violations = new ArrayList<>();
        long started;
        long repaired;
        try {
            await("a third of the documents accepted").atMost(PATIENCE)
                    .until(() -> workload.done() || workload.documentsAccepted.get() >= documents / 3);
            started = System.currentTimeMillis();
            repaired = fault.inject(harness, workload, violations);
        } catch (RuntimeException e) {
            violations.add("the fault could not be injected or repaired: " + e);
            throw e;
        }
        Duration recovery = recovery(workload, started, repaired);
        await("the client's stream").atMost(Duration.ofMinutes(10)).until(workload::done);
        Invariants.Outcome outcome = invariants.check(name, workload, recovery, compareFeeds, violations);
        // as it comes: a long run that is stopped still shows the scenarios it finished
        System.out.println(Invariants.Outcome.header() + "\n" + outcome.row() + "\n  client " + outcome.client()
                + (outcome.violations().isEmpty() ? "" : "\n  VIOLATIONS " + outcome.violations()));
        return outcome;
    }

    /**
     * From the fault's start until the pipeline carries an item end to end again: the first document accepted after
     * the repair is in {@code /feeds/all.json}.
     */
    private Duration recovery(Workload workload, long started, long repaired) {
        try {
            await("a document accepted after the repair").atMost(PATIENCE).pollInterval(Duration.ofMillis(50))
                    .until(() -> workload.done() || workload.firstAcceptedAfter(repaired) != null);
            String probe = workload.firstAcceptedAfter(repaired);
            if (probe == null) {
                return Duration.ofMillis(repaired - started);
            }
            await("the first item accepted after the repair in the feed").atMost(PATIENCE)
                    .pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                    .until(() -> harness.get("feed-service", "/feeds/all.json").body().contains(probe));
            return Duration.ofMillis(System.currentTimeMillis() - started);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            return Duration.ofMillis(System.currentTimeMillis() - started);
        }
    }

    // ---------------------------------------------------------------- digests

    /** Confirmed subscribers of every theme, written straight to the feed service's database (set-up, not the test). */
    List<UUID> addSubscribers(String prefix, int count) {
        List<UUID> ids = new ArrayList<>();
        try (Connection db = harness.database("feed");
             PreparedStatement insert = db.prepareStatement("insert into subscriber (id, email, frequency, themes, "
                     + "status, created_at, confirmed_at, window_start, requests_in_window) "
                     + "values (?, ?, 'DAILY', '{all}', 'CONFIRMED', ?, ?, ?, 1)")) {
            Timestamp now = Timestamp.from(Instant.now());
            for (int i = 0; i < count; i++) {
                UUID id = UUID.randomUUID();
                ids.add(id);
                insert.setObject(1, id);
                insert.setString(2, prefix + i + "@example.org");
                insert.setTimestamp(3, now);
                insert.setTimestamp(4, now);
                insert.setTimestamp(5, now);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot add subscribers", e);
        }
        return ids;
    }

    /** Digest mails received by these subscribers; the sink is read again when a delivery in progress disturbs it. */
    private int digestMails(String prefix) {
        RuntimeException last = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            try {
                return countDigestMails(prefix);
            } catch (RuntimeException deliveryInProgress) {
                last = deliveryInProgress;
                Workload.pause(Duration.ofMillis(50));
            }
        }
        throw last;
    }

    private int countDigestMails(String prefix) {
        return (int) harness.product().stack().smtp().messages().stream()
                .filter(m -> m.headers().containsKey("List-Unsubscribe"))
                .filter(m -> m.to().stream().anyMatch(to -> to.startsWith(prefix)))
                .count();
    }

    /** send_log status → how many rows, for these subscribers. */
    Map<String, Integer> statuses(List<UUID> subscribers) throws SQLException {
        Map<String, Integer> statuses = new HashMap<>();
        try (Connection db = harness.database("feed");
             PreparedStatement query = db.prepareStatement(
                     "select status, count(*) from send_log where subscriber_id = any(?) group by status")) {
            query.setArray(1, db.createArrayOf("uuid", subscribers.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    statuses.put(rows.getString(1), rows.getInt(2));
                }
            }
        }
        return statuses;
    }

    private void checkDigest(String prefix, List<UUID> subscribers, int atKill, List<String> violations) {
        Map<String, String> statusByAddress = new HashMap<>();
        try (Connection db = harness.database("feed");
             PreparedStatement query = db.prepareStatement("select s.email, l.status from send_log l "
                     + "join subscriber s on s.id = l.subscriber_id where s.id = any(?)")) {
            query.setArray(1, db.createArrayOf("uuid", subscribers.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    statusByAddress.put(rows.getString(1), rows.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        Map<String, Integer> mails = new HashMap<>();
        harness.product().stack().smtp().messages().stream()
                .filter(m -> m.headers().containsKey("List-Unsubscribe"))
                .flatMap(m -> m.to().stream()).filter(to -> to.startsWith(prefix))
                .forEach(to -> mails.merge(to, 1, Integer::sum));
        if (statusByAddress.size() != subscribers.size()) {
            violations.add("digest: " + statusByAddress.size() + " send_log rows for " + subscribers.size()
                    + " subscribers");
        }
        Map<String, Integer> summary = new HashMap<>();
        statusByAddress.forEach((address, status) -> {
            summary.merge(status, 1, Integer::sum);
            int received = mails.getOrDefault(address, 0);
            if (received > 1) {
                violations.add("digest: " + address + " received it " + received + " times");
            }
            if (status.equals("SENT") && received == 0) {
                violations.add("digest: " + address + " is SENT but received nothing");
            }
            if (received == 0 && !status.equals("UNKNOWN") && !status.equals("FAILED") && !status.equals("SENT")) {
                violations.add("digest: " + address + " received nothing and is " + status + " (not reported)");
            }
        });
        DIGEST_SUMMARY.put(prefix, "mails at kill " + atKill + ", received " + mails.size() + ", send_log " + summary);
    }

    /** What each digest scenario found, for the report: mails at the kill, received, and the send_log statuses. */
    static final Map<String, String> DIGEST_SUMMARY = new java.util.concurrent.ConcurrentHashMap<>();
}
