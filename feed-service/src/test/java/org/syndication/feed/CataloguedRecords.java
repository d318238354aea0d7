package org.syndication.feed;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.syndication.events.CeHeaders;
import org.syndication.events.CeTypes;
import org.syndication.events.EventJson;
import org.syndication.events.NewsItemCatalogued;
import org.syndication.events.Topics;
import org.syndication.events.TraceHeaders;
import org.syndication.localstack.test.KafkaResource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/** Publishes news.catalogued records the way catalog does (CloudEvents binary headers), to the test broker. */
public final class CataloguedRecords implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    public CataloguedRecords() {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty(KafkaResource.BOOTSTRAP),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0),
                new StringSerializer(), new ByteArraySerializer());
    }

    public void send(NewsItemCatalogued event) {
        sendRaw(event.itemId(), EventJson.toBytes(event), event.themeSlugs());
    }

    /** As catalog's relay sends it with tracing on: with a W3C {@code traceparent} header. */
    public void send(NewsItemCatalogued event, String traceparent) {
        send(event.itemId(), EventJson.toBytes(event), event.themeSlugs(), List.of(header(TraceHeaders.TRACEPARENT,
                traceparent)));
    }

    /** Any bytes under any key, e.g. a poison record. */
    public void sendRaw(String key, byte[] value, String themes) {
        send(key, value, themes, List.of());
    }

    private void send(String key, byte[] value, String themes, List<RecordHeader> extra) {
        List<RecordHeader> headers = new ArrayList<>(List.of(
                header(CeHeaders.SPEC_VERSION, CeHeaders.SPEC_VERSION_1_0),
                header(CeHeaders.ID, UUID.randomUUID().toString()),
                header(CeHeaders.TYPE, CeTypes.NEWS_ITEM_CATALOGUED),
                header(CeHeaders.SOURCE, "/catalog-service"),
                header(CeHeaders.TIME, Instant.now().toString()),
                header(CeHeaders.CONTENT_TYPE, CeHeaders.JSON),
                header(CeHeaders.THEMES, themes)));
        headers.addAll(extra);
        var record = new ProducerRecord<>(Topics.NEWS_CATALOGUED, null, key, value, List.copyOf(headers));
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RecordHeader header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
