package org.syndication.localstack.test;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.syndication.localstack.PostgresServer;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL for {@code @QuarkusTest}s: a fresh database per start on a server shared by the JVM, so per
 * application (the test classes that share resources and profile share it, and use their own ids in it).
 * Sets {@code quarkus.datasource.jdbc.url}, {@code username} and {@code password}.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    @Override
    public Map<String, String> start() {
        TestServers.Postgres server = SharedServers.postgres();
        String database = "test_" + DATABASES.incrementAndGet() + "_" + ProcessHandle.current().pid();
        server.createDatabase(database);
        return Map.of(
                "quarkus.datasource.jdbc.url", server.jdbcUrl(database),
                "quarkus.datasource.username", PostgresServer.USER,
                "quarkus.datasource.password", PostgresServer.PASSWORD);
    }

    @Override
    public void stop() {
        // the database is left for inspection; the server and its directory go when the JVM exits
    }
}
