package org.syndication.catalog;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.common.annotation.Identifier;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.syndication.catalog.messaging.EventTracing;
import org.syndication.catalog.config.CatalogConfig;
import org.syndication.catalog.messaging.Channels;
import org.syndication.catalog.service.CatalogService;
import org.syndication.events.CeHeaders;
import org.syndication.events.EventJson;
import org.syndication.events.NewsItemCatalogued;
import org.syndication.events.Topics;
import org.syndication.localstack.test.KafkaResource;
import org.syndication.localstack.test.PostgresResource;
import org.syndication.support.messaging.KafkaSender;
import org.syndication.support.messaging.OutboxRelay;
import org.syndication.support.messaging.OutboxTable;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two catalog instances' outbox relays draining one outbox at the same time (the application's relay is instance
 * A, a second relay built from the same parts is instance B), in small batches so that they interleave: every row
 * is published once, and each item's versions reach the compacted topic in order (so compaction keeps the newest).
 */
@QuarkusTest
@TestProfile(ScaleOutRelayIT.SmallBatchesDriven.class)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(value = PostgresResource.class, parallel = true)
class ScaleOutRelayIT {

    /** The relays run only when the test calls them, five rows a batch. */
    public static class SmallBatchesDriven implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("catalog.outbox.enabled", "false", "catalog.outbox.batch-size", "5");
        }
    }

    @Inject
    CatalogService catalog;

    @Inject
    OutboxRepository outbox;

    @Inject
    OutboxRelay relayA;

    @Inject
    EventTracing tracing;

    @Inject
    @Identifier(Channels.NEWS_CATALOGUED)
    KafkaSender sender;

    @Inject
    OutboxTable table;

    @Inject
    CatalogConfig config;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry meters;

    @Test
    void twoRelaysAtOncePublishEveryRowOnceAndEachItemsVersionsInOrder() throws Exception {
        List<TestData> items = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            items.add(TestData.item().title("Scale-out item " + i));
        }
        for (int version = 1; version <= 3; version++) {
            for (TestData item : items) {
                catalog.ingestAll(List.of(
                        item.version(version).title("Scale-out item v" + version + " " + item.itemId()).build()));
            }
        }
        Set<String> keys = new HashSet<>();
        items.forEach(i -> keys.add(i.itemId()));
        List<OutboxEvent> rows = QuarkusTransaction.requiringNew().call(() ->
                outbox.list("aggregateId in ?1", keys));
        assertThat(rows).hasSize(36).allSatisfy(r -> assertThat(r.publishedAt).isNull());
        OutboxRelay relayB = new OutboxRelay(table, new OutboxRelay.Target(Topics.NEWS_CATALOGUED, sender,
                config.eventSource()), config.outbox(), clock, tracing.kafka(), meters.counter("catalog.outbox.published"));

        List<Integer> published = atOnce(() -> drain(relayA), () -> drain(relayB));

        assertThat(published.get(0) + published.get(1)).isEqualTo(36);
        assertThat(QuarkusTransaction.requiringNew().call(() -> outbox.list("aggregateId in ?1", keys)))
                .allSatisfy(r -> assertThat(r.publishedAt).isNotNull());
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            List<String> ceIds = new ArrayList<>();
            for (TestData item : items) {
                List<ConsumerRecord<String, byte[]>> records = kafka.readAll(Topics.NEWS_CATALOGUED, item.itemId());
                records.forEach(r -> ceIds.add(KafkaTestClient.header(r, CeHeaders.ID)));
                assertThat(records).extracting(r -> EventJson.fromBytes(r.value(), NewsItemCatalogued.class).version())
                        .as("versions of %s in topic order", item.itemId()).containsExactly(1L, 2L, 3L);
            }
            assertThat(ceIds).hasSize(36).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(rows.stream().map(r -> r.id.toString()).toList());
        }
    }

    private static int drain(OutboxRelay relay) {
        int total = 0;
        int sent;
        do {
            sent = relay.publishBatch();
            total += sent;
        } while (sent > 0);
        return total;
    }

    /** Runs both at the same moment on two threads (two instances' relays waking together). */
    @SafeVarargs
    private static <T> List<T> atOnce(Callable<T>... tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.length);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
