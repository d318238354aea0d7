package org.syndication.feed;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A feed's newest items come from an index in the feeds' own order, however many items the projection holds: the
 * query plans of the newest page of {@code all} and of a theme that holds every item read {@code feed_item_newest}
 * in order and stop after the page, without sorting the feed's items. The order below is the one of
 * {@link FeedItemRepository} and {@link ComposedItemRepository} ({@code NEWEST_FIRST}); an index in another order
 * (V1's, nulls first) made every render read and sort all of a feed's items. A fresh database of the real PostgreSQL
 * migrated by Flyway, 3,000 items, analysed; no Quarkus needed.
 */
class NewestIndexIT {

    private static final String NEWEST_FIRST = " order by i.item_date desc, i.ingested_at desc nulls last, i.item_id";

    private MigratedDatabase database;

    @BeforeEach
    void database() {
        database = new MigratedDatabase().migrate(null);
    }

    @Test
    void theNewestPageOfAFeedIsReadFromTheIndexInOrderWithoutASort() throws SQLException {
        try (Connection db = database.connect(); Statement sql = db.createStatement()) {
            sql.execute("""
                    insert into feed_item (item_id, version, source_name, item_date, title, summary, body, status,
                                           ingested_at, updated_at)
                    select 'item-' || n, 1, 'source', date '2026-01-01' + (n % 300),
                           'Title ' || n, 'Summary ' || n, repeat('Body text of the item. ', 40),
                           case when n % 50 = 0 then 'WITHDRAWN' else 'PUBLISHED' end,
                           case when n % 7 = 0 then null else timestamptz '2026-12-01 00:00Z' + n * interval '1 second' end,
                           now()
                    from generate_series(1, 3000) n""");
            sql.execute("insert into feed_item_theme (item_id, slug) select item_id, 'everywhere' from feed_item");
            sql.execute("insert into feed_item_theme (item_id, slug) select item_id, 'rare' from feed_item"
                    + " where item_id in ('item-1', 'item-2', 'item-3')");
            sql.execute("analyze feed_item");
            sql.execute("analyze feed_item_theme");

            List<String> all = plan(sql, "select i.* from feed_item i where i.status = 'PUBLISHED'"
                    + NEWEST_FIRST + " limit 50");
            assertThat(all).as("all: %s", all).anyMatch(line -> line.contains("feed_item_newest"))
                    .noneMatch(line -> line.contains("Sort"));

            List<String> theme = plan(sql, "select i.* from feed_item i join feed_item_theme t on t.item_id = i.item_id"
                    + " where t.slug = 'everywhere' and i.status = 'PUBLISHED'" + NEWEST_FIRST + " limit 50");
            assertThat(theme).as("a theme on every item: %s", theme).anyMatch(line -> line.contains("feed_item_newest"))
                    .noneMatch(line -> line.contains("Sort"));

            List<String> page = rows(sql, "select i.item_id from feed_item i where i.status = 'PUBLISHED'"
                    + NEWEST_FIRST + " limit 10");
            assertThat(page).as("newest day first, an item without an ingest time after those with one")
                    .containsExactly("item-2999", "item-2699", "item-2399", "item-2099", "item-1499", "item-1199",
                            "item-899", "item-599", "item-299", "item-1799");
        }
    }

    private static List<String> plan(Statement sql, String query) throws SQLException {
        return rows(sql, "explain " + query);
    }

    private static List<String> rows(Statement sql, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet result = sql.executeQuery(query)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }
}
