package org.syndication.events;

import org.apache.kafka.common.serialization.Serializer;

/** Kafka value serializer for every event record of the contract. */
public class EventSerializer<T> implements Serializer<T> {

    @Override
    public byte[] serialize(String topic, T data) {
        return data == null ? null : EventJson.toBytes(data);
    }
}
