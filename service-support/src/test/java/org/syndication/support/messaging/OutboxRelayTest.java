package org.syndication.support.messaging;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.syndication.events.CeTypes;
import org.syndication.events.EventJson;
import org.syndication.events.EventSerializer;
import org.syndication.events.ItemStatus;
import org.syndication.events.NewsItemCatalogued;
import org.syndication.events.SourceRef;
import org.syndication.events.ThemeTag;
import org.syndication.events.Topics;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxRelayTest {

    @Test
    void theRecordCarriesTheStoredPayloadUnchangedWithTheCloudEventsHeaders() {
        NewsItemCatalogued event = new NewsItemCatalogued("a-1", 2, new SourceRef("src", "https://example.org"),
                LocalDate.of(2024, 1, 1), null, "Title – “quoted” ü", "Summary", "Body\nwith \"quotes\" and ✓",
                "https://example.org/1", "en", "h", List.of(new ThemeTag("cybercrime", "Cybercrime")),
                ItemStatus.PUBLISHED, Instant.parse("2024-01-02T00:00:00.123456Z"), Instant.parse("2024-01-03T00:00:00Z"));
        OutboxTable.Row row = new OutboxTable.Row(UUID.randomUUID(), "a-1", CeTypes.NEWS_ITEM_CATALOGUED,
                EventJson.toJson(event), "{\"ce_themes\":\"cybercrime\"}", Instant.parse("2024-01-03T00:00:00Z"));

        ProducerRecord<String, Object> record = relay().toRecord(row);

        assertThat(record.topic()).isEqualTo(Topics.NEWS_CATALOGUED);
        assertThat(record.key()).isEqualTo("a-1");
        try (EventSerializer<Object> serializer = new EventSerializer<>()) {
            byte[] value = serializer.serialize(Topics.NEWS_CATALOGUED, record.value());
            assertThat(value).isEqualTo(EventJson.toBytes(event));
            assertThat(EventJson.fromBytes(value, NewsItemCatalogued.class)).isEqualTo(event);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header h : record.headers()) {
            headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
        }
        assertThat(headers).containsExactlyInAnyOrderEntriesOf(Map.of("ce_specversion", "1.0", "ce_id", row.id().toString(),
                "ce_type", CeTypes.NEWS_ITEM_CATALOGUED, "ce_source", "/catalog-service", "ce_time", "2024-01-03T00:00:00Z",
                "ce_subject", "a-1", "content-type", "application/json", "ce_themes", "cybercrime"));
    }

    private static OutboxRelay relay() {
        return new OutboxRelay(null, new OutboxRelay.Target(Topics.NEWS_CATALOGUED, null, "/catalog-service"), null,
                Clock.systemUTC(), new KafkaSpans(OpenTelemetry.noop(), "test"),
                new SimpleMeterRegistry().counter("published"));
    }
}
