package org.syndication.events;

import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka value deserializer for one event type. A malformed record throws {@link MalformedEventException};
 * consumers configure {@code fail-on-deserialization-failure=false} so it reaches the DLQ.
 * A null value (a tombstone) stays null.
 */
public class EventDeserializer<T> implements Deserializer<T> {

    private final Class<T> type;

    protected EventDeserializer(Class<T> type) {
        this.type = type;
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        return data == null ? null : EventJson.fromBytes(data, type);
    }

    public static class NewsItemIngestedDeserializer extends EventDeserializer<NewsItemIngested> {
        public NewsItemIngestedDeserializer() {
            super(NewsItemIngested.class);
        }
    }

    public static class NewsItemCataloguedDeserializer extends EventDeserializer<NewsItemCatalogued> {
        public NewsItemCataloguedDeserializer() {
            super(NewsItemCatalogued.class);
        }
    }

    public static class DigestIssuedDeserializer extends EventDeserializer<DigestIssued> {
        public DigestIssuedDeserializer() {
            super(DigestIssued.class);
        }
    }
}
