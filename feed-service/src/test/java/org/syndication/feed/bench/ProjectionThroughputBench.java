package org.syndication.feed.bench;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.syndication.events.CeHeaders;
import org.syndication.events.CeTypes;
import org.syndication.events.EventJson;
import org.syndication.events.NewsItemCatalogued;
import org.syndication.events.Topics;
import org.syndication.feed.FeedItemRepository;
import org.syndication.feed.TestData;
import org.syndication.localstack.test.KafkaResource;
import org.syndication.localstack.test.PostgresResource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Figure, not a test of the build: publishes {@code bench.items} (default 20,000) NewsItemCatalogued records with a
 * plain KafkaProducer and prints how long the projection takes to hold them all (items/s). Run alone:
 * {@code ./mvnw -B verify -pl feed-service -Dtest=none -Dit.test=ProjectionThroughputBench -Dsurefire.failIfNoSpecifiedTests=false}
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = true, parallel = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true, parallel = true)
class ProjectionThroughputBench {

    @Inject
    FeedItemRepository repository;

    @Test
    void catalogued_to_projection_items_per_second() throws Exception {
        int items = Integer.getInteger("bench.items", 20_000);
        long before = projected();
        List<ProducerRecord<String, byte[]>> batch = new ArrayList<>(items);
        for (int i = 0; i < items; i++) {
            NewsItemCatalogued event = TestData.item().title("Bench item " + i)
                    .themes(i % 2 == 0 ? TestData.CORRUPTION : TestData.CYBERCRIME).build();
            batch.add(new ProducerRecord<>(Topics.NEWS_CATALOGUED, null, event.itemId(), EventJson.toBytes(event),
                    List.of(header(CeHeaders.SPEC_VERSION, CeHeaders.SPEC_VERSION_1_0),
                            header(CeHeaders.ID, UUID.randomUUID().toString()),
                            header(CeHeaders.TYPE, CeTypes.NEWS_ITEM_CATALOGUED),
                            header(CeHeaders.SOURCE, "/catalog-service"),
                            header(CeHeaders.TIME, Instant.now().toString()),
                            header(CeHeaders.CONTENT_TYPE, CeHeaders.JSON),
                            header(CeHeaders.THEMES, event.themeSlugs()))));
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty(KafkaResource.BOOTSTRAP),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024),
                new StringSerializer(), new ByteArraySerializer())) {
            long started = System.nanoTime();
            batch.forEach(producer::send);
            producer.flush();
            long produced = System.nanoTime();
            await().atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofMillis(50))
                    .until(() -> projected() - before >= items);
            long done = System.nanoTime();
            double seconds = (done - started) / 1e9;
            System.out.printf("PROJECTION BENCH: %d items produced in %d ms, all projected after %d ms: %.0f items/s%n",
                    items, (produced - started) / 1_000_000, (done - started) / 1_000_000, items / seconds);
        }
        assertThat(projected() - before).isGreaterThanOrEqualTo(items);
    }

    private long projected() {
        return QuarkusTransaction.requiringNew().call(repository::count);
    }

    private static RecordHeader header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
