package org.syndication.localstack.test;

import org.jboss.logging.Logger;
import org.syndication.localstack.KafkaBroker;
import org.syndication.localstack.Ports;
import org.syndication.localstack.PostgresServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * One Kafka broker and one PostgreSQL server per test JVM, started on first use and stopped when the JVM exits.
 * Sharing them keeps a module's integration tests fast; each test class still gets its own database, and tests use
 * their own ids, so they never see each other's data. They are containers when a Docker daemon answers and the
 * local-stack servers (on free ports) otherwise, chosen once per JVM by {@link StackChoice}.
 */
final class SharedServers {

    private static final Logger LOG = Logger.getLogger(SharedServers.class);

    private static StackChoice.Stack stack;
    private static TestServers.Kafka kafka;
    private static TestServers.Postgres postgres;

    private SharedServers() {
    }

    static synchronized TestServers.Kafka kafka() {
        if (kafka == null) {
            kafka = stack() == StackChoice.Stack.CONTAINERS ? ContainerServers.kafka() : localKafka();
        }
        return kafka;
    }

    static synchronized TestServers.Postgres postgres() {
        if (postgres == null) {
            postgres = stack() == StackChoice.Stack.CONTAINERS ? ContainerServers.postgres() : localPostgres();
        }
        return postgres;
    }

    /** Decided once per JVM, logged in one line. */
    private static StackChoice.Stack stack() {
        if (stack == null) {
            String requested = System.getProperty(StackChoice.PROPERTY);
            long started = System.nanoTime();
            stack = StackChoice.choose(requested, DockerDaemon::answers);
            LOG.infof("integration tests use %s (-D%s=%s, decided in %d ms)",
                    stack == StackChoice.Stack.CONTAINERS ? "Kafka and PostgreSQL containers (Docker)"
                            : "the local-stack Kafka and PostgreSQL servers",
                    StackChoice.PROPERTY, requested == null ? "auto" : requested,
                    (System.nanoTime() - started) / 1_000_000);
        }
        return stack;
    }

    private static TestServers.Kafka localKafka() {
        KafkaBroker broker = withOneRetry("Kafka", SharedServers::startKafka);
        return broker::bootstrapServers;
    }

    private static KafkaBroker startKafka() {
        Path dir = tempDir("syndication-kafka-");
        KafkaBroker broker = null;
        try {
            broker = KafkaBroker.start(Ports.free(), Ports.free(), dir);
            broker.createTopics();
            stopAtExit("stop-test-kafka", broker, dir);
            return broker;
        } catch (RuntimeException e) {
            if (broker != null) {
                broker.close();
            }
            TempDirs.delete(dir);
            throw e;
        }
    }

    private static PostgresServer startPostgres() {
        Path dir = tempDir("syndication-postgres-");
        try {
            PostgresServer server = PostgresServer.start(Ports.free(), dir.resolve("data"), false);
            stopAtExit("stop-test-postgres", server, dir);
            return server;
        } catch (RuntimeException e) {
            TempDirs.delete(dir);
            throw e;
        }
    }

    /**
     * A port from {@link Ports#free()} is only free until somebody binds it: the broker's child JVM binds seconds
     * later, while the other server and the application start in parallel. A start that fails is therefore tried
     * once more on new ports, and its first failure logged, so that a module's whole run of tests does not hang on
     * one lost race.
     */
    static <T> T withOneRetry(String what, Supplier<T> start) {
        try {
            return start.get();
        } catch (RuntimeException first) {
            LOG.warnf(first, "%s for the tests did not start; trying once more on new ports", what);
            return start.get();
        }
    }

    private static TestServers.Postgres localPostgres() {
        PostgresServer server = withOneRetry("PostgreSQL", SharedServers::startPostgres);
        return new TestServers.Postgres() {
            @Override
            public String jdbcUrl(String database) {
                return server.jdbcUrl(database);
            }

            @Override
            public void createDatabase(String name) {
                server.createDatabase(name);
            }
        };
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
