package org.syndication.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.syndication.localstack.ProductProcesses;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * WebSub deliveries per second through the running feed service: {@code WEBSUB_SUBSCRIBERS} (default 500) callbacks
 * on a JDK HttpServer in this JVM subscribe to {@code /feeds/all.atom} through {@code POST /hub} (each answers the
 * hub's verification challenge), then one single-item page is posted to ingest; the figure is the time from that
 * post until every callback has received a feed holding the new item, and deliveries/s over that time. The
 * subscribers run on the same cores as the services, so the figure is lower than on a separate machine.
 */
final class WebSubBenchmark {

    private static final DateTimeFormatter LISTING_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final Duration DEADLINE = Duration.ofMinutes(10);

    private final ProductProcesses product;
    private final Report report;
    private final int subscribers;

    WebSubBenchmark(ProductProcesses product, Report report, int subscribers) {
        this.product = product;
        this.report = report;
        this.subscribers = subscribers;
    }

    static int subscribersFromEnvironment(Map<String, String> env) {
        return Integer.parseInt(env.getOrDefault("WEBSUB_SUBSCRIBERS", "500"));
    }

    void run() throws Exception {
        String title = "WebSub probe " + UUID.randomUUID();
        // callback number -> nanoTime of its first delivery that holds the probe
        Map<Integer, Long> received = new ConcurrentHashMap<>();
        Set<Integer> verified = ConcurrentHashMap.newKeySet();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        ExecutorService callbackThreads = Executors.newFixedThreadPool(8);
        server.setExecutor(callbackThreads);
        server.createContext("/cb/", exchange -> answer(exchange, title, verified, received));
        server.start();
        try {
            String topic = product.url("feed-service", "/feeds/all.atom");
            String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/cb/";
            long subscribeStart = System.nanoTime();
            for (int i = 0; i < subscribers; i++) {
                subscribe(topic, base + i);
            }
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (ProductDatabase.count(product, "feed", "websub_subscription") < subscribers) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + ProductDatabase.count(product, "feed",
                            "websub_subscription") + " of " + subscribers + " subscriptions verified in 10 min");
                }
                Thread.sleep(50);
            }
            double subscribeSeconds = (System.nanoTime() - subscribeStart) / 1e9;

            // tomorrow: the newest entry, so it is in the delivered feed whatever else the feed holds
            String page = LISTING_DATE.format(LocalDate.now(ZoneOffset.UTC).plusDays(1)) + ": " + title
                    + "\n\nAn item posted by the WebSub benchmark.\n";
            long start = System.nanoTime();
            HttpResponse<String> posted = product.send(HttpRequest.newBuilder(
                            URI.create(product.url("ingest-service", "/api/documents?source=bench-websub")))
                    .header("Content-Type", "text/plain; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(page, StandardCharsets.UTF_8)).build());
            if (posted.statusCode() != 202) {
                throw new IllegalStateException("ingest answered " + posted.statusCode() + ": " + posted.body());
            }
            deadline = System.nanoTime() + DEADLINE.toNanos();
            while (received.size() < subscribers) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + received.size() + " of " + subscribers
                            + " callbacks received the change within 10 min");
                }
                Thread.sleep(10);
            }
            long first = received.values().stream().mapToLong(Long::longValue).min().orElseThrow();
            long last = received.values().stream().mapToLong(Long::longValue).max().orElseThrow();
            double toLast = (last - start) / 1e9;
            double spread = Math.max(last - first, 1) / 1e9;
            double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            report.add(String.format("WebSub: %,d subscriptions requested and verified", subscribers),
                    String.format("%.1f s", subscribeSeconds), "-");
            report.add("WebSub: posted item -> first callback has it", (first - start) / 1_000_000 + " ms", "-");
            report.add(String.format("WebSub: posted item -> all %,d callbacks have it", subscribers),
                    String.format("%.2f s (%.0f deliveries/s over that time; load average %.1f)", toLast,
                            subscribers / toLast, load), "-");
            report.add("WebSub: first to last delivery", String.format("%.2f s (%.0f deliveries/s)", spread,
                    subscribers / spread), "-");
        } finally {
            server.stop(0);
            // its threads are not daemons: left running they would keep the benchmark JVM alive after the report
            callbackThreads.shutdownNow();
        }
    }

    private void subscribe(String topic, String callback) throws InterruptedException {
        String form = "hub.mode=subscribe&hub.topic=" + encode(topic) + "&hub.callback=" + encode(callback)
                + "&hub.secret=bench-secret";
        for (int attempt = 0; ; attempt++) {
            HttpResponse<String> response = product.send(HttpRequest.newBuilder(
                            URI.create(product.url("feed-service", "/hub")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build());
            if (response.statusCode() == 202) {
                return;
            }
            // the hub verifies a bounded queue of requests at a time and answers 429/503 when it is full
            if ((response.statusCode() == 429 || response.statusCode() == 503) && attempt < 600) {
                Thread.sleep(100);
                continue;
            }
            throw new IllegalStateException("hub answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** Verification (GET): echoes {@code hub.challenge}. Delivery (POST): records the first one holding the probe. */
    private static void answer(HttpExchange exchange, String title, Set<Integer> verified, Map<Integer, Long> received)
            throws IOException {
        try (exchange) {
            int id = Integer.parseInt(exchange.getRequestURI().getPath().substring("/cb/".length()));
            if (exchange.getRequestMethod().equals("GET")) {
                String challenge = query(exchange.getRequestURI().getRawQuery()).getOrDefault("hub.challenge", "");
                byte[] body = challenge.getBytes(StandardCharsets.UTF_8);
                verified.add(id);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (body.contains(title)) {
                received.putIfAbsent(id, System.nanoTime());
            }
            exchange.sendResponseHeaders(204, -1);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
