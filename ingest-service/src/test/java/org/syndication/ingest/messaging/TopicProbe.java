package org.syndication.ingest.messaging;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import static org.awaitility.Awaitility.await;

/**
 * Reads a topic with a plain {@link KafkaConsumer} (no group, explicit partitions), {@code read_committed} as every
 * consumer of {@code news.ingested} must: {@link #mark()} the current end, act, then {@link #readSince(Map)} every
 * committed record written since. The end is the log end (high watermark), not the last stable offset, and reading
 * goes on until the consumer has passed it, so the commit or abort markers of every transaction written before
 * are read too (a commit returns before its markers are written). {@link #uncommitted} also shows records of
 * aborted transactions.
 */
public final class TopicProbe implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    /** read_uncommitted, only for the log end offsets. */
    private final KafkaConsumer<String, String> ends;
    private final List<TopicPartition> partitions;

    /** A read_committed probe. */
    public TopicProbe(String bootstrapServers, String topic) {
        this(bootstrapServers, topic, IsolationLevel.READ_COMMITTED);
    }

    private TopicProbe(String bootstrapServers, String topic, IsolationLevel isolation) {
        consumer = new KafkaConsumer<>(properties(bootstrapServers, isolation));
        ends = new KafkaConsumer<>(properties(bootstrapServers, IsolationLevel.READ_UNCOMMITTED));
        partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
    }

    /** A read_uncommitted probe: also records of aborted or open transactions (to show what the log holds). */
    public static TopicProbe uncommitted(String bootstrapServers, String topic) {
        return new TopicProbe(bootstrapServers, topic, IsolationLevel.READ_UNCOMMITTED);
    }

    private static Properties properties(String bootstrapServers, IsolationLevel isolation) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation.toString().toLowerCase(Locale.ROOT));
        return props;
    }

    /** The log end offset (high watermark) of every partition now. */
    public Map<TopicPartition, Long> mark() {
        return ends.endOffsets(partitions, Duration.ofSeconds(10));
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
        ends.close(Duration.ofSeconds(2));
    }
}
