package org.syndication.support.messaging;

import org.syndication.support.persistence.Jdbc;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The relay's side of a service's {@code outbox_event} table, in SQL ({@link Jdbc}) on the caller's transaction. Catalog and feed each keep their own table and entity for writing rows, with
 * the same columns: {@code id} (the CloudEvents id), {@code seq} (insertion order), {@code aggregate_type},
 * {@code aggregate_id} (the record key), {@code type} (ce_type), {@code payload} (the event's JSON),
 * {@code headers} (a JSON object of extra Kafka headers), {@code created_at}, {@code published_at} (null until the
 * relay sent it), and the partial index on {@code seq} of unpublished rows; Debezium's outbox columns, so that CDC
 * could take over.
 */
public class OutboxTable {

    /** The advisory lock key of the outbox relay ("outbox" in ASCII); each service has its own database. */
    static final long RELAY_LOCK = 0x6f7574626f78L;

    private final DataSource dataSource;

    public OutboxTable(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A row to publish. */
    public record Row(UUID id, String aggregateId, String type, String payload, String headers, Instant createdAt) {
    }

    /** The rows not published yet and when the oldest of them was written (empty when there is none). */
    public record Backlog(long rows, Optional<Instant> oldest) {
    }

    /**
     * Makes this transaction the only relay at work across every instance (a PostgreSQL advisory lock, released
     * at commit or rollback); another instance's relay waits here until this one committed. SKIP LOCKED alone
     * would let two relays send consecutive versions of one key from two producers at once, so an older version
     * could land after a newer one, and a compacted topic would keep the older.
     */
    public void lockRelay() {
        Jdbc.execute(dataSource, "cannot take the relay lock", connection -> {
            try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(?)")) {
                lock.setLong(1, RELAY_LOCK);
                lock.execute();
            }
        });
    }

    /**
     * Locks the oldest unpublished rows in insertion order; rows locked by another relay are skipped.
     * Must run in a transaction; the locks hold until it ends.
     */
    public List<Row> lockUnpublished(int limit) {
        return Jdbc.query(dataSource, "cannot read unpublished outbox rows", connection -> {
            try (PreparedStatement select = connection.prepareStatement("select id, aggregate_id, type, payload,"
                    + " headers, created_at from outbox_event where published_at is null order by seq limit ?"
                    + " for update skip locked")) {
                select.setInt(1, limit);
                List<Row> rows = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getString(5), Jdbc.instant(rs, 6)));
                    }
                }
                return rows;
            }
        });
    }

    /** Marks the rows published (one statement); in the transaction that locked them. */
    public void markPublished(List<UUID> ids, Instant at) {
        Jdbc.execute(dataSource, "cannot mark outbox rows published", connection -> {
            Array array = connection.createArrayOf("uuid", ids.toArray());
            try (PreparedStatement update = connection.prepareStatement(
                    "update outbox_event set published_at = ? where id = any (?)")) {
                update.setObject(1, Jdbc.utc(at));
                update.setArray(2, array);
                update.executeUpdate();
            } finally {
                array.free();
            }
        });
    }

    /** Rows the relay has not sent yet, and the oldest one's creation time; one query. */
    public Backlog backlog() {
        return Jdbc.query(dataSource, "cannot read the outbox backlog", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select count(*), min(created_at) from outbox_event where published_at is null");
                 ResultSet rs = select.executeQuery()) {
                rs.next();
                return new Backlog(rs.getLong(1), Optional.ofNullable(Jdbc.instant(rs, 2)));
            }
        });
    }

    /** Deletes rows published before {@code cutoff}; returns how many. */
    public long deletePublishedBefore(Instant cutoff) {
        return Jdbc.query(dataSource, "cannot delete published outbox rows", connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "delete from outbox_event where published_at < ?")) {
                delete.setObject(1, Jdbc.utc(cutoff));
                return (long) delete.executeUpdate();
            }
        });
    }
}
