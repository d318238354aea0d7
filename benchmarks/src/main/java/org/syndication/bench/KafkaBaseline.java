package org.syndication.bench;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.syndication.events.EventSerializer;
import org.syndication.events.NewsItemIngested;

import java.util.Map;
import java.util.concurrent.Future;

/** The reference: a raw Kafka producer (same settings as ingest: idempotent, acks=all) writing item events. */
final class KafkaBaseline {

    private static final int RECORDS = 200_000;

    private KafkaBaseline() {
    }

    static double run(String bootstrap, Report report) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5);
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new EventSerializer<NewsItemIngested>())) {
            long start = System.nanoTime();
            Future<?> last = null;
            for (int i = 0; i < RECORDS; i++) {
                NewsItemIngested item = SyntheticItems.event(i);
                last = producer.send(new ProducerRecord<>("bench.raw-producer", item.itemId(), item));
            }
            producer.flush();
            last.get();
            double perSecond = RECORDS / ((System.nanoTime() - start) / 1e9);
            report.add("raw Kafka producer (reference)", Report.perSecond(perSecond, "items"), "-");
            return perSecond;
        }
    }
}
