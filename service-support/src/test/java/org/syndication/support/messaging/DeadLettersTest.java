package org.syndication.support.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.syndication.events.DeadLetterHeaders;
import org.syndication.events.EventJson;
import org.syndication.events.SourceRef;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLettersTest {

    @Test
    void theDeadLetterKeepsTheEventsBytesOrTheRawBytesThatCouldNotBeRead() {
        SourceRef event = new SourceRef("src", "https://example.org");
        assertThat(DeadLetters.originalValue(record(event, new RecordHeaders()))).isEqualTo(EventJson.toBytes(event));

        RecordHeaders failed = new RecordHeaders();
        failed.add(DeadLetterHeaders.DESERIALIZATION_FAILURE_REASON, "bad json".getBytes(StandardCharsets.UTF_8));
        failed.add(DeadLetterHeaders.DESERIALIZATION_FAILURE_DATA, "{not json".getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<String, Object> unreadable = record(null, failed);
        assertThat(DeadLetters.originalValue(unreadable)).asString(StandardCharsets.UTF_8).isEqualTo("{not json");
        assertThat(DeadLetters.deserializationFailure(unreadable)).isEqualTo("bad json");

        ConsumerRecord<String, Object> tombstone = record(null, new RecordHeaders());
        assertThat(DeadLetters.originalValue(tombstone)).isNull();
        assertThat(DeadLetters.deserializationFailure(tombstone)).isNull();
    }

    private static ConsumerRecord<String, Object> record(Object value, RecordHeaders headers) {
        return new ConsumerRecord<>("news.ingested", 0, 7L, 0L, TimestampType.CREATE_TIME, 0, 0, "k", value,
                headers, Optional.empty());
    }
}
