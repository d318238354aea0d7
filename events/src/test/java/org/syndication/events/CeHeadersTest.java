package org.syndication.events;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CeHeadersTest {

    @Test
    void everyRecordCarriesTheSevenBinaryModeHeadersAsUtf8Text() {
        RecordHeaders headers = CeHeaders.of("id-1", CeTypes.NEWS_ITEM_INGESTED, "/ingest-service",
                "2026-11-23T10:00:00Z", "item-ä");
        CeHeaders.add(headers, CeHeaders.THEMES, "corruption,cybercrime");

        Map<String, String> text = new LinkedHashMap<>();
        for (Header header : headers) {
            text.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        assertThat(text).containsExactly(
                Map.entry("ce_specversion", "1.0"),
                Map.entry("ce_id", "id-1"),
                Map.entry("ce_type", CeTypes.NEWS_ITEM_INGESTED),
                Map.entry("ce_source", "/ingest-service"),
                Map.entry("ce_time", "2026-11-23T10:00:00Z"),
                Map.entry("ce_subject", "item-ä"),
                Map.entry("content-type", "application/json"),
                Map.entry("ce_themes", "corruption,cybercrime"));
    }
}
