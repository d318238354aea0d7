package org.syndication.localstack.test;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * A real Kafka broker (KRaft, child JVM) for {@code @QuarkusTest}s: sets {@code kafka.bootstrap.servers}.
 * Every topic of the contract exists. Declare it with {@code @WithTestResource(value = KafkaResource.class,
 * parallel = true)}: the test classes with the same resources and profile then share one application (each
 * restricted class, {@code restrictToAnnotatedClass = true}, costs an application start and build of its own).
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
