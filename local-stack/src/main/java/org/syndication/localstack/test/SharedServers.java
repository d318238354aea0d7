package org.syndication.localstack.test;

import org.syndication.localstack.KafkaBroker;
import org.syndication.localstack.Ports;
import org.syndication.localstack.PostgresServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One Kafka broker and one PostgreSQL server per test JVM, on free ports, started on first use and stopped when
 * the JVM exits. Sharing them keeps a module's integration tests fast; each test class still gets its own
 * database, and tests use their own ids, so they never see each other's data.
 */
final class SharedServers {

    private static KafkaBroker kafka;
    private static PostgresServer postgres;

    private SharedServers() {
    }

    static synchronized KafkaBroker kafka() {
        if (kafka == null) {
            Path dir = tempDir("syndication-kafka-");
            kafka = KafkaBroker.start(Ports.free(), Ports.free(), dir);
            kafka.createTopics();
            stopAtExit("stop-test-kafka", kafka, dir);
        }
        return kafka;
    }

    static synchronized PostgresServer postgres() {
        if (postgres == null) {
            Path dir = tempDir("syndication-postgres-");
            postgres = PostgresServer.start(Ports.free(), dir.resolve("data"), false);
            stopAtExit("stop-test-postgres", postgres, dir);
        }
        return postgres;
    }

    private static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void stopAtExit(String name, AutoCloseable server, Path dir) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception ignored) {
                // the JVM is exiting; the child process dies with its stdin anyway
            }
            TempDirs.delete(dir);
        }, name));
    }
}
