package org.syndication.support.persistence;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;

/**
 * The one way the services run plain SQL: where Hibernate's per-entity work costs more than the statement (batch
 * writes, the outbox relay, ingest's ledger), a repository runs its statements here instead of through the
 * session. Inside a transaction the data source hands out the connection enlisted in it, so the statements commit
 * or roll back with the caller's entities; outside one the connection is in autocommit and each statement stands
 * alone. A failed statement becomes a {@link JdbcException}, whose cause keeps the SQL state that
 * {@code TransientDatabaseError} reads.
 */
public final class Jdbc {

    /** Statements on a connection that return a result. */
    @FunctionalInterface
    public interface Query<T> {
        T apply(Connection connection) throws SQLException;
    }

    /** Statements on a connection. */
    @FunctionalInterface
    public interface Statements {
        void apply(Connection connection) throws SQLException;
    }

    private Jdbc() {
    }

    /**
     * Runs {@code work} on a connection of {@code dataSource} and returns its result.
     *
     * @param failure what could not be done, for the exception's message ("cannot write items")
     */
    public static <T> T query(DataSource dataSource, String failure, Query<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.apply(connection);
        } catch (SQLException e) {
            throw new JdbcException(failure, e);
        }
    }

    /** Runs {@code work} on a connection of {@code dataSource}; {@code failure} as in {@link #query}. */
    public static void execute(DataSource dataSource, String failure, Statements work) {
        query(dataSource, failure, connection -> {
            work.apply(connection);
            return null;
        });
    }

    /** A {@code varchar[]} parameter ({@code = any(?)}, {@code unnest(?)}) of the values' strings. */
    public static Array varchars(Connection connection, Collection<?> values) throws SQLException {
        return connection.createArrayOf("varchar", values.toArray());
    }

    /** A {@code timestamptz} parameter of an instant (null stays null). */
    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** A {@code timestamptz} column as an instant (null stays null). */
    public static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** A {@code timestamptz} column, by position, as an instant (null stays null). */
    public static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
