package org.syndication.ingest.messaging;

import org.junit.jupiter.api.Test;
import org.syndication.events.Topics;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Every channel configured in application.properties is a {@link Channels} constant bound to a contract topic. */
class ChannelsTest {

    private static final Pattern CHANNEL_KEY = Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\.(.+)");

    @Test
    void configuredChannelsAreConstantsAndTheirTopicsAreContractTopics() throws IOException, IllegalAccessException {
        Properties properties = new Properties();
        try (InputStream in = ChannelsTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        Set<String> constants = constants();
        Set<String> configured = properties.stringPropertyNames().stream()
                .map(CHANNEL_KEY::matcher).filter(Matcher::matches).map(m -> m.group(2))
                .collect(Collectors.toSet());
        assertThat(configured).isEqualTo(constants);
        for (String channel : configured) {
            assertThat(properties.getProperty("mp.messaging.outgoing." + channel + ".topic"))
                    .as("topic of channel %s", channel).isIn(Topics.ALL);
        }
        assertThat(properties.getProperty("mp.messaging.outgoing." + Channels.NEWS_INGESTED + ".topic"))
                .isEqualTo(Topics.NEWS_INGESTED);
    }

    private static Set<String> constants() throws IllegalAccessException {
        Set<String> names = new java.util.HashSet<>();
        for (Field field : Arrays.stream(Channels.class.getDeclaredFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class).toList()) {
            names.add((String) field.get(null));
        }
        return names;
    }
}
