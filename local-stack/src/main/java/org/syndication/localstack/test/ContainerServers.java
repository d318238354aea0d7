package org.syndication.localstack.test;

import org.syndication.localstack.KafkaBroker;
import org.syndication.localstack.PostgresServer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Kafka and PostgreSQL as Testcontainers containers, for when a Docker daemon answers: the same versions as the
 * local stack ({@code apache/kafka} 4.1.1 in KRaft mode, PostgreSQL 17), with the same topics and the same user.
 */
final class ContainerServers {

    static final String KAFKA_IMAGE = "apache/kafka:4.1.1";
    static final String POSTGRES_IMAGE = "postgres:17-alpine";

    private ContainerServers() {
    }

    /** A started broker with every topic of the contract; stopped when the JVM exits (and by Testcontainers' reaper). */
    static TestServers.Kafka kafka() {
        KafkaContainer container = new KafkaContainer(KAFKA_IMAGE)
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
                .withEnv("KAFKA_NUM_PARTITIONS", "3")
                .withEnv("KAFKA_LOG_CLEANER_MIN_COMPACTION_LAG_MS", "0");
        container.start();
        stopAtExit("stop-test-kafka-container", container);
        String bootstrap = container.getBootstrapServers();
        KafkaBroker.createTopics(bootstrap);
        return () -> bootstrap;
    }

    /** A started server whose superuser is {@link PostgresServer#USER}, as with the local server. */
    static TestServers.Postgres postgres() {
        PostgreSQLContainer container = new PostgreSQLContainer(POSTGRES_IMAGE)
                .withUsername(PostgresServer.USER)
                .withPassword(PostgresServer.PASSWORD)
                .withDatabaseName("postgres")
                .withCommand("postgres", "-c", "fsync=off", "-c", "max_connections=300");
        container.start();
        stopAtExit("stop-test-postgres-container", container);
        String base = "jdbc:postgresql://" + container.getHost() + ":"
                + container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT) + "/";
        return new TestServers.Postgres() {
            @Override
            public String jdbcUrl(String database) {
                return base + database;
            }

            @Override
            public void createDatabase(String name) {
                try (Connection connection = DriverManager.getConnection(container.getJdbcUrl(), PostgresServer.USER,
                        PostgresServer.PASSWORD)) {
                    PostgresServer.createDatabase(connection, name);
                } catch (SQLException e) {
                    throw new IllegalStateException("cannot create database " + name, e);
                }
            }
        };
    }

    private static void stopAtExit(String name, AutoCloseable container) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                container.close();
            } catch (Exception ignored) {
                // the JVM is exiting; Testcontainers' reaper removes the container anyway
            }
        }, name));
    }
}
