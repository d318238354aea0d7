package org.syndication.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.syndication.localstack.ProductProcesses;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The soak ({@code benchmarks/run soak}): new single-item documents posted to ingest at a steady rate (default 100
 * items/s) for a while (default 10 minutes), with a line a minute of items accepted, catalogued and projected, the
 * latency from post to {@code /feeds/all.atom}, and each service's resident memory; then a verdict against the
 * targets ({@link SoakVerdict}). Loopback only; bounded in items (rate × minutes), in posts in flight and in time.
 *
 * <p>How the latency is measured: every {@link Pacer#probeEvery}-th item (about five a second) is a probe, an
 * ordinary item that is only dated a day later than the others (the page reader takes dates up to a year ahead). The
 * feed shows the newest 50 by item date, then by ingest time, so it shows each probe on top and keeps it for ten
 * seconds of later probes; the other items are dated earlier and never displace one.
 * One reader polls {@code /feeds/all.atom} back to back (10 ms apart, with {@code If-None-Match}, so an unchanged
 * feed is a cheap 304) and looks for the titles of the probes it has not seen yet. A probe's latency runs from the
 * time its post was due (not sent: a sender held up by the bound on posts in flight does not hide the stall) to the
 * arrival of the first answer that holds it, so it is an upper bound by at most one poll. A probe never seen counts
 * as slower than every seen one.
 */
final class SoakBenchmark {

    /** How long and how hard: {@code SOAK_MINUTES}, {@code SOAK_RATE} (items/s), {@code SOAK_WARMUP_MINUTES}, {@code SOAK_DRAIN_SECONDS}. */
    record Settings(int minutes, double rate, int warmupMinutes, Duration drain) {

        static Settings fromEnvironment(Map<String, String> env) {
            int minutes = Integer.parseInt(env.getOrDefault("SOAK_MINUTES", "10"));
            double rate = Double.parseDouble(env.getOrDefault("SOAK_RATE", "100"));
            int warmup = Integer.parseInt(env.getOrDefault("SOAK_WARMUP_MINUTES", "2"));
            Duration drain = Duration.ofSeconds(Long.parseLong(env.getOrDefault("SOAK_DRAIN_SECONDS", "120")));
            if (minutes < 1 || warmup < 1 || !(rate > 0)) {
                throw new IllegalArgumentException("SOAK_MINUTES and SOAK_WARMUP_MINUTES are at least 1, SOAK_RATE above 0");
            }
            return new Settings(minutes, rate, warmup, drain);
        }
    }

    private static final double PROBES_PER_SECOND = 5;
    /** Posts in flight at most: at 100/s this is over half a second of ingest not answering before the sender waits. */
    private static final int MAX_IN_FLIGHT = 64;
    private static final Duration POST_TIMEOUT = Duration.ofSeconds(30);
    private static final long MINUTE_NANOS = Duration.ofMinutes(1).toNanos();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProductProcesses product;
    private final Settings settings;
    private final Pacer pacer;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    /** Fixed at the start, so that a run past midnight does not date later items like the probes. */
    private final LocalDate itemDay = LocalDate.now(java.time.ZoneOffset.UTC);
    private final LocalDate probeDay = itemDay.plusDays(1);

    private final AtomicLong posted = new AtomicLong();
    private final Set<String> acceptedIds = ConcurrentHashMap.newKeySet();
    /** Posts not answered 202, by what came back instead (a status code, or the exception's class). */
    private final Map<String, AtomicLong> refused = new ConcurrentHashMap<>();
    /** Probes posted and not yet seen in the feed: title → due time (System.nanoTime). */
    private final Map<String, Long> pendingProbes = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Long> minuteLatencies = new ConcurrentLinkedQueue<>();
    /** Time from sending a post to its 202, this minute: where the latency goes when the sender falls behind. */
    private final ConcurrentLinkedQueue<Long> minuteAnswers = new ConcurrentLinkedQueue<>();
    private final List<Long> allLatencies = java.util.Collections.synchronizedList(new ArrayList<>());
    /** Every probe seen: seconds since the start when it was seen, and its latency (the CSV of {@link #writeProbes}). */
    private final ConcurrentLinkedQueue<String> probeLines = new ConcurrentLinkedQueue<>();
    private volatile long startNanos;
    /** The probes seen after the warm-up: shown beside the verdict, which counts the whole run. */
    private final List<Long> warmLatencies = java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile long warmFrom = Long.MAX_VALUE;
    private final Map<String, List<Long>> residentMb = new LinkedHashMap<>();
    private final AtomicLong maxLagNanos = new AtomicLong();
    /** What the first post not accepted got back, to say why. */
    private final java.util.concurrent.atomic.AtomicReference<String> firstRefusal =
            new java.util.concurrent.atomic.AtomicReference<>();

    SoakBenchmark(ProductProcesses product, Settings settings) {
        this.product = product;
        this.settings = settings;
        this.pacer = new Pacer(settings.rate());
        ProductProcesses.SERVICES.forEach(service -> residentMb.put(service, new ArrayList<>()));
    }

    /** Runs the soak and prints its lines and verdict; true when every target that was measured is met. */
    boolean run() throws Exception {
        long total = pacer.sendsWithin(Duration.ofMinutes(settings.minutes()));
        long probeEvery = pacer.probeEvery(PROBES_PER_SECOND);
        long catalogBefore = ProductDatabase.count(product, "catalog", "news_item");
        long feedBefore = ProductDatabase.count(product, "feed", "feed_item");
        System.out.printf("Soak: %,.1f items/s for %d min (%,d new single-item documents, a latency probe every %d),"
                        + " warm-up %d min; load average %s%n", settings.rate(), settings.minutes(), total, probeEvery,
                settings.warmupMinutes(), loadAverage());
        // accepted, catalogued, projected: items so far; p50/p99: posted → in /feeds/all.atom of the probes seen this
        // minute; 202 p99: post sent → answered this minute; behind: how late the sender is at the minute's end
        System.out.printf("%6s %10s %10s %10s %7s %7s %6s %8s %9s %10s %10s %10s%n", "minute", "accepted",
                "catalogued", "projected", "p50 ms", "p99 ms", "probes", "202 p99", "behind s", "ingest MB",
                "catalog MB", "feed MB");

        AtomicBoolean stopPolling = new AtomicBoolean();
        Thread poller = new Thread(() -> pollFeed(stopPolling), "soak-feed-reader");
        poller.start();
        long start = System.nanoTime();
        startNanos = start;
        warmFrom = start + settings.warmupMinutes() * MINUTE_NANOS;
        Thread sender = new Thread(() -> send(total, probeEvery, start), "soak-sender");
        sender.start();
        for (int minute = 1; minute <= settings.minutes(); minute++) {
            sleepUntil(start + minute * MINUTE_NANOS);
            printMinute(minute, catalogBefore, feedBefore, start);
        }
        sender.join();

        // quiet: every accepted item stored by both stages and every probe seen, or the drain time is up
        long drainStart = System.nanoTime();
        long deadline = drainStart + settings.drain().toNanos();
        long catalogued;
        long projected;
        do {
            Thread.sleep(500);
            catalogued = ProductDatabase.count(product, "catalog", "news_item") - catalogBefore;
            projected = ProductDatabase.count(product, "feed", "feed_item") - feedBefore;
        } while ((catalogued < acceptedIds.size() || projected < acceptedIds.size() || !pendingProbes.isEmpty())
                && System.nanoTime() < deadline);
        stopPolling.set(true);
        poller.join();
        System.out.printf("after the last post: %,d catalogued, %,d projected of %,d accepted, %d probes unseen,"
                        + " %.1f s later; load average %s%n", catalogued, projected, acceptedIds.size(),
                pendingProbes.size(), (System.nanoTime() - drainStart) / 1e9, loadAverage());

        writeProbes();
        long[] latencies = allLatencies.stream().mapToLong(Long::longValue).toArray();
        if (latencies.length > 0) {
            System.out.printf("posted → in /feeds/all.atom over the run: p50 %d ms, p99 %d ms, max %d ms (%,d probes)%n",
                    Percentiles.of(latencies, 50), Percentiles.of(latencies, 99), Percentiles.of(latencies, 100),
                    latencies.length);
        }
        long[] warm = warmLatencies.stream().mapToLong(Long::longValue).toArray();
        if (warm.length > 0) {
            System.out.printf("  of them seen after the %d min warm-up: p50 %d ms, p99 %d ms (%,d probes; the verdict"
                            + " counts the whole run)%n", settings.warmupMinutes(), Percentiles.of(warm, 50),
                    Percentiles.of(warm, 99), warm.length);
        }
        System.out.printf("sender: %,d posted, at most %d ms behind its schedule; not accepted: %s%n", posted.get(),
                maxLagNanos.get() / 1_000_000, refused.isEmpty() ? "none" : refused);
        if (firstRefusal.get() != null) {
            System.out.println("  the first not accepted: " + firstRefusal.get());
        }

        Set<String> missingInCatalog = missing(ProductDatabase.values(product, "catalog", "news_item", "id"));
        Set<String> missingInFeed = missing(ProductDatabase.values(product, "feed", "feed_item", "item_id"));
        SoakVerdict verdict = new SoakVerdict()
                .accepted(posted.get(), acceptedIds.size())
                .noLoss(acceptedIds.size(), missingInCatalog.size(), missingInFeed.size())
                .latency(latencies, pendingProbes.size());
        residentMb.forEach((service, perMinute) -> verdict.memory(service, perMinute, settings.warmupMinutes()));
        System.out.println();
        System.out.println("Verdict:");
        for (SoakVerdict.Check check : verdict.checks()) {
            System.out.printf("  %-12s %-62s %s%n", check.outcome(), check.target(), check.measured());
        }
        if (!missingInCatalog.isEmpty() || !missingInFeed.isEmpty()) {
            System.out.println("  missing, e.g.: " + missingInCatalog.stream().limit(5).toList() + " (catalog), "
                    + missingInFeed.stream().limit(5).toList() + " (feed)");
        }
        System.out.println(verdict.missed() ? "SOAK FAILED: a target was missed" : "SOAK PASSED");
        return !verdict.missed();
    }

    /** The open-loop sender: each post at its due time, whatever the answers to the earlier ones. */
    private void send(long total, long probeEvery, long start) {
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        URI uri = URI.create(product.url("ingest-service", "/api/documents?source=soak-" + run));
        for (long n = 0; n < total; n++) {
            long due = start + pacer.dueNanos(n);
            sleepUntil(due);
            inFlight.acquireUninterruptibly();
            maxLagNanos.accumulateAndGet(System.nanoTime() - due, Math::max);
            boolean probe = n % probeEvery == 0;
            String title = SyntheticItems.title(run, (int) n);
            LocalDate date = probe ? probeDay : itemDay;
            if (probe) {
                pendingProbes.put(title, due);
            }
            posted.incrementAndGet();
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(POST_TIMEOUT)
                    .header("Content-Type", "text/plain; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(SyntheticItems.singleItemPage(date, title),
                            StandardCharsets.UTF_8))
                    .build();
            long sent = System.nanoTime();
            http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                inFlight.release();
                if (failure == null && response.statusCode() == 202) {
                    minuteAnswers.add((System.nanoTime() - sent) / 1_000_000);
                    accepted(response.body());
                } else {
                    pendingProbes.remove(title);
                    Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure;
                    String reason = cause != null ? cause.getClass().getSimpleName()
                            : String.valueOf(response.statusCode());
                    refused.computeIfAbsent(reason, r -> new AtomicLong()).incrementAndGet();
                    firstRefusal.compareAndSet(null, cause != null ? String.valueOf(cause)
                            : response.statusCode() + " " + response.body());
                }
            });
        }
        inFlight.acquireUninterruptibly(MAX_IN_FLIGHT); // every answer is in
    }

    private void accepted(String body) {
        try {
            for (JsonNode item : JSON.readTree(body).path("items")) {
                acceptedIds.add(item.path("itemId").asText());
            }
        } catch (IOException e) {
            refused.computeIfAbsent("202 without items", r -> new AtomicLong()).incrementAndGet();
        }
    }

    /**
     * Every probe seen, a line each ({@code seen_s,latency_ms}: seconds from the start of the posts), into
     * {@code soak-probes.csv} next to the services' logs: where in the run the slow ones fall, to lay next to the
     * services' logs.
     */
    private void writeProbes() throws IOException {
        java.nio.file.Path file = product.dataDir().resolve("soak-probes.csv");
        List<String> lines = new ArrayList<>();
        lines.add("seen_s,latency_ms");
        lines.addAll(probeLines);
        java.nio.file.Files.write(file, lines);
        System.out.println("every probe's latency by the time it was seen: " + file);
    }

    /** The reader: polls the feed back to back and times each probe's first appearance (see the class comment). */
    private void pollFeed(AtomicBoolean stop) {
        URI uri = URI.create(product.url("feed-service", "/feeds/all.atom"));
        String etag = null;
        while (!stop.get()) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
            if (etag != null) {
                request.header("If-None-Match", etag);
            }
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                long arrived = System.nanoTime();
                if (response.statusCode() == 200) {
                    etag = response.headers().firstValue("ETag").orElse(null);
                    String feed = response.body();
                    for (Map.Entry<String, Long> probe : pendingProbes.entrySet()) {
                        if (feed.contains(probe.getKey()) && pendingProbes.remove(probe.getKey()) != null) {
                            long millis = (arrived - probe.getValue()) / 1_000_000;
                            minuteLatencies.add(millis);
                            allLatencies.add(millis);
                            probeLines.add(String.format(java.util.Locale.ROOT, "%.3f,%d",
                                    (arrived - startNanos) / 1e9, millis));
                            if (arrived >= warmFrom) {
                                warmLatencies.add(millis);
                            }
                        }
                    }
                }
            } catch (IOException e) {
                // the feed service not answering shows as latency of the probes; poll again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            LockSupport.parkNanos(10_000_000);
        }
    }

    private void printMinute(int minute, long catalogBefore, long feedBefore, long start)
            throws SQLException, IOException {
        long[] latencies = drain(minuteLatencies);
        long[] answers = drain(minuteAnswers);
        // the next post was due when posted.get() sends had been due; it is late by now minus that
        double behind = Math.max(0, System.nanoTime() - (start + pacer.dueNanos(posted.get()))) / 1e9;
        List<Long> memory = new ArrayList<>();
        for (String service : ProductProcesses.SERVICES) {
            long mb = BenchmarkMain.residentMb(product.process(service).pid());
            residentMb.get(service).add(mb);
            memory.add(mb);
        }
        System.out.printf("%6d %,10d %,10d %,10d %7s %7s %,6d %8s %9.1f %10d %10d %10d%n", minute, acceptedIds.size(),
                ProductDatabase.count(product, "catalog", "news_item") - catalogBefore,
                ProductDatabase.count(product, "feed", "feed_item") - feedBefore,
                percentile(latencies, 50), percentile(latencies, 99), latencies.length, percentile(answers, 99), behind,
                memory.get(0), memory.get(1), memory.get(2));
        System.out.flush();
    }

    private static long[] drain(ConcurrentLinkedQueue<Long> queue) {
        List<Long> values = new ArrayList<>();
        for (Long value; (value = queue.poll()) != null; ) {
            values.add(value);
        }
        return values.stream().mapToLong(Long::longValue).toArray();
    }

    private static String percentile(long[] values, double percentile) {
        return values.length == 0 ? "-" : String.valueOf(Percentiles.of(values, percentile));
    }

    private Set<String> missing(Set<String> stored) {
        Set<String> missing = new HashSet<>(acceptedIds);
        missing.removeAll(stored);
        return missing;
    }

    private static void sleepUntil(long nanoTime) {
        for (long wait; (wait = nanoTime - System.nanoTime()) > 0; ) {
            LockSupport.parkNanos(wait);
        }
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
