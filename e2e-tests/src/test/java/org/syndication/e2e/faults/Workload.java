package org.syndication.e2e.faults;

import com.fasterxml.jackson.databind.JsonNode;
import org.syndication.localstack.ProductProcesses;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client posting a steady stream of new items to ingest, as a publisher's system would: documents of two items
 * each, now and then a correction of an earlier item (the same page again with a changed text) and a withdrawal of
 * an earlier item through the catalog. The client behaves as the API asks: a post without an answer (connection
 * refused or reset, timeout) is posted again, a {@code 503} again after its {@code Retry-After} (capped, so the
 * stream stays steady), a withdrawal that fails is tried again later. It records everything it was told.
 */
final class Workload implements Runnable {

    /** One item's state as the client knows it from the answers it got. */
    static final class Expected {
        final String title;
        final String theme;
        volatile long ingestVersion;
        volatile boolean withdrawn;

        Expected(String title, String theme, long ingestVersion) {
            this.title = title;
            this.theme = theme;
            this.ingestVersion = ingestVersion;
        }
    }

    /** Theme slug and a sentence the classifier reads as that theme (weight-3 terms of the shipped taxonomy). */
    private static final List<List<String>> THEMES = List.of(
            List.of("trafficking-in-persons", "Officers shared cases of human trafficking and trafficking in persons."),
            List.of("migrant-smuggling", "The meeting covered migrant smuggling and the smuggling of migrants."),
            List.of("corruption", "Auditors reviewed corruption risks under UNCAC and corruption cases."),
            List.of("terrorism-prevention", "Teachers discussed violent extremism and how a violent extremist recruits."),
            List.of("drugs-and-health", "Clinics spoke about drug use and services for people who use drugs."),
            List.of("organized-crime", "Prosecutors traced organized crime groups and organised crime finances."),
            List.of("cybercrime", "Investigators compared cybercrime reports and cyber crime evidence."),
            List.of("border-and-maritime-security", "Agencies improved border control and border management."),
            List.of("environmental-crime", "Rangers documented wildlife seizures and forest crime in the reserve."),
            List.of("criminal-justice", "Judges discussed justice reform and access to justice for all."));
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final Duration GIVE_UP = Duration.ofMinutes(6);
    private static final Duration MAX_RETRY_PAUSE = Duration.ofSeconds(1);

    private final FaultHarness harness;
    private final String source;
    private final int documents;
    private final Duration pace;
    /** The instances posted to and withdrawn through, in turn (one of each unless several replicas run). */
    private final List<String> ingestInstances;
    private final List<String> catalogInstances;
    private final AtomicInteger posts = new AtomicInteger();
    private final AtomicInteger deletes = new AtomicInteger();
    private final HttpClient http = HttpClient.newBuilder().version(FaultHarness.HTTP)
            .connectTimeout(Duration.ofSeconds(3)).build();

    final Map<String, Expected> expected = new ConcurrentHashMap<>();
    final List<String> violations = new CopyOnWriteArrayList<>();
    final AtomicInteger documentsAccepted = new AtomicInteger();
    final AtomicInteger itemsPosted = new AtomicInteger();
    final AtomicInteger accepted202 = new AtomicInteger();
    final AtomicInteger answered503 = new AtomicInteger();
    final AtomicInteger noAnswer = new AtomicInteger();
    final AtomicInteger reposts = new AtomicInteger();
    final AtomicInteger corrections = new AtomicInteger();
    final AtomicInteger withdrawals = new AtomicInteger();
    /** The first item id of each new document, by the time (epoch milliseconds) of its 202. */
    private final Map<Long, String> firstItemAcceptedAt = new ConcurrentHashMap<>();
    private final List<String> pendingWithdrawals = new ArrayList<>();
    private final List<String> documentTexts = new ArrayList<>();
    private final List<List<String>> documentItems = new ArrayList<>();
    private volatile boolean done;

    /**
     * @param source    the source name of every document (one per scenario, so its items are its own)
     * @param documents how many new documents (two new items each)
     * @param pace      pause between two documents
     */
    Workload(FaultHarness harness, String source, int documents, Duration pace) {
        this(harness, source, documents, pace, List.of("ingest-service"), List.of("catalog-service"));
    }

    /**
     * @param ingestInstances  the ingest instances each document (and correction) goes to, one after the other
     * @param catalogInstances the catalog instances each withdrawal goes to, one after the other
     */
    Workload(FaultHarness harness, String source, int documents, Duration pace, List<String> ingestInstances,
             List<String> catalogInstances) {
        this.harness = harness;
        this.source = source;
        this.documents = documents;
        this.pace = pace;
        this.ingestInstances = List.copyOf(ingestInstances);
        this.catalogInstances = List.copyOf(catalogInstances);
    }

    /** The next instance of the list, in turn. */
    private static String next(List<String> instances, AtomicInteger turn) {
        return instances.get(Math.floorMod(turn.getAndIncrement(), instances.size()));
    }

    String source() {
        return source;
    }

    boolean done() {
        return done;
    }

    @Override
    public void run() {
        try {
            for (int i = 0; i < documents; i++) {
                post(i, document(i, false));
                if (i % 10 == 7 && i >= 5) {
                    // a correction of an earlier document's first item: the same page again, one text changed
                    int earlier = i - 5;
                    if (!pendingOrWithdrawn(documentItems.get(earlier).get(0))) {
                        corrections.incrementAndGet();
                        post(earlier, document(earlier, true));
                    }
                }
                if (i % 15 == 11 && i >= 8) {
                    // a withdrawal of an earlier document's second item (never corrected afterwards)
                    pendingWithdrawals.add(documentItems.get(i - 8).get(1));
                }
                tryWithdrawals();
                pause(pace);
            }
            long deadline = System.nanoTime() + GIVE_UP.toNanos();
            while (!pendingWithdrawals.isEmpty() && System.nanoTime() < deadline) {
                tryWithdrawals();
                pause(MAX_RETRY_PAUSE);
            }
            pendingWithdrawals.forEach(id -> violations.add("withdrawal of " + id + " never answered 200"));
        } catch (RuntimeException e) {
            violations.add("the client stopped: " + e);
            throw e;
        } finally {
            done = true;
        }
    }

    private boolean pendingOrWithdrawn(String itemId) {
        Expected item = expected.get(itemId);
        return pendingWithdrawals.contains(itemId) || (item != null && item.withdrawn);
    }

    /** The text of document {@code i}: a page of two dated items; {@code corrected} changes the first item's text. */
    private String document(int i, boolean corrected) {
        StringBuilder text = new StringBuilder("Fault drill bulletin of ").append(source).append("\n\n");
        for (int k = 0; k < 2; k++) {
            int n = 2 * i + k;
            List<String> theme = THEMES.get(n % THEMES.size());
            LocalDate date = LocalDate.of(2021, 1, 1).plusDays(n);
            text.append(DAY.format(date)).append(": ").append(title(n)).append("\n\n")
                    .append(theme.get(1)).append(" Bulletin ").append(source).append(" number ").append(n).append('.');
            if (corrected && k == 0) {
                text.append(" Correction: the figures in the second paragraph were updated.");
            }
            text.append("\n\n");
        }
        return text.toString();
    }

    private String title(int n) {
        return "Drill " + source + " item " + n + " on " + THEMES.get(n % THEMES.size()).get(0).replace('-', ' ');
    }

    /** Posts one document until it is answered {@code 202} (or the client gives up), recording every answer. */
    private void post(int i, String text) {
        boolean correction = documentItems.size() > i;
        if (!correction) {
            itemsPosted.addAndGet(2);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(harness.url(next(ingestInstances, posts),
                        "/api/documents?source=" + URLEncoder.encode(source, StandardCharsets.UTF_8))))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(text)).build();
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        boolean first = true;
        while (System.nanoTime() < deadline) {
            if (!first) {
                reposts.incrementAndGet();
            }
            first = false;
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException noAnswer) {
                this.noAnswer.incrementAndGet();
                pause(Duration.ofMillis(200));
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            int status = response.statusCode();
            if (status == 202) {
                accepted(i, correction, FaultHarness.json(response.body()));
                return;
            }
            if (status == 503) {
                answered503.incrementAndGet();
                var retryAfter = response.headers().firstValue("Retry-After");
                if (retryAfter.isEmpty()) {
                    violations.add("503 without Retry-After: " + response.body());
                }
                pause(MAX_RETRY_PAUSE);
                continue;
            }
            violations.add("POST /api/documents answered " + status + ": " + response.body());
            pause(MAX_RETRY_PAUSE);
        }
        violations.add("document " + i + " of " + source + " never accepted");
    }

    private void accepted(int i, boolean correction, JsonNode answer) {
        long now = System.currentTimeMillis();
        List<String> ids = new ArrayList<>();
        JsonNode items = answer.path("items");
        if (items.size() != 2) {
            violations.add("document " + i + " read as " + items.size() + " items: " + answer);
        }
        for (JsonNode item : items) {
            String id = item.path("itemId").asText();
            long version = item.path("version").asLong();
            ids.add(id);
            int n = 2 * i + ids.size() - 1;
            Expected known = expected.computeIfAbsent(id, key -> new Expected(title(n),
                    THEMES.get(n % THEMES.size()).get(0), version));
            if (version > known.ingestVersion) {
                known.ingestVersion = version;
            }
            if (correction && ids.size() == 1 && !"CORRECTED".equals(item.path("status").asText())
                    && version < 2) {
                violations.add("correction of " + id + " answered " + item);
            }
        }
        if (!correction) {
            documentItems.add(ids);
            documentsAccepted.incrementAndGet();
            accepted202.incrementAndGet();
            if (!ids.isEmpty()) {
                firstItemAcceptedAt.put(now, ids.get(0));
            }
        }
    }

    /** The first item of the first document accepted at or after {@code millis}, when there is one yet. */
    String firstAcceptedAfter(long millis) {
        return firstItemAcceptedAt.entrySet().stream().filter(e -> e.getKey() >= millis)
                .min(Map.Entry.comparingByKey()).map(Map.Entry::getValue).orElse(null);
    }

    private void tryWithdrawals() {
        for (var it = pendingWithdrawals.iterator(); it.hasNext(); ) {
            String id = it.next();
            HttpRequest request = HttpRequest.newBuilder(URI.create(harness.url(next(catalogInstances, deletes), "/api/items/" + id)))
                    .timeout(Duration.ofSeconds(20))
                    .header("Authorization", "Bearer " + ProductProcesses.CATALOG_TOKEN).DELETE().build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    expected.get(id).withdrawn = true;
                    withdrawals.incrementAndGet();
                    it.remove();
                } else if (response.statusCode() != 404 && response.statusCode() != 503) {
                    violations.add("DELETE /api/items/" + id + " answered " + response.statusCode() + ": "
                            + response.body());
                }
                // 404: not catalogued yet; 503: the catalog's database is down. Either way: later.
            } catch (IOException noAnswerYet) {
                // the catalog is down: later
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    Map<String, Long> summary() {
        Map<String, Long> summary = new LinkedHashMap<>();
        summary.put("documents", (long) documents);
        summary.put("reposts", (long) reposts.get());
        summary.put("noAnswer", (long) noAnswer.get());
        summary.put("answered503", (long) answered503.get());
        summary.put("corrections", (long) corrections.get());
        summary.put("withdrawals", (long) withdrawals.get());
        return summary;
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
