package org.syndication.catalog;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.syndication.catalog.service.CatalogService;
import org.syndication.events.CeHeaders;
import org.syndication.events.EventJson;
import org.syndication.events.NewsItemCatalogued;
import org.syndication.events.Topics;
import org.syndication.localstack.test.KafkaResource;
import org.syndication.localstack.test.PostgresResource;
import org.syndication.support.messaging.BacklogMetrics;
import org.syndication.support.messaging.OutboxRelay;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox survives a crash between commit and publish: with the relay stopped (as if the process died right after
 * the commit), changes are committed with their outbox rows and nothing reaches Kafka; a relay that runs later
 * publishes every row, in order, with ce_id = row id, and marks them published.
 */
@QuarkusTest
@TestProfile(OutboxRecoveryIT.RelayStopped.class)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(value = PostgresResource.class, parallel = true)
class OutboxRecoveryIT {

    public static class RelayStopped implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("catalog.outbox.enabled", "false");
        }
    }

    @Inject
    CatalogService catalog;

    @Inject
    OutboxRepository outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    BacklogMetrics backlog;

    @Test
    void rowsCommittedWhileTheRelayIsDownArePublishedInOrderByTheNextRelay() {
        TestData item = TestData.item().title("Committed before the crash");
        catalog.ingestAll(List.of(item.build()));
        catalog.ingestAll(List.of(item.version(2).title("Corrected before the crash").build()));
        catalog.withdraw(item.itemId());

        List<OutboxEvent> rows = QuarkusTransaction.requiringNew().call(() ->
                outbox.list("aggregateId = ?1 order by createdAt", item.itemId()));
        assertThat(rows).hasSize(3).allSatisfy(r -> assertThat(r.publishedAt).isNull());
        backlog.refresh();
        assertThat(CatalogPipelineIT.metric("outbox_unpublished_rows{topic=\"news.catalogued\"}")).isGreaterThanOrEqualTo(3.0);
        assertThat(CatalogPipelineIT.metric("outbox_oldest_unpublished_seconds{topic=\"news.catalogued\"}"))
                .isGreaterThanOrEqualTo(0.0);

        try (KafkaTestClient kafka = new KafkaTestClient()) {
            assertThat(kafka.readAll(Topics.NEWS_CATALOGUED, item.itemId())).isEmpty();

            int published = 0;
            int sent;
            do {
                sent = relay.publishBatch();
                published += sent;
            } while (sent > 0);
            assertThat(published).isGreaterThanOrEqualTo(3);

            List<ConsumerRecord<String, byte[]>> records = kafka.await(Topics.NEWS_CATALOGUED, item.itemId()::equals, 3);
            assertThat(records).extracting(r -> KafkaTestClient.header(r, CeHeaders.ID))
                    .containsExactly(rows.get(0).id.toString(), rows.get(1).id.toString(), rows.get(2).id.toString());
            assertThat(records).extracting(r -> EventJson.fromBytes(r.value(), NewsItemCatalogued.class).version())
                    .containsExactly(1L, 2L, 3L);
            assertThat(QuarkusTransaction.requiringNew().call(() -> outbox.list("aggregateId", item.itemId())))
                    .allSatisfy(r -> assertThat(r.publishedAt).isNotNull());

            assertThat(relay.publishBatch()).as("nothing left to send").isZero();
            backlog.refresh();
            assertThat(CatalogPipelineIT.metric("outbox_unpublished_rows{topic=\"news.catalogued\"}")).isZero();
            assertThat(CatalogPipelineIT.metric("outbox_oldest_unpublished_seconds{topic=\"news.catalogued\"}")).isZero();
            assertThat(kafka.readAll(Topics.NEWS_CATALOGUED, item.itemId())).hasSize(3);
        }
    }
}
