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

/**
 * Time to render and send today's digest of all news (its newest {@code FEED_DIGEST_MAX_ITEMS} items) to 10,000
 * confirmed subscribers: the running feed service sends over SMTP to the local stack's sink, as under
 * {@code ./syndicate up}.
 */
final class DigestBenchmark {

    private static final int SUBSCRIBERS = Integer.getInteger("bench.subscribers", 10_000);
    private static final long DEADLINE_NANOS = 600_000_000_000L;
    /** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
    private static final double TICKS = 100.0;

    private final ProductProcesses product;
    private final Report report;

    DigestBenchmark(ProductProcesses product, Report report) {
        this.product = product;
        this.report = report;
    }

    void run() throws SQLException, IOException, InterruptedException {
        try (Connection feed = DriverManager.getConnection(product.stack().postgres().jdbcUrl("feed"),
                PostgresServer.USER, PostgresServer.PASSWORD)) {
            try (var insert = feed.prepareStatement("insert into subscriber (id, email, frequency, themes, status,"
                    + " created_at, confirmed_at, window_start, requests_in_window)"
                    + " select gen_random_uuid(), 'bench-' || g || '@example.org', 'DAILY', 'all', 'CONFIRMED',"
                    + " now(), now(), now(), 0 from generate_series(1, ?) g")) {
                insert.setInt(1, SUBSCRIBERS);
                insert.executeUpdate();
            }
            long pid = product.process("feed-service").pid();
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
            report.add(String.format("Digest of %s items rendered and sent to %,d subscribers over SMTP",
                            BenchmarkMain.DIGEST_SETTINGS.get("FEED_DIGEST_MAX_ITEMS"), SUBSCRIBERS),
                    String.format("%.1f s (%.0f mails/s; feed-service CPU %.1f s)", seconds, SUBSCRIBERS / seconds, cpu),
                    "< 60 s");
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
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS;
    }
}
