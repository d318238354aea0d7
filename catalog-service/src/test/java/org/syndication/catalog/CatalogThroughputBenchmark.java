package org.syndication.catalog;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.syndication.catalog.classify.GoldCorpus;
import org.syndication.events.NewsItemIngested;
import org.syndication.events.SourceRef;
import org.syndication.events.Topics;
import org.syndication.localstack.test.KafkaResource;
import org.syndication.localstack.test.PostgresResource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * Sustained consume → classify → store → outbox → publish throughput on the real broker and PostgreSQL.
 * Prints numbers; asserts nothing about speed. Not run by {@code ./mvnw verify}; run it alone with
 * <pre>./mvnw verify -pl catalog-service -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=CatalogThroughputBenchmark [-Dbenchmark.items=3000]</pre>
 * Items are the 95 real demo-corpus items (title and body), each sent under fresh ids.
 */
@QuarkusTest
@TestProfile(CatalogThroughputBenchmark.QuietLogs.class)
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = true, parallel = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true, parallel = true)
class CatalogThroughputBenchmark {

    /** Production log level: per-item DEBUG lines would be measured too. */
    public static class QuietLogs implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.log.category.\"org.syndication\".level", "INFO");
        }
    }

    @Inject
    OutboxRepository outbox;

    @Test
    void consumeStoreRepublish() {
        int n = Integer.getInteger("benchmark.items", 3000);
        List<GoldCorpus.Item> corpus = GoldCorpus.load();
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            warmUp(kafka, corpus, run);
            long before = QuarkusTransaction.requiringNew().call(() -> outbox.count("publishedAt is not null"));
            List<String> ids = new ArrayList<>(n);
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                GoldCorpus.Item item = corpus.get(i % corpus.size());
                String id = "bench-" + run + "-" + i;
                ids.add(id);
                kafka.sendAsync(Topics.NEWS_INGESTED, event(id, item));
            }
            kafka.flush();
            long sent = System.nanoTime();
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100)).until(() ->
                    QuarkusTransaction.requiringNew().call(() -> outbox.count("publishedAt is not null")) - before >= n);
            long done = System.nanoTime();

            List<Long> latencies = latencies(kafka, ids);
            double seconds = (done - start) / 1e9;
            System.out.printf(Locale.ROOT, "%nCatalogThroughputBenchmark: %d items%n", n);
            System.out.printf(Locale.ROOT, "  produce %.2f s, consume+classify+store+outbox+publish done after %.2f s%n",
                    (sent - start) / 1e9, seconds);
            System.out.printf(Locale.ROOT, "  sustained throughput: %.0f items/s%n", n / seconds);
            System.out.printf(Locale.ROOT, "  news.ingested -> news.catalogued (broker timestamps) p50=%d ms p95=%d ms max=%d ms%n",
                    pct(latencies, 50), pct(latencies, 95), latencies.get(latencies.size() - 1));
        }
    }

    /** One item through the whole path at a time, to measure latency without a backlog. */
    private void warmUp(KafkaTestClient kafka, List<GoldCorpus.Item> corpus, String run) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String id = "warm-" + run + "-" + i;
            ids.add(id);
            kafka.send(Topics.NEWS_INGESTED, event(id, corpus.get(i)));
            kafka.await(Topics.NEWS_CATALOGUED, id::equals, 1);
        }
        List<Long> single = latencies(kafka, ids.subList(10, 20));
        System.out.printf(Locale.ROOT, "%nCatalogThroughputBenchmark: one item at a time (no backlog): "
                + "news.ingested -> news.catalogued p50=%d ms max=%d ms%n", pct(single, 50), single.get(single.size() - 1));
    }

    private static List<Long> latencies(KafkaTestClient kafka, List<String> ids) {
        Set<String> wanted = new HashSet<>(ids);
        Map<String, Long> in = new HashMap<>();
        kafka.await(Topics.NEWS_INGESTED, wanted::contains, ids.size()).forEach(r -> in.put(r.key(), r.timestamp()));
        List<Long> out = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : kafka.await(Topics.NEWS_CATALOGUED, wanted::contains, ids.size())) {
            out.add(r.timestamp() - in.get(r.key()));
        }
        Collections.sort(out);
        return out;
    }

    private static long pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static NewsItemIngested event(String id, GoldCorpus.Item item) {
        String body = item.body();
        return new NewsItemIngested(id, 1, new SourceRef("benchmark", "https://example.org/" + item.page()),
                LocalDate.parse(item.date()), null, item.title(), body.length() > 200 ? body.substring(0, 200) : body,
                body, null, "en", Integer.toHexString((item.title() + body).hashCode()), Instant.now());
    }
}
