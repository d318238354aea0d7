package org.syndication.bench;

import org.syndication.localstack.PostgresServer;
import org.syndication.localstack.ProductProcesses;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/** Read-only looks into the services' databases (the benchmarks' view of what each stage has stored). */
final class ProductDatabase {

    private ProductDatabase() {
    }

    static long count(ProductProcesses product, String database, String table) throws SQLException {
        try (Connection connection = connect(product, database);
             var rows = connection.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /**
     * Counts one table's rows over a connection held open: for polling loops. A connection per look (as
     * {@link #count}) starts a PostgreSQL backend each time, and a loop looking every few milliseconds at two
     * databases took a whole core of the two the measured services run on.
     */
    static RowCount rowCount(ProductProcesses product, String database, String table) throws SQLException {
        return new RowCount(connect(product, database), table);
    }

    static final class RowCount implements AutoCloseable {
        private final Connection connection;
        private final java.sql.PreparedStatement query;

        private RowCount(Connection connection, String table) throws SQLException {
            this.connection = connection;
            this.query = connection.prepareStatement("SELECT count(*) FROM " + table);
        }

        long now() throws SQLException {
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }

    /** Every value of one column, e.g. the ids of the items a stage holds. */
    static Set<String> values(ProductProcesses product, String database, String table, String column)
            throws SQLException {
        Set<String> values = new HashSet<>();
        try (Connection connection = connect(product, database);
             var rows = connection.createStatement().executeQuery("SELECT " + column + " FROM " + table)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static Connection connect(ProductProcesses product, String database) throws SQLException {
        return DriverManager.getConnection(product.stack().postgres().jdbcUrl(database), PostgresServer.USER,
                PostgresServer.PASSWORD);
    }
}
