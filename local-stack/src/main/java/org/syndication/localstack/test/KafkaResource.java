package org.syndication.localstack.test;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * A real Kafka broker (KRaft, child JVM) for {@code @QuarkusTest}s: sets {@code kafka.bootstrap.servers}.
 * Every topic of the contract exists; use {@code restrictToAnnotatedClass = true}.
 */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    /** Also set as a system property, for test code outside Quarkus config. */
    public static final String BOOTSTRAP = "kafka.bootstrap.servers";

    @Override
    public Map<String, String> start() {
        String bootstrap = SharedServers.kafka().bootstrapServers();
        System.setProperty(BOOTSTRAP, bootstrap);
        return Map.of(BOOTSTRAP, bootstrap);
    }

    @Override
    public void stop() {
        // shared by the test classes of this JVM; stopped when the JVM exits
    }
}
