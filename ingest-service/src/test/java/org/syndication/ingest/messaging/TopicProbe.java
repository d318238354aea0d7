package org.syndication.ingest.messaging;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.awaitility.Awaitility.await;

/**
 * Reads a topic with a plain {@link KafkaConsumer} (no group, explicit partitions): {@link #mark()} the current
 * end, act, then {@link #readSince(Map)} everything written since; the records of an acknowledged send are
 * below the end offsets, so nothing needs waiting for.
 */
public final class TopicProbe implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<TopicPartition> partitions;

    public TopicProbe(String bootstrapServers, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(props);
        partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
    }

    /** The end offset of every partition now. */
    public Map<TopicPartition, Long> mark() {
        return consumer.endOffsets(partitions, Duration.ofSeconds(10));
    }

    /** Every record written between {@code from} and the current end. */
    public List<ConsumerRecord<String, String>> readSince(Map<TopicPartition, Long> from) {
        Map<TopicPartition, Long> to = mark();
        from.forEach(consumer::seek);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            return to.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
        });
        records.removeIf(r -> r.offset() >= to.get(new TopicPartition(r.topic(), r.partition())));
        return records;
    }

    /** The records among {@code records} whose key is one of {@code keys}. */
    public static List<ConsumerRecord<String, String>> withKeys(List<ConsumerRecord<String, String>> records,
                                                               Collection<String> keys) {
        return records.stream().filter(r -> keys.contains(r.key())).toList();
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
