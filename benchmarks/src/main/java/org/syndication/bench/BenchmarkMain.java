package org.syndication.bench;

import org.syndication.localstack.AotCache;
import org.syndication.localstack.ProductProcesses;
import org.syndication.localstack.ServiceJavaOptions;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs every benchmark in one process on this machine and prints a table of figures next to the targets.
 * Start it with {@code benchmarks/run} from the repository root; {@code benchmarks/run parse} measures the parser
 * alone, {@code benchmarks/run pipeline} stops after start-up, memory, latency and throughput,
 * {@code benchmarks/run digest} measures start-up and the digest only, {@code benchmarks/run search} start-up and
 * search feeds only, {@code benchmarks/run quality [DIR]} measures
 * the page reader against a folder of pages with answer keys (default {@code ../shared/devpages}),
 * {@code benchmarks/run quality-html [DIR]} the HTML reader on saved listing pages (default
 * {@code ../shared/htmlpages}; see {@link HtmlQualityBenchmark}), {@code benchmarks/run soak} a steady stream for
 * minutes with a verdict ({@link SoakBenchmark}; exits non-zero when a target is missed), {@code benchmarks/run websub}
 * start-up and WebSub deliveries/s only ({@link WebSubBenchmark}; {@code WEBSUB_SUBSCRIBERS} callbacks, default 500).
 */
public final class BenchmarkMain {

    /** A digest of the 20 newest items, as newsletters usually carry (the default allows 100). */
    static final Map<String, String> DIGEST_SETTINGS = Map.of("FEED_DIGEST_MAX_ITEMS", "20");

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        String only = args.length > 1 ? args[1] : "all";
        boolean parseOnly = only.equals("parse");
        if (only.equals("quality")) {
            Path pages = args.length > 2 ? Path.of(args[2]) : root.resolveSibling("shared").resolve("devpages");
            Report report = new Report();
            ReaderQuality.Outcome outcome = ReaderQuality.run(pages, report, !"--quiet".equals(args.length > 3 ? args[3] : ""));
            report.print();
            if (!outcome.aboveFloors()) {
                System.err.printf("page reader below its floors: item F1 %.3f (floor %.2f), theme F1 %.3f (floor %.2f)%n",
                        outcome.itemF1(), ReaderQuality.ITEM_F1_FLOOR, outcome.themeF1(), ReaderQuality.THEME_F1_FLOOR);
                System.exit(1);
            }
            return;
        }
        Path work = Files.createTempDirectory("syndication-bench-");
        Report report = new Report();
        if (only.equals("quality-html")) {
            qualityHtml(root, args, report);
            return;
        }
        System.out.printf("Syndication benchmarks on %d cores, Java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        if (only.equals("soak")) {
            SoakBenchmark.Settings settings = SoakBenchmark.Settings.fromEnvironment(System.getenv());
            boolean met;
            recordAotCaches(root, work);
            try (ProductProcesses product = new ProductProcesses(root, work, serviceJavaOpts(),
                    DigestBenchmark.serviceSettings(System.getenv()), true)) {
                System.out.println("services' logs: " + work);
                met = new SoakBenchmark(product, settings).run();
            }
            System.exit(met ? 0 : 1);
        }

        ParseThroughput.run(root.resolve("demo"), report);
        if (parseOnly) {
            report.print();
            return;
        }
        recordAotCaches(root, work);
        try (ProductProcesses product = new ProductProcesses(root, work, serviceJavaOpts(),
                DigestBenchmark.serviceSettings(System.getenv()), true)) {
            String cache = Runtime.version().feature() >= AotCache.FIRST_JAVA ? ", AOT cache" : "";
            for (String service : ProductProcesses.SERVICES) {
                report.add(service + ": start to ready alone (empty database" + cache + ")",
                        product.readyAfter().get(service).toMillis() + " ms", "<= 1,500 ms");
            }
            report.add("all three services started at once: start to ready (as ./syndicate up" + cache + ")",
                    product.restartAllAtOnce().toMillis() + " ms", "<= 3,000 ms");
            ingestDemo(root, product);
            if (only.equals("websub")) {
                new WebSubBenchmark(product, report, WebSubBenchmark.subscribersFromEnvironment(System.getenv())).run();
                report.print();
                return;
            }
            if (only.equals("search")) {
                new SearchFeedBenchmark(product, report).run();
                report.print();
                return;
            }
            if (only.equals("digest")) {
                new DigestBenchmark(product, report, System.getenv()).run();
                report.print();
                return;
            }
            for (String service : ProductProcesses.SERVICES) {
                report.add(service + ": resident memory after the demo ingest",
                        residentMb(product.process(service).pid()) + " MB", "< 300 MB");
            }
            PipelineBenchmark pipeline = new PipelineBenchmark(product, report);
            pipeline.latency();
            double raw = KafkaBaseline.run(product.stack().kafka().bootstrapServers(), report);
            double pipelinePerSecond = pipeline.throughput();
            report.add("  ratio of pipeline to raw producer", String.format("%.3f", pipelinePerSecond / raw),
                    ">= 0.10");
            if (only.equals("pipeline")) {
                // after real work, where a heap that keeps what it committed shows (issue 18's memory target)
                for (String service : ProductProcesses.SERVICES) {
                    report.add(service + ": resident memory after the pipeline",
                            residentDetail(product.process(service).pid()), "<= 250 MB");
                }
                addResidentAfterIdle(product, report);
                ServiceDiagnostics.dumpIfAsked(product, work);
                report.print();
                return;
            }
            printResident(product, "the pipeline");
            new FeedServingBenchmark(product, work, report).run();
            printResident(product, "the feed serving");
            new SearchFeedBenchmark(product, report).run();
            printResident(product, "the search feeds");
            new DigestBenchmark(product, report, System.getenv()).run();
            printResident(product, "the digest");
            new WebSubBenchmark(product, report, WebSubBenchmark.subscribersFromEnvironment(System.getenv())).run();
            for (String service : ProductProcesses.SERVICES) {
                report.add(service + ": resident memory after the benchmarks",
                        residentDetail(product.process(service).pid()), "<= 250 MB");
            }
            addResidentAfterIdle(product, report);
            ServiceDiagnostics.dumpIfAsked(product, work);
        }
        report.print();
    }

    /**
     * On Java 25 or newer the services start from an ahead-of-time cache, as {@code ./syndicate up} starts them; a
     * build newer than a service's cache gets one recorded first, by a start, the demo ingest and a normal stop on a
     * stack of its own, so the start-up figures are those of a user's second and later starts.
     */
    private static void recordAotCaches(Path root, Path work) throws IOException {
        int java = Runtime.version().feature();
        boolean fresh = ProductProcesses.SERVICES.stream().allMatch(service ->
                new AotCache(root.resolve(service).resolve("target/quarkus-app"), java,
                        ServiceJavaOptions.of(serviceJavaOpts(), service)).isFresh());
        if (java < AotCache.FIRST_JAVA || fresh) {
            return;
        }
        System.out.println("recording the services' ahead-of-time caches (a start, the demo ingest, a stop)...");
        try (ProductProcesses training = new ProductProcesses(root, work.resolve("aot-recording"), serviceJavaOpts(),
                DIGEST_SETTINGS, true)) {
            ingestDemo(root, training);
        }
    }

    /** {@code quality-html [DIR [FACTS]]}: exits non-zero when a page crashed or took too long. */
    private static void qualityHtml(Path root, String[] args, Report report) throws IOException {
        Path dir = args.length > 2 ? Path.of(args[2]) : root.resolve("../shared/htmlpages").normalize();
        Path facts = args.length > 3 ? Path.of(args[3]) : dir.resolve("facts.json");
        if (!Files.isRegularFile(facts)) { // the facts of the shared pages are kept next to the notes, outside the repo
            facts = root.resolve("../notes/html-gold.json").normalize();
        }
        boolean healthy = HtmlQualityBenchmark.run(dir, facts, report);
        report.print();
        if (!healthy) {
            System.exit(1);
        }
    }

    private static void ingestDemo(Path root, ProductProcesses product) throws IOException {
        try (Stream<Path> pages = Files.list(root.resolve("demo"))) {
            for (Path page : pages.sorted().toList()) {
                var response = product.send(HttpRequest.newBuilder(
                                URI.create(product.url("ingest-service", "/api/documents?source=eu-unodc")))
                        .header("Content-Type", "text/plain; charset=utf-8")
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofFile(page)).build());
                if (response.statusCode() != 202) {
                    throw new IllegalStateException(page + ": " + response.statusCode() + " " + response.body());
                }
            }
        }
    }

    /**
     * The JVM options ./syndicate gives each service, so the figures describe what a user runs: benchmarks/run passes
     * them from local-stack/bin/java.sh, their one place.
     */
    static List<String> serviceJavaOpts() {
        String fromEnvironment = System.getenv("SERVICE_JAVA_OPTS");
        if (fromEnvironment == null || fromEnvironment.isBlank()) {
            throw new IllegalStateException("SERVICE_JAVA_OPTS is not set: start the benchmarks with benchmarks/run");
        }
        return List.of(fromEnvironment.trim().split("\\s+"));
    }

    /** {@code VmRSS} with its anonymous and file-backed parts (the AOT archive counts in either), in MB. */
    static String residentDetail(long pid) throws IOException {
        long rss = 0;
        long anon = 0;
        long file = 0;
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            long mb = line.matches("^(VmRSS|RssAnon|RssFile):.*") ? Long.parseLong(line.replaceAll("\\D", "")) / 1024 : 0;
            if (line.startsWith("VmRSS:")) {
                rss = mb;
            } else if (line.startsWith("RssAnon:")) {
                anon = mb;
            } else if (line.startsWith("RssFile:")) {
                file = mb;
            }
        }
        return rss + " MB (anon " + anon + ", file " + file + ")";
    }

    /** A progress line: which part of the work the resident memory grows in (the report has the end figure). */
    private static void printResident(ProductProcesses product, String after) throws IOException {
        StringBuilder line = new StringBuilder("resident memory after " + after + ":");
        for (String service : ProductProcesses.SERVICES) {
            line.append(' ').append(service).append(' ')
                    .append(residentDetail(product.process(service).pid())).append(';');
        }
        System.out.println(line);
    }

    /**
     * The services' resident memory once they have been idle for {@code BENCH_IDLE_SECONDS} (default 30) after the
     * work: what a service holds between bursts, once its collector has had the chance to give back what the burst
     * committed (the row right after the work shows what it holds in the middle of one).
     */
    private static void addResidentAfterIdle(ProductProcesses product, Report report)
            throws IOException, InterruptedException {
        long seconds = Long.parseLong(System.getenv().getOrDefault("BENCH_IDLE_SECONDS", "30"));
        System.out.println("idle for " + seconds + " s before the last memory reading...");
        Thread.sleep(Duration.ofSeconds(seconds).toMillis());
        for (String service : ProductProcesses.SERVICES) {
            report.add(service + ": resident memory after " + seconds + " s idle",
                    residentDetail(product.process(service).pid()), "<= 250 MB");
        }
    }

    static long residentMb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        throw new IllegalStateException("no VmRSS for pid " + pid);
    }
}
