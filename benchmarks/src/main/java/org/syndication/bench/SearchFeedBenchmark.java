package org.syndication.bench;

import org.syndication.localstack.ProductProcesses;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Search feeds ({@code /feeds/search.atom?q=...}) of the running feed service over the demo items: requests per
 * second when the document is cached (the same query again and again) and when every request is a new query (each
 * one read from PostgreSQL and rendered: a word of the demo plus a negated nonsense word unique to the request, so
 * the result is the same size but the cache never helps). {@code bench.search.threads} clients (default 16) for
 * {@code bench.search.seconds} (default 10) each.
 */
final class SearchFeedBenchmark {

    private static final int THREADS = Integer.getInteger("bench.search.threads", 16);
    private static final int SECONDS = Integer.getInteger("bench.search.seconds", 10);
    private static final String WORD = "trafficking";

    private final ProductProcesses product;
    private final Report report;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    SearchFeedBenchmark(ProductProcesses product, Report report) {
        this.product = product;
        this.report = report;
    }

    void run() throws Exception {
        // warm-up: the JIT, the connection pool and the one cached document
        measure(i -> WORD, 2);
        double cached = measure(i -> WORD, SECONDS);
        report.add("Search feed /feeds/search.atom?q=..., cached, " + THREADS + " clients",
                String.format("%,.0f requests/s", cached), "-");
        double uncached = measure(i -> WORD + " -zz" + i, SECONDS);
        report.add("Search feed, a new query every request (PostgreSQL + render), " + THREADS + " clients",
                String.format("%,.0f requests/s", uncached), "-");
    }

    /** Requests per second of {@code THREADS} clients for {@code seconds}; the n-th request asks for query(n). */
    private double measure(IntFunction<String> query, int seconds) throws Exception {
        AtomicLong next = new AtomicLong();
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> clients = new ArrayList<>();
            long started = System.nanoTime();
            for (int t = 0; t < THREADS; t++) {
                clients.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        String q = query.apply((int) next.getAndIncrement());
                        HttpRequest request = HttpRequest.newBuilder(URI.create(product.url("feed-service",
                                "/feeds/search.atom?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))).build();
                        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException("search feed answered " + response.statusCode());
                        }
                        done.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> client : clients) {
                client.get();
            }
            return done.get() / ((System.nanoTime() - started) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }
}
