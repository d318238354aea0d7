package org.syndication.localstack;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Kafka, PostgreSQL and the SMTP sink together, as {@code ./syndicate up} runs them: fixed ports, one database
 * per service, every topic created, and a data directory that survives a restart.
 */
public final class LocalStack implements AutoCloseable {

    /** One database per service, as in production (one CloudNativePG database per service). */
    public static final List<String> DATABASES = List.of("ingest", "catalog", "feed");

    private static final Logger LOG = Logger.getLogger(LocalStack.class);

    private final KafkaBroker kafka;
    private final PostgresServer postgres;
    private final SmtpSink smtp;

    private LocalStack(KafkaBroker kafka, PostgresServer postgres, SmtpSink smtp) {
        this.kafka = kafka;
        this.postgres = postgres;
        this.smtp = smtp;
    }

    /** Fixed ports of the local stack; documented in the README. */
    public record Settings(Path dataDir, boolean fresh, int kafkaPort, int kafkaControllerPort, int postgresPort,
                           int smtpPort, int smtpApiPort) {

        public static Settings defaults(Path dataDir, boolean fresh) {
            return new Settings(dataDir, fresh, 19092, 19093, 15432, 2525, 8025);
        }
    }

    public static LocalStack start(Settings settings) {
        Ports.requireFree(settings.kafkaPort(), "Kafka");
        Ports.requireFree(settings.kafkaControllerPort(), "Kafka controller");
        Ports.requireFree(settings.postgresPort(), "PostgreSQL");
        Ports.requireFree(settings.smtpPort(), "SMTP sink");
        Ports.requireFree(settings.smtpApiPort(), "SMTP sink API");
        if (settings.fresh()) {
            deleteRecursively(settings.dataDir());
        }
        // Kafka and PostgreSQL start side by side: together they are most of the start-up time.
        var kafka = CompletableFuture.supplyAsync(() -> KafkaBroker.start(settings.kafkaPort(),
                settings.kafkaControllerPort(), settings.dataDir().resolve("kafka")));
        var postgres = CompletableFuture.supplyAsync(() -> PostgresServer.start(settings.postgresPort(),
                settings.dataDir().resolve("postgres"), true));
        SmtpSink smtp = null;
        try {
            smtp = SmtpSink.start(settings.smtpPort(), settings.smtpApiPort());
            LocalStack stack = new LocalStack(kafka.join(), postgres.join(), smtp);
            stack.kafka.createTopics();
            DATABASES.forEach(stack.postgres::createDatabase);
            return stack;
        } catch (RuntimeException e) {
            kafka.thenAccept(KafkaBroker::close);
            postgres.thenAccept(PostgresServer::close);
            if (smtp != null) {
                smtp.close();
            }
            throw e;
        }
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public SmtpSink smtp() {
        return smtp;
    }

    /** Stops the SMTP sink, then Kafka and PostgreSQL, each cleanly so nothing written is lost. */
    @Override
    public void close() {
        LOG.info("Stopping the local stack");
        smtp.close();
        var stopKafka = CompletableFuture.runAsync(kafka::close);
        postgres.close();
        stopKafka.join();
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
