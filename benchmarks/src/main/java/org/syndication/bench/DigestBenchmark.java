package org.syndication.bench;

import org.syndication.localstack.PostgresServer;
import org.syndication.localstack.ProductProcesses;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Time to render and send today's digest of all news (its newest {@code FEED_DIGEST_MAX_ITEMS} items) to 10,000
 * confirmed subscribers: the running feed service sends over SMTP to a real MTA that accepts and discards every mail
 * (the Postfix instance {@code benchmarks/run} starts, given by {@code DIGEST_MTA_PORT} and {@code DIGEST_MTA_LOG}),
 * or, without those, to the local stack's development sink as under {@code ./syndicate up}. Prints the time, mails/s,
 * the feed service's CPU time in all and per mail, the load average at the start and, with the MTA, how many mails
 * its log says it accepted, which must be every subscriber's.
 */
final class DigestBenchmark {

    private static final int SUBSCRIBERS = Integer.getInteger("bench.subscribers", 10_000);
    private static final long DEADLINE_NANOS = 600_000_000_000L;

    /** Postfix's discard agent logs one such line per recipient it accepted (the transport's next hop). */
    static final String DISCARDED = "status=sent (benchmark)";

    private final ProductProcesses product;
    private final Report report;
    private final Optional<Path> mtaLog;

    DigestBenchmark(ProductProcesses product, Report report, Map<String, String> environment) {
        this.product = product;
        this.report = report;
        this.mtaLog = Optional.ofNullable(environment.get("DIGEST_MTA_LOG")).map(Path::of);
    }

    /**
     * The services' settings: the digest's size, and the MTA's port as the feed service's SMTP server when
     * {@code benchmarks/run} started one ({@code DIGEST_MTA_PORT}).
     */
    static Map<String, String> serviceSettings(Map<String, String> environment) {
        Map<String, String> settings = new HashMap<>(BenchmarkMain.DIGEST_SETTINGS);
        String port = environment.get("DIGEST_MTA_PORT");
        if (port != null && !port.isBlank()) {
            settings.put("QUARKUS_MAILER_HOST", "127.0.0.1");
            settings.put("QUARKUS_MAILER_PORT", port.strip());
        }
        return Map.copyOf(settings);
    }

    void run() throws SQLException, IOException, InterruptedException {
        try (Connection feed = DriverManager.getConnection(product.stack().postgres().jdbcUrl("feed"),
                PostgresServer.USER, PostgresServer.PASSWORD)) {
            try (var insert = feed.prepareStatement("insert into subscriber (id, email, frequency, themes, status,"
                    + " created_at, confirmed_at, window_start, requests_in_window)"
                    + " select gen_random_uuid(), 'bench-' || g || '@example.org', 'DAILY', '{all}', 'CONFIRMED',"
                    + " now(), now(), now(), 0 from generate_series(1, ?) g")) {
                insert.setInt(1, SUBSCRIBERS);
                insert.executeUpdate();
            }
            awaitProjected(feed);
            long pid = product.process("feed-service").pid();
            String load = loadAverage();
            long acceptedBefore = accepted();
            double cpuBefore = cpuSeconds(pid);
            long started = System.nanoTime();
            HttpResponse<String> issued = product.send(HttpRequest.newBuilder(URI.create(product.url("feed-service",
                            "/api/digests/all/" + LocalDate.now(ZoneOffset.UTC))))
                    .header("Authorization", "Bearer " + ProductProcesses.FEED_TOKEN)
                    .POST(HttpRequest.BodyPublishers.noBody()).build());
            if (issued.statusCode() != 201) {
                throw new IllegalStateException("digest not issued: " + issued.statusCode() + " " + issued.body());
            }
            long sent;
            while ((sent = sent(feed)) < SUBSCRIBERS) {
                if (System.nanoTime() - started > DEADLINE_NANOS) {
                    throw new IllegalStateException("only " + sent + " of " + SUBSCRIBERS + " mails sent in 10 min");
                }
                Thread.sleep(100);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpu = cpuSeconds(pid) - cpuBefore;
            String server = mtaLog.isPresent() ? "Postfix, accepting and discarding" : "the development SMTP sink";
            report.add(String.format("Digest of %s items rendered and sent to %,d subscribers over SMTP (%s)",
                            BenchmarkMain.DIGEST_SETTINGS.get("FEED_DIGEST_MAX_ITEMS"), SUBSCRIBERS, server),
                    String.format("%.1f s (%.0f mails/s; feed-service CPU %.1f s, %.2f ms per mail; load average %s)",
                            seconds, SUBSCRIBERS / seconds, cpu, cpu * 1000 / SUBSCRIBERS, load),
                    "< 30 s");
            if (mtaLog.isPresent()) {
                long accepted = awaitAccepted(acceptedBefore);
                report.add("Digest mails the MTA accepted (its log), of subscribers",
                        String.format("%,d of %,d", accepted, SUBSCRIBERS), "all");
                if (accepted != SUBSCRIBERS) {
                    throw new IllegalStateException("the MTA accepted " + accepted + " digest mails, not " + SUBSCRIBERS);
                }
            }
        }
    }

    /**
     * The mails the MTA has accepted since {@code before}: a mail is SENT in the send log once the MTA acknowledged
     * it, and the MTA's log line follows within moments; a second longer shows a mail accepted twice.
     */
    private long awaitAccepted(long before) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (accepted() - before < SUBSCRIBERS && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        Thread.sleep(1000);
        return accepted() - before;
    }

    private long accepted() throws IOException {
        if (mtaLog.isEmpty() || !Files.exists(mtaLog.get())) {
            return 0;
        }
        try (Stream<String> lines = Files.lines(mtaLog.get())) {
            return lines.filter(line -> line.contains(DISCARDED)).count();
        }
    }

    private static String loadAverage() throws IOException {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return fields[0] + " " + fields[1] + " " + fields[2];
    }

    /**
     * Waits until the demo posted just before is in the feed service's projection (at least the digest's items, and
     * no more arriving for two seconds): on a loaded machine the pipeline takes a while, and a digest issued before
     * would be empty.
     */
    private static void awaitProjected(Connection feed) throws SQLException, InterruptedException {
        int wanted = Integer.parseInt(BenchmarkMain.DIGEST_SETTINGS.get("FEED_DIGEST_MAX_ITEMS"));
        long deadline = System.nanoTime() + 180_000_000_000L;
        long last = -1;
        int stable = 0;
        while (stable < 20) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the demo was not projected within 3 min: " + last + " items");
            }
            Thread.sleep(100);
            long items;
            try (var rows = feed.createStatement().executeQuery("select count(*) from feed_item")) {
                rows.next();
                items = rows.getLong(1);
            }
            stable = items >= wanted && items == last ? stable + 1 : 0;
            last = items;
        }
    }

    private static long sent(Connection feed) throws SQLException {
        try (var rows = feed.createStatement().executeQuery("select count(*) from send_log where status = 'SENT'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** User + system CPU time of a process, from /proc/<pid>/stat (fields 14 and 15). */
    private static double cpuSeconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        return ThreadCpu.parseTicks(stat) / (double) ThreadCpu.TICKS_PER_SECOND;
    }
}
