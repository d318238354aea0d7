package org.syndication.feed.digest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.syndication.feed.MigratedDatabase;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V26 turns the hand-encoded lists (a subscriber's comma-joined themes, a digest's newline-joined item ids) into
 * {@code text[]}: rows written at V25 read back as the same lists, in the same order, and an empty list stays
 * empty. A fresh database of the real PostgreSQL migrated by Flyway to V25, filled the old way, then migrated on;
 * no Quarkus needed.
 */
class ArrayColumnsMigrationIT {

    private MigratedDatabase database;

    @BeforeEach
    void database() {
        database = new MigratedDatabase();
    }

    @Test
    void commaJoinedThemesAndLineJoinedItemIdsReadBackAsTheSameLists() throws SQLException {
        database.migrate("25");
        UUID several = UUID.randomUUID();
        UUID one = UUID.randomUUID();
        UUID none = UUID.randomUUID();
        UUID digest = UUID.randomUUID();
        UUID emptyDigest = UUID.randomUUID();
        try (Connection db = database.connect()) {
            insertSubscriber(db, several, "corruption,all,cybercrime");
            insertSubscriber(db, one, "trafficking");
            insertSubscriber(db, none, "");
            insertDigest(db, digest, "2026-11-23", "item-b\nitem-a\nurn:x:item-c");
            insertDigest(db, emptyDigest, "2026-11-24", "");
        }

        database.migrate(null);

        try (Connection db = database.connect()) {
            assertThat(list(db, "select themes from subscriber where id = ?", several))
                    .containsExactly("corruption", "all", "cybercrime");
            assertThat(list(db, "select themes from subscriber where id = ?", one)).containsExactly("trafficking");
            assertThat(list(db, "select themes from subscriber where id = ?", none)).isEmpty();
            assertThat(list(db, "select item_ids from digest where id = ?", digest))
                    .containsExactly("item-b", "item-a", "urn:x:item-c");
            assertThat(list(db, "select item_ids from digest where id = ?", emptyDigest)).isEmpty();
            // the send log's recipient match: a whole slug, never a part of one
            assertThat(ids(db, "cybercrime")).containsExactly(several);
            assertThat(ids(db, "crime")).isEmpty();
            assertThat(ids(db, "all")).containsExactly(several);
        }
    }

    private static void insertSubscriber(Connection db, UUID id, String themes) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("insert into subscriber (id, email, frequency, themes,"
                + " status, created_at, window_start, requests_in_window)"
                + " values (?, ?, 'DAILY', ?, 'CONFIRMED', now(), now(), 1)")) {
            insert.setObject(1, id);
            insert.setString(2, "migrated-" + id + "@example.org");
            insert.setString(3, themes);
            insert.executeUpdate();
        }
    }

    private static void insertDigest(Connection db, UUID id, String periodId, String itemIds) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("insert into digest (id, theme, frequency, period_id,"
                + " from_date, to_date, item_ids, issued_at)"
                + " values (?, 'corruption', 'DAILY', ?, current_date, current_date, ?, now())")) {
            insert.setObject(1, id);
            insert.setString(2, periodId);
            insert.setString(3, itemIds);
            insert.executeUpdate();
        }
    }

    private static List<String> list(Connection db, String sql, UUID id) throws SQLException {
        try (PreparedStatement select = db.prepareStatement(sql)) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                Array array = row.getArray(1);
                return List.of((String[]) array.getArray());
            }
        }
    }

    private static List<UUID> ids(Connection db, String theme) throws SQLException {
        try (PreparedStatement select = db.prepareStatement("select id from subscriber where ? = any(themes)")) {
            select.setString(1, theme);
            try (ResultSet rows = select.executeQuery()) {
                List<UUID> ids = new java.util.ArrayList<>();
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
                return ids;
            }
        }
    }
}
