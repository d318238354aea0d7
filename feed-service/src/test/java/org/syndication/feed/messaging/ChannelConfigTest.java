package org.syndication.feed.messaging;

import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.syndication.events.Topics;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The channel → topic bindings of application.properties use only Channels and Topics constants, and every channel
 * has the settings of the one way catalog and feed send and dead-letter (the same as catalog-service's test).
 */
class ChannelConfigTest {

    @Test
    void everyConfiguredChannelIsAConstantBoundToAContractTopic() throws IOException {
        Properties props = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("application.properties")) {
            props.load(in);
        }
        Map<String, String> topics = new TreeMap<>();
        props.stringPropertyNames().stream()
                .filter(k -> k.startsWith("mp.messaging.") && (k.endsWith(".topic")))
                .forEach(k -> topics.put(k, props.getProperty(k)));

        assertThat(topics).containsOnly(
                Map.entry("mp.messaging.incoming." + Channels.NEWS_CATALOGUED + ".topic", Topics.NEWS_CATALOGUED),
                Map.entry("mp.messaging.outgoing." + Channels.NEWS_CATALOGUED_DLQ + ".topic", Topics.NEWS_CATALOGUED_DLQ),
                Map.entry("mp.messaging.outgoing." + Channels.NEWS_DIGESTS + ".topic", Topics.NEWS_DIGESTS));
        Set<String> channels = props.stringPropertyNames().stream()
                .filter(k -> k.startsWith("mp.messaging.incoming.") || k.startsWith("mp.messaging.outgoing."))
                .map(k -> k.split("\\.")[3])
                .collect(Collectors.toSet());
        assertThat(channels).containsExactlyInAnyOrder(Channels.NEWS_CATALOGUED, Channels.NEWS_CATALOGUED_DLQ,
                Channels.NEWS_DIGESTS);
        // poison records are dead-lettered one by one by the consumer (service-support's DeadLetters); a batch that
        // throws stops the channel rather than dead-lettering every record of it
        assertThat(props.getProperty("mp.messaging.incoming." + Channels.NEWS_CATALOGUED + ".failure-strategy"))
                .isEqualTo("fail");
        assertThat(props.getProperty("mp.messaging.incoming." + Channels.NEWS_CATALOGUED + ".fail-on-deserialization-failure"))
                .isEqualTo("false");
        String dlq = "mp.messaging.outgoing." + Channels.NEWS_CATALOGUED_DLQ + ".";
        assertThat(props.getProperty(dlq + "value.serializer")).isEqualTo(ByteArraySerializer.class.getName());
        assertThat(props.getProperty(dlq + "acks")).isEqualTo("all");
        assertThat(props.getProperty(dlq + "enable.idempotence")).isEqualTo("true");
        String out = "mp.messaging.outgoing." + Channels.NEWS_DIGESTS + ".";
        assertThat(props.getProperty(out + "acks")).isEqualTo("all");
        assertThat(props.getProperty(out + "enable.idempotence")).isEqualTo("true");
    }
}
