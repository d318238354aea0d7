package org.syndication.ingest.rest;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.syndication.localstack.KafkaBroker;
import org.syndication.localstack.Ports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Points the service at a Kafka broker that is not running yet (a free port with nothing on it), and lets the
 * test start a real, private broker on that very port later: "Kafka down", then "Kafka back". The shared
 * broker of the other tests is never touched.
 */
public class UnreachableKafkaResource implements QuarkusTestResourceLifecycleManager {

    private static final String BOOTSTRAP = "kafka.bootstrap.servers";

    private static int port;
    private static int controllerPort;
    private static KafkaBroker broker;
    private static Path dataDir;
    private static String previousBootstrap;

    @Override
    public Map<String, String> start() {
        port = Ports.free();
        controllerPort = Ports.free();
        String bootstrap = "127.0.0.1:" + port;
        // KafkaResource publishes its broker as a system property, which outranks test resource config: replace
        // it while this class runs, and put it back after.
        previousBootstrap = System.getProperty(BOOTSTRAP);
        System.setProperty(BOOTSTRAP, bootstrap);
        return Map.of(BOOTSTRAP, bootstrap);
    }

    /** Starts the broker on the port the service was given, with every topic of the contract. */
    static synchronized KafkaBroker bringUp() {
        if (broker == null) {
            try {
                dataDir = Files.createTempDirectory("ingest-kafka-down-");
                broker = KafkaBroker.start(port, controllerPort, dataDir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            broker.createTopics();
        }
        return broker;
    }

    @Override
    public synchronized void stop() {
        if (previousBootstrap == null) {
            System.clearProperty(BOOTSTRAP);
        } else {
            System.setProperty(BOOTSTRAP, previousBootstrap);
        }
        if (broker != null) {
            broker.close();
            broker = null;
        }
        if (dataDir != null) {
            try (Stream<Path> paths = Files.walk(dataDir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // a temporary directory; the OS cleans it eventually
            }
        }
    }
}
