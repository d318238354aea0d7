package org.syndication.bench;

import org.syndication.localstack.ProductProcesses;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Latency of one posted item to the Atom feed, and sustained items/s through ingest, catalog and feed. */
final class PipelineBenchmark {

    private static final int LATENCY_PROBES = 30;
    private static final DateTimeFormatter LISTING_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final int ITEMS_PER_PAGE = 500;
    private static final int PAGES = 20;
    private static final Duration PIPELINE_TIMEOUT = Duration.ofMinutes(5);
    private static final int MAX_ROUNDS = 4;
    private static final double SETTLED_JIT_SHARE = 0.10;

    private final ProductProcesses product;
    private final Report report;

    PipelineBenchmark(ProductProcesses product, Report report) {
        this.product = product;
        this.report = report;
    }

    /** Posts one single-item page at a time and polls /feeds/all.atom until its title shows. */
    void latency() {
        long[] millis = new long[LATENCY_PROBES];
        for (int i = 0; i < LATENCY_PROBES; i++) {
            String title = "Latency probe " + UUID.randomUUID();
            // tomorrow, after every other item (the page reader takes dates up to a year ahead), so the probe is the
            // newest entry of the feed: probes of one date are ordered by ingest time, the newest first
            String text = LISTING_DATE.format(LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1))
                    + ": " + title + "\n\nA probe item posted by the latency benchmark.\n";
            long start = System.nanoTime();
            post(text, "bench-latency");
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!product.get("feed-service", "/feeds/all.atom").body().contains(title)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("probe not visible within 30 s: " + title);
                }
            }
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(millis);
        report.add("posted item visible in /feeds/all.atom (median of " + LATENCY_PROBES + ")",
                millis[LATENCY_PROBES / 2] + " ms", "<= 250 ms");
        report.add("posted item visible in /feeds/all.atom (p90)",
                millis[(int) (LATENCY_PROBES * 0.9)] + " ms", "-");
    }

    /**
     * Rounds of {@code PAGES} listing pages of {@code ITEMS_PER_PAGE} new items, posted from 4 threads, each waiting
     * until the feed projection holds all of them. The first runs on JVMs that have served only the latency probes
     * (reported, not the figure). Warm-up rounds follow while the services' JIT compilers still take more than
     * {@code SETTLED_JIT_SHARE} of the services' CPU (at most {@code MAX_ROUNDS} in all): on two cores, C2
     * compiling the hot paths of three Quarkus services took half of the catalog's and the feed service's CPU in
     * the round after the first (async-profiler, 2026-12-06), so that round measured the compilers, not the
     * product. The measured round is the first that ran on settled JVMs (or the last), and says which it was.
     * Returns its items/s through all three services.
     */
    double throughput() throws Exception {
        try (ProductDatabase.RowCount feedItems = ProductDatabase.rowCount(product, "feed", "feed_item");
             ProductDatabase.RowCount catalogItems = ProductDatabase.rowCount(product, "catalog", "news_item")) {
            Round cold = round(feedItems, catalogItems, "first (JVMs cold)");
            report.add("first round, JVMs cold (" + PAGES * ITEMS_PER_PAGE + " items, posted to projected)",
                    Report.perSecond(cold.perSecond(), "items"), "-");
            report.add("  of the services' CPU in the first round, JIT compilers", percent(cold.jitShare()), "-");
            Round round = cold;
            int n = 1;
            while (n < MAX_ROUNDS && (n == 1 || round.jitShare() > SETTLED_JIT_SHARE)) {
                n++;
                round = round(feedItems, catalogItems, "round " + n);
                System.out.printf("    round %d: %,.0f items/s, JIT compilers %s of the services' CPU%n", n,
                        round.perSecond(), percent(round.jitShare()));
            }
            report.add("measured round: round " + n + " of at most " + MAX_ROUNDS,
                    round.jitShare() <= SETTLED_JIT_SHARE ? "JIT settled" : "JIT not settled", "-");
            report.add("ingest: items accepted and acknowledged by Kafka",
                    Report.perSecond(round.total() / round.ingestSeconds(), "items"), "-");
            report.add("  posted to catalogued (catalog's store, " + round.total() + " items)",
                    Report.perSecond(round.total() / round.catalogSeconds(), "items"), "-");
            reportCpu(round);
            report.add("through all three services (" + round.total() + " items, posted to projected)",
                    Report.perSecond(round.perSecond(), "items"), "-");
            return round.perSecond();
        }
    }

    /** One round's figures: items, seconds to acknowledged, catalogued and projected, CPU by part and JIT CPU. */
    private record Round(int total, double ingestSeconds, double catalogSeconds, double seconds,
                         Map<String, Duration> cpu, Map<String, Duration> jit) {

        double perSecond() {
            return total / seconds;
        }

        /** The JIT compilers' share of the three services' CPU. */
        double jitShare() {
            long services = 0;
            long compilers = 0;
            for (String service : ProductProcesses.SERVICES) {
                services += cpu.get(service).toMillis();
                compilers += jit.get(service).toMillis();
            }
            return services == 0 ? 0 : (double) compilers / services;
        }
    }

    private Round round(ProductDatabase.RowCount feedItems, ProductDatabase.RowCount catalogItems, String name)
            throws Exception {
        String run = Long.toString(System.currentTimeMillis(), 36);
        long feedBefore = feedItems.now();
        long catalogBefore = catalogItems.now();
        Map<String, Duration> cpuBefore = ProcessCpu.now(product);
        Map<String, Duration> jitBefore = ProcessCpu.jit(product);
        System.out.printf("  %s round: posting %,d items%n", name, PAGES * ITEMS_PER_PAGE);
        long start = System.nanoTime();
        ExecutorService posters = Executors.newFixedThreadPool(4);
        List<Future<?>> posts = new ArrayList<>();
        for (int p = 0; p < PAGES; p++) {
            String page = SyntheticItems.listingPage(run, p * ITEMS_PER_PAGE, ITEMS_PER_PAGE);
            posts.add(posters.submit(() -> post(page, "bench-" + run)));
        }
        for (Future<?> post : posts) {
            post.get();
        }
        posters.shutdown();
        double ingestSeconds = (System.nanoTime() - start) / 1e9;
        int total = PAGES * ITEMS_PER_PAGE;
        long deadline = System.nanoTime() + PIPELINE_TIMEOUT.toNanos();
        long nextProgress = System.nanoTime();
        long catalogued = 0;
        double catalogSeconds = 0;
        LookPace pace = new LookPace(total);
        while (true) {
            // each look counts a table, which is not free (LookPace); the catalog's only until it holds the round
            long projected = feedItems.now() - feedBefore;
            if (catalogSeconds == 0) {
                catalogued = catalogItems.now() - catalogBefore;
                if (catalogued >= total) {
                    // the catalog's own rate (it was CatalogThroughputBenchmark in the catalog's tests)
                    catalogSeconds = (System.nanoTime() - start) / 1e9;
                }
            }
            if (projected >= total) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the feed projection did not receive " + total + " items within "
                        + PIPELINE_TIMEOUT.toMinutes() + " minutes");
            }
            if (System.nanoTime() >= nextProgress) {
                // where the backlog sits: catalogued (stored by catalog) vs projected (stored by feed)
                System.out.printf("    %5.1f s: catalogued %,d, projected %,d of %,d%n", (System.nanoTime() - start) / 1e9,
                        catalogued, projected, total);
                nextProgress = System.nanoTime() + 2_000_000_000L;
            }
            Thread.sleep(pace.nextLook(System.nanoTime(), projected).toMillis());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Round(total, ingestSeconds, catalogSeconds == 0 ? seconds : catalogSeconds, seconds,
                ProcessCpu.between(cpuBefore, ProcessCpu.now(product)),
                ProcessCpu.between(jitBefore, ProcessCpu.jit(product)));
    }

    /**
     * Where the round's CPU went: each part's CPU time per 1,000 items (a service's JIT compilers' part with it),
     * and all of it against what the machine's cores could give in that time (near 100 %: the pipeline is bound
     * by CPU, and only less work per item makes it faster).
     */
    private void reportCpu(Round round) {
        Duration all = round.cpu().values().stream().reduce(Duration.ZERO, Duration::plus);
        round.cpu().forEach((part, cpu) -> {
            Duration jit = round.jit().get(part);
            report.add("  CPU per 1,000 items: " + part, String.format("%,d ms", cpu.toMillis() * 1000 / round.total())
                    + (jit == null ? "" : String.format(" (JIT %,d ms)", jit.toMillis() * 1000 / round.total())), "-");
        });
        int cores = Runtime.getRuntime().availableProcessors();
        report.add("  CPU of the product over the round, of what " + cores + " cores give",
                String.format("%.0f %% (%,.1f s of %,.1f s)", 100 * all.toMillis() / 1000.0 / (round.seconds() * cores),
                        all.toMillis() / 1000.0, round.seconds() * cores), "-");
    }

    private static String percent(double share) {
        return String.format("%.0f %%", 100 * share);
    }

    private void post(String text, String source) {
        HttpResponse<String> response = product.send(HttpRequest.newBuilder(
                        URI.create(product.url("ingest-service", "/api/documents?source=" + source)))
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8))
                .build());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("ingest answered " + response.statusCode() + ": " + response.body());
        }
    }
}
