package org.syndication.e2e.faults;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.core.ConditionTimeoutException;
import org.syndication.events.EventJson;
import org.syndication.events.NewsItemCatalogued;
import org.syndication.events.Topics;
import org.syndication.localstack.SmtpSink;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.awaitility.Awaitility.await;

/**
 * What must hold after a fault, once the product is quiet again. Each check waits (condition-based, generously: the
 * machine may be slow) until the state is right or the patience is over, then counts what is still wrong.
 */
final class Invariants {

    /** One line of the suite's table, with every violation found. */
    record Outcome(String scenario, int posted, int accepted, int inCatalog, int inFeeds, int duplicates, int lost,
                   Duration recovery, List<String> violations, Map<String, Long> client) {

        static String header() {
            return String.format("%-44s %7s %9s %11s %9s %11s %5s %9s", "scenario", "posted", "accepted",
                    "in catalog", "in feeds", "duplicates", "lost", "recovery");
        }

        String row() {
            return String.format("%-44s %7d %9d %11d %9d %11d %5d %8.1fs", scenario, posted, accepted, inCatalog,
                    inFeeds, duplicates, lost, recovery.toMillis() / 1000.0);
        }
    }

    private static final Duration PATIENCE = Duration.ofMinutes(4);

    private final FaultHarness harness;
    /** Every item of every scenario run so far against this product: the feeds hold them all. */
    private final Map<String, Workload.Expected> everything = new HashMap<>();

    Invariants(FaultHarness harness) {
        this.harness = harness;
    }

    /**
     * Checks the invariants for the items of {@code workload} (and the feeds for every item so far).
     *
     * @param compareFeeds also start a fault-free reference feed service and compare every feed document's ETag
     */
    Outcome check(String scenario, Workload workload, Duration recovery, boolean compareFeeds,
                  List<String> extraViolations) {
        everything.putAll(workload.expected);
        List<String> violations = new ArrayList<>(workload.violations);
        violations.addAll(extraViolations);
        Map<String, Workload.Expected> items = Map.copyOf(workload.expected);

        // 1. the catalog: every accepted item exactly once, at its newest version, with its themes
        Map<String, JsonNode> catalog = awaitCatalog(items, violations);
        int inCatalog = 0;
        int lost = 0;
        Map<String, Long> catalogVersions = new HashMap<>();
        Map<String, Set<String>> themes = new HashMap<>();
        for (var entry : items.entrySet()) {
            JsonNode item = catalog.get(entry.getKey());
            String problem = catalogProblem(entry.getValue(), item);
            if (problem == null) {
                inCatalog++;
                catalogVersions.put(entry.getKey(), item.path("version").asLong());
                Set<String> slugs = new TreeSet<>();
                item.path("themes").forEach(t -> slugs.add(t.path("slug").asText()));
                themes.put(entry.getKey(), slugs);
            } else {
                lost++;
                violations.add("catalog: item " + entry.getKey() + " " + problem);
            }
        }
        int duplicates = catalogDuplicates(workload, items, violations);

        // 2. news.catalogued: its compacted view holds the newest version of every item; no DLQ holds anything
        Map<String, NewsItemCatalogued> compacted = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : harness.readTopic(Topics.NEWS_CATALOGUED)) {
            compacted.put(record.key(), record.value() == null ? null
                    : EventJson.fromBytes(record.value(), NewsItemCatalogued.class));
        }
        for (var entry : catalogVersions.entrySet()) {
            NewsItemCatalogued event = compacted.get(entry.getKey());
            Workload.Expected expected = items.get(entry.getKey());
            if (event == null || event.version() != entry.getValue()
                    || (event.status().name().equals("WITHDRAWN") != expected.withdrawn)) {
                lost++;
                violations.add("news.catalogued: item " + entry.getKey() + " is " + (event == null ? "missing"
                        : "version " + event.version() + " " + event.status()) + ", catalog has version "
                        + entry.getValue());
            }
        }
        for (String dlq : List.of(Topics.NEWS_INGESTED_DLQ, Topics.NEWS_CATALOGUED_DLQ)) {
            List<ConsumerRecord<String, byte[]>> dead = harness.readTopic(dlq);
            if (!dead.isEmpty()) {
                violations.add(dlq + " holds " + dead.size() + " records, none of them poison; first reason: "
                        + reason(dead.get(0)));
            }
        }

        // 3. the feeds: every published item once, withdrawn ones gone, the same bytes as a fault-free projection
        FeedCount feeds = awaitFeeds(items, themes, violations);
        duplicates += feeds.duplicates;
        lost += feeds.lost;
        if (compareFeeds) {
            compareWithReference(violations);
        }

        // 4. mail: no subscriber got the same digest twice
        duplicates += duplicateDigests(violations);

        return new Outcome(scenario, workload.itemsPosted.get(), items.size(), inCatalog, feeds.present, duplicates,
                lost, recovery, violations, workload.summary());
    }

    private Map<String, JsonNode> awaitCatalog(Map<String, Workload.Expected> items, List<String> violations) {
        Map<String, JsonNode> found = new HashMap<>();
        Set<String> serverErrors = new TreeSet<>();
        try {
            await("every accepted item in the catalog at its newest version").atMost(PATIENCE)
                    .pollInterval(Duration.ofSeconds(1)).until(() -> {
                        for (var entry : items.entrySet()) {
                            JsonNode known = found.get(entry.getKey());
                            if (known != null && catalogProblem(entry.getValue(), known) == null) {
                                continue;
                            }
                            try {
                                HttpResponse<String> response = harness.get("catalog-service", "/api/items/" + entry.getKey());
                                if (response.statusCode() == 200) {
                                    found.put(entry.getKey(), FaultHarness.json(response.body()));
                                } else if (response.statusCode() >= 500 && response.statusCode() != 503) {
                                    serverErrors.add("catalog: GET /api/items/" + entry.getKey() + " answered "
                                            + response.statusCode());
                                }
                            } catch (RuntimeException notAnsweringYet) {
                                return false;
                            }
                        }
                        return items.entrySet().stream()
                                .allMatch(e -> catalogProblem(e.getValue(), found.get(e.getKey())) == null);
                    });
        } catch (ConditionTimeoutException counted) {
            // what is still wrong is counted as lost by the caller
        }
        violations.addAll(serverErrors);
        return found;
    }

    /** Why a catalog item is not the expected one, or null when it is. */
    private static String catalogProblem(Workload.Expected expected, JsonNode item) {
        if (item == null) {
            return "is missing";
        }
        String status = item.path("status").asText();
        if (!status.equals(expected.withdrawn ? "WITHDRAWN" : "PUBLISHED")) {
            return "is " + status + " (withdrawn: " + expected.withdrawn + ")";
        }
        if (item.path("ingestVersion").asLong() != expected.ingestVersion) {
            return "is at ingest version " + item.path("ingestVersion").asLong() + ", accepted " + expected.ingestVersion;
        }
        if (!item.path("title").asText().equals(expected.title)) {
            return "has the title " + item.path("title").asText();
        }
        List<String> slugs = new ArrayList<>();
        item.path("themes").forEach(t -> slugs.add(t.path("slug").asText()));
        if (!slugs.contains(expected.theme)) {
            return "has the themes " + slugs + ", not " + expected.theme;
        }
        return null;
    }

    /** Published items of the scenario's source in the catalog's list that are repeated or were never accepted. */
    private int catalogDuplicates(Workload workload, Map<String, Workload.Expected> items, List<String> violations) {
        List<String> listed = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode answer = FaultHarness.json(harness.get("catalog-service", "/api/items?size=100&page=" + page).body());
            JsonNode pageItems = answer.path("items");
            if (pageItems.isEmpty()) {
                break;
            }
            for (JsonNode item : pageItems) {
                String id = item.path("itemId").asText();
                if (items.containsKey(id) || item.path("title").asText().contains(" " + workload.source() + " ")) {
                    listed.add(id);
                }
            }
        }
        int duplicates = 0;
        for (var count : FaultHarness.counts(listed).entrySet()) {
            if (count.getValue() > 1 || !items.containsKey(count.getKey())) {
                duplicates += items.containsKey(count.getKey()) ? count.getValue() - 1 : count.getValue();
                violations.add("catalog list: item " + count.getKey() + " listed " + count.getValue()
                        + " times" + (items.containsKey(count.getKey()) ? "" : ", never accepted"));
            }
        }
        return duplicates;
    }

    private record FeedCount(int present, int duplicates, int lost) {
    }

    private FeedCount awaitFeeds(Map<String, Workload.Expected> items, Map<String, Set<String>> themes,
                                 List<String> violations) {
        Map<String, Workload.Expected> all = Map.copyOf(everything);
        long published = all.values().stream().filter(expected -> !expected.withdrawn).count();
        if (published > FaultHarness.FEED_PAGE_SIZE) {
            // a defect of the harness, not of the product: the oldest items are past the feed's one page
            violations.add("harness: " + published + " published items do not fit one feed page of "
                    + FaultHarness.FEED_PAGE_SIZE + "; raise FaultHarness.FEED_PAGE_SIZE");
        }
        List<String>[] ids = new List[1];
        try {
            // the theme feeds too: one render pass swaps `all` in before the theme feeds
            await("/feeds/all.json and the theme feeds hold every published item").atMost(PATIENCE)
                    .pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
                        ids[0] = entryIds("all");
                        Set<String> present = new HashSet<>(ids[0]);
                        return all.entrySet().stream().allMatch(e -> present.contains(e.getKey()) != e.getValue().withdrawn)
                                && missingFromThemes(items, themes).isEmpty();
                    });
        } catch (ConditionTimeoutException counted) {
            // counted below
        }
        List<String> listed = ids[0] == null ? List.of() : ids[0];
        Map<String, Integer> counts = FaultHarness.counts(listed);
        int present = 0;
        int lost = 0;
        int duplicates = 0;
        for (var entry : items.entrySet()) {
            int count = counts.getOrDefault(entry.getKey(), 0);
            if (entry.getValue().withdrawn) {
                if (count > 0) {
                    lost++;
                    violations.add("feeds: withdrawn item " + entry.getKey() + " is still in all.json");
                }
                continue;
            }
            if (count == 0) {
                lost++;
                violations.add("feeds: item " + entry.getKey() + " is missing from all.json");
            } else {
                present++;
            }
        }
        for (var count : counts.entrySet()) {
            if (count.getValue() > 1) {
                duplicates += count.getValue() - 1;
                violations.add("feeds: item " + count.getKey() + " is " + count.getValue() + " times in all.json");
            }
        }
        // every published item is also in the feed of each theme the catalog gave it
        List<String> missing = missingFromThemes(items, themes);
        lost += missing.size();
        missing.forEach(violations::add);
        return new FeedCount(present, duplicates, lost);
    }

    /** A line for each published item that is not in the feed of a theme the catalog gave it. */
    private List<String> missingFromThemes(Map<String, Workload.Expected> items, Map<String, Set<String>> themes) {
        List<String> missing = new ArrayList<>();
        Map<String, Set<String>> byTheme = new HashMap<>();
        for (var entry : themes.entrySet()) {
            if (items.get(entry.getKey()).withdrawn) {
                continue;
            }
            for (String slug : entry.getValue()) {
                Set<String> inTheme = byTheme.computeIfAbsent(slug, s -> new HashSet<>(entryIds(s)));
                if (!inTheme.contains(entry.getKey())) {
                    missing.add("feeds: item " + entry.getKey() + " is missing from " + slug + ".json");
                }
            }
        }
        return missing;
    }

    /** The item ids of a feed's JSON Feed document, in document order. */
    private List<String> entryIds(String feedKey) {
        HttpResponse<String> response = harness.get("feed-service", "/feeds/" + feedKey + ".json");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("/feeds/" + feedKey + ".json answered " + response.statusCode());
        }
        List<String> ids = new ArrayList<>();
        FaultHarness.json(response.body()).path("items").forEach(item -> ids.add(
                item.path("id").asText().replace("urn:uuid:", "")));
        return ids;
    }

    /** Every feed document (each theme and all, each format) has the ETag of a fault-free projection's. */
    void compareWithReference(List<String> violations) {
        List<String> paths = new ArrayList<>();
        List<String> keys = new ArrayList<>(List.of("all"));
        FaultHarness.json(harness.get("catalog-service", "/api/themes").body())
                .forEach(theme -> keys.add(theme.path("slug").asText()));
        for (String key : keys) {
            FaultHarness.FORMATS.forEach(format -> paths.add("/feeds/" + key + "." + format));
        }
        Map<String, List<String>> pairs = harness.compareWithReference(paths, PATIENCE);
        pairs.forEach((path, etags) -> {
            if (!etags.get(0).equals(etags.get(1)) || !etags.get(0).startsWith("200")) {
                violations.add("feeds: " + path + " is " + etags.get(0) + ", the fault-free projection's "
                        + etags.get(1));
            }
        });
    }

    /** Digest mails (they carry List-Unsubscribe) received more than once by one address. */
    int duplicateDigests(List<String> violations) {
        List<String> keys = new ArrayList<>();
        for (SmtpSink.ReceivedMessage message : harness.product().stack().smtp().messages()) {
            if (message.headers().containsKey("List-Unsubscribe")) {
                message.to().forEach(to -> keys.add(to + " " + message.subject()));
            }
        }
        int duplicates = 0;
        for (var count : FaultHarness.counts(keys).entrySet()) {
            if (count.getValue() > 1) {
                duplicates += count.getValue() - 1;
                violations.add("mail: " + count.getKey() + " received " + count.getValue() + " times");
            }
        }
        return duplicates;
    }

    private static String reason(ConsumerRecord<String, byte[]> record) {
        var header = record.headers().lastHeader("dead-letter-reason");
        return header == null ? "(none)" : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    static Map<String, Object> describe(Outcome outcome) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("scenario", outcome.scenario());
        map.put("client", outcome.client());
        map.put("violations", outcome.violations());
        return map;
    }
}
