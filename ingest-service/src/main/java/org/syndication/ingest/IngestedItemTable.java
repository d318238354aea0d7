package org.syndication.ingest;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.syndication.support.persistence.Jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ledger's table, {@code ingested_item}, in plain JDBC: one statement per document to read what was published
 * for its items, one to record what it published. Each statement stands alone (autocommit), with no transaction
 * manager and no Hibernate session around it: a single statement is atomic by itself, and at one document per
 * request the query translation, the session and the JTA transaction around two statements cost more CPU than the
 * rest of the ingest (a soak at 100 documents/s: a third of the service's CPU). The Panache
 * {@link IngestedItemRepository} and its entity stay for the schema check and the tests.
 */
@ApplicationScoped
public class IngestedItemTable {

    private final AgroalDataSource dataSource;

    public IngestedItemTable(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The rows of these item ids, by id (ids without a row are absent). */
    public Map<String, IngestedItem> byIds(Collection<String> itemIds) {
        if (itemIds.isEmpty()) {
            return Map.of();
        }
        return Jdbc.query(dataSource, "cannot read the ledger", connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    select item_id, source, content_hash, version, first_seen_at, updated_at
                      from ingested_item where item_id = any(?)""")) {
                select.setArray(1, Jdbc.varchars(connection, itemIds));
                Map<String, IngestedItem> rows = new HashMap<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        IngestedItem row = new IngestedItem(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getLong(4), Jdbc.instant(rs, 5));
                        row.updatedAt = Jdbc.instant(rs, 6);
                        rows.put(row.itemId, row);
                    }
                }
                return rows;
            }
        });
    }

    /**
     * Records published versions of {@code source}'s items. An upsert that never lowers a version, so two requests
     * racing on the same item both succeed and the higher version stays. One statement over arrays (unnest), not a
     * statement per item: PostgreSQL executes one plan for the page. An item twice in the page is sent once, at its
     * highest version (what the rows one at a time would have left; one statement may not update a row twice).
     */
    public void upsert(String source, List<ItemOutcome> published, OffsetDateTime now) {
        if (published.isEmpty()) {
            return;
        }
        Map<String, ItemOutcome> highest = new LinkedHashMap<>();
        for (ItemOutcome outcome : published) {
            highest.merge(outcome.item().itemId(), outcome, (a, b) -> b.version() > a.version() ? b : a);
        }
        Jdbc.execute(dataSource, "cannot record in the ledger", connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    insert into ingested_item (item_id, source, content_hash, version, first_seen_at, updated_at)
                    select item_id, ?, content_hash, version, ?, ?
                      from unnest(?::varchar[], ?::varchar[], ?::bigint[]) as t (item_id, content_hash, version)
                    on conflict (item_id) do update
                       set content_hash = excluded.content_hash, version = excluded.version,
                           updated_at = excluded.updated_at
                     where ingested_item.version < excluded.version
                    """)) {
                upsert.setString(1, source);
                upsert.setObject(2, now);
                upsert.setObject(3, now);
                upsert.setArray(4, Jdbc.varchars(connection, highest.keySet()));
                upsert.setArray(5, Jdbc.varchars(connection,
                        highest.values().stream().map(ItemOutcome::contentHash).toList()));
                upsert.setArray(6, connection.createArrayOf("bigint",
                        highest.values().stream().map(ItemOutcome::version).toArray()));
                upsert.executeUpdate();
            }
        });
    }
}
