package org.syndication.feed;

import org.flywaydb.core.Flyway;
import org.syndication.localstack.test.PostgresResource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * A fresh database of the real PostgreSQL for tests of the feed service's migrations and query plans, without
 * Quarkus: Flyway migrates it with the service's own {@code db/migration} scripts, to a given version or to the latest.
 */
public final class MigratedDatabase {

    private final String url;
    private final String user;
    private final String password;

    public MigratedDatabase() {
        Map<String, String> config = new PostgresResource().start();
        url = config.get("quarkus.datasource.jdbc.url");
        user = config.get("quarkus.datasource.username");
        password = config.get("quarkus.datasource.password");
    }

    /** Migrates up to and including {@code version}, or to the latest when null. */
    public MigratedDatabase migrate(String version) {
        var configuration = Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration");
        if (version != null) {
            configuration.target(version);
        }
        configuration.load().migrate();
        return this;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }
}
