package org.syndication.ingest.messaging;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.syndication.events.Topics;
import org.syndication.ingest.config.IngestConfig;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The configuration of the transactional producers, and that nothing else writes news.ingested. */
class TransactionalProducersTest {

    private static IngestConfig.Publish publish() {
        return new IngestConfig.Publish() {
            public String ceSource() {
                return "/ingest-service";
            }

            public Duration ackTimeout() {
                return Duration.ofSeconds(10);
            }

            public int retryAfterSeconds() {
                return 30;
            }

            public Optional<String> instanceId() {
                return Optional.empty();
            }

            public int producers() {
                return 4;
            }

            public Duration kafkaTimeout() {
                return Duration.ofSeconds(3);
            }

            public Duration transactionTimeout() {
                return Duration.ofSeconds(15);
            }
        };
    }

    @Test
    void producersAreTransactionalIdempotentWithAcksAllAndBoundedTimeouts() {
        Map<String, Object> config = TransactionalProducers.producerConfig(
                Map.of("bootstrap.servers", "broker:9092", "security.protocol", "SASL_SSL", "acks", "1"),
                "ingest-service-pod-a-0", publish());
        assertThat(config)
                .containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "broker:9092")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "ingest-service-pod-a-0")
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000L)
                .containsEntry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000)
                .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 6000)
                .containsEntry(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 15000);
        // the producer checks these against each other when it starts (serializers are given as instances)
        Map<String, Object> complete = new HashMap<>(config);
        complete.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        complete.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        assertThat(new ProducerConfig(complete).getString(ProducerConfig.TRANSACTIONAL_ID_CONFIG))
                .isEqualTo("ingest-service-pod-a-0");
    }

    @Test
    void transactionalIdsNameTheApplicationAndTheInstance() {
        assertThat(TransactionalProducers.transactionalIdPrefix("ingest-service", "Pod A/7"))
                .isEqualTo("ingest-service-pod-a-7-");
        assertThat(TransactionalProducers.transactionalIdPrefix("ingest-service", "ingest-7f9c-x2"))
                .isNotEqualTo(TransactionalProducers.transactionalIdPrefix("ingest-service", "ingest-7f9c-x3"));
    }

    @Test
    void noMessagingChannelWritesNewsIngestedOutsideATransaction() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = TransactionalProducersTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        assertThat(properties.stringPropertyNames())
                .filteredOn(key -> key.startsWith("mp.messaging.outgoing.") && key.endsWith(".topic"))
                .noneMatch(key -> properties.getProperty(key).equals(Topics.NEWS_INGESTED));
    }
}
