package org.syndication.catalog;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.syndication.support.persistence.Jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The sources of stories ({@code item_source}), with plain JDBC on the caller's transaction like the batch path. */
@ApplicationScoped
public class ItemSourceRepository {

    private static final String COLUMNS = "ingest_item_id, item_id, source_name, source_url, link, link_key, title_key,"
            + " item_date, content_hash, ingest_version, status, matched_by, added_at, updated_at";

    private final AgroalDataSource dataSource;

    public ItemSourceRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The source rows a batch needs to know where its events belong: those of the given ingest ids, and those a
     * new event could be the same story as (same link key, or same title key).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<ItemSource> findForMatching(Collection<String> ingestIds, Collection<String> linkKeys,
                                            Collection<String> titleKeys) {
        return query("select " + COLUMNS + " from item_source where ingest_item_id = any(?) or link_key = any(?)"
                + " or title_key = any(?)", ingestIds, linkKeys, titleKeys);
    }

    /** Every source of the given stories. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<ItemSource> ofStories(Collection<String> itemIds) {
        return query("select " + COLUMNS + " from item_source where item_id = any(?) order by added_at, ingest_item_id",
                itemIds);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<ItemSource> find(String ingestItemId) {
        return query("select " + COLUMNS + " from item_source where ingest_item_id = any(?)", List.of(ingestItemId))
                .stream().findFirst();
    }

    /** Inserts or updates the rows (by ingest item id). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void upsertAll(Collection<ItemSource> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Jdbc.execute(dataSource, "cannot write item sources", c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into item_source (" + COLUMNS + ")"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (ingest_item_id) do update set"
                    + " item_id = excluded.item_id, source_name = excluded.source_name,"
                    + " source_url = excluded.source_url, link = excluded.link, link_key = excluded.link_key,"
                    + " title_key = excluded.title_key, item_date = excluded.item_date,"
                    + " content_hash = excluded.content_hash, ingest_version = excluded.ingest_version,"
                    + " status = excluded.status, matched_by = excluded.matched_by, updated_at = excluded.updated_at")) {
                for (ItemSource row : rows) {
                    ps.setString(1, row.ingestItemId);
                    ps.setString(2, row.itemId);
                    ps.setString(3, row.sourceName);
                    ps.setString(4, row.sourceUrl);
                    ps.setString(5, row.link);
                    ps.setString(6, row.linkKey);
                    ps.setString(7, row.titleKey);
                    ps.setObject(8, row.date);
                    ps.setString(9, row.contentHash);
                    ps.setLong(10, row.ingestVersion);
                    ps.setString(11, row.status.name());
                    ps.setString(12, row.matchedBy == null ? null : row.matchedBy.name());
                    ps.setObject(13, Jdbc.utc(row.addedAt));
                    ps.setObject(14, Jdbc.utc(row.updatedAt));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    /** Up to {@code limit} rows whose keys were never computed (stored before V20), with their title. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<ItemSource> withoutKeys(int limit) {
        return Jdbc.query(dataSource, "cannot read item sources", c -> {
            try (PreparedStatement ps = c.prepareStatement("select s.ingest_item_id, s.link, s.source_url, i.title"
                    + " from item_source s join news_item i on i.id = s.item_id where s.title_key is null"
                    + " order by s.ingest_item_id limit ? for update of s skip locked")) {
                ps.setInt(1, limit);
                List<ItemSource> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ItemSource row = new ItemSource();
                        row.ingestItemId = rs.getString(1);
                        row.link = rs.getString(2);
                        row.sourceUrl = rs.getString(3);
                        // the title is only carried to compute the key
                        row.titleKey = rs.getString(4);
                        rows.add(row);
                    }
                }
                return rows;
            }
        });
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void setKeys(Collection<ItemSource> rows) {
        Jdbc.execute(dataSource, "cannot write item source keys", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "update item_source set link_key = ?, title_key = ? where ingest_item_id = ?")) {
                for (ItemSource row : rows) {
                    ps.setString(1, row.linkKey);
                    ps.setString(2, row.titleKey);
                    ps.setString(3, row.ingestItemId);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    private List<ItemSource> query(String sql, Collection<?>... arrays) {
        return Jdbc.query(dataSource, "cannot read item sources", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < arrays.length; i++) {
                    ps.setArray(i + 1, Jdbc.varchars(c, arrays[i]));
                }
                List<ItemSource> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(read(rs));
                    }
                }
                return rows;
            }
        });
    }

    private static ItemSource read(ResultSet rs) throws SQLException {
        ItemSource row = new ItemSource();
        row.ingestItemId = rs.getString("ingest_item_id");
        row.itemId = rs.getString("item_id");
        row.sourceName = rs.getString("source_name");
        row.sourceUrl = rs.getString("source_url");
        row.link = rs.getString("link");
        row.linkKey = rs.getString("link_key");
        row.titleKey = rs.getString("title_key");
        row.date = rs.getObject("item_date", LocalDate.class);
        row.contentHash = rs.getString("content_hash");
        row.ingestVersion = rs.getLong("ingest_version");
        row.status = ItemSource.Status.valueOf(rs.getString("status"));
        String matched = rs.getString("matched_by");
        row.matchedBy = matched == null ? null : ItemSource.MatchedBy.valueOf(matched);
        row.addedAt = Jdbc.instant(rs, "added_at");
        row.updatedAt = Jdbc.instant(rs, "updated_at");
        return row;
    }
}
