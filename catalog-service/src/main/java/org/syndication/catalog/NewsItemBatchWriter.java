package org.syndication.catalog;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.syndication.events.ItemStatus;
import org.syndication.support.persistence.Jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The batch write path of the consumer: plain JDBC batches on the connection enlisted in the caller's
 * transaction (one round trip per statement kind instead of one per row). Items handled here are plain objects,
 * not managed entities; the query side keeps using Hibernate.
 */
@ApplicationScoped
public class NewsItemBatchWriter {

    private static final String COLUMNS = "id, source_name, source_url, item_date, end_date, title, summary, body, link,"
            + " language, content_hash, version, ingest_version, status, ingested_at, created_at, updated_at";

    private final AgroalDataSource dataSource;

    public NewsItemBatchWriter(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Locks (in id order, so concurrent writers cannot deadlock) and loads the stored items among {@code ids}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, NewsItem> lockAll(Collection<String> ids) {
        return Jdbc.query(dataSource, "cannot load items", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select " + COLUMNS + " from news_item where id = any(?) order by id for update")) {
                ps.setArray(1, Jdbc.varchars(c, ids));
                Map<String, NewsItem> found = new HashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        NewsItem item = read(rs);
                        found.put(item.id, item);
                    }
                }
                return found;
            }
        });
    }

    /** Inserts the new items and updates the stored ones (their columns, not their themes). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void writeItems(List<NewsItem> created, List<NewsItem> updated) {
        Jdbc.execute(dataSource, "cannot write items", c -> {
            if (!created.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("insert into news_item (" + COLUMNS + ")"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    for (NewsItem item : created) {
                        ps.setString(1, item.id);
                        setContent(ps, 2, item);
                        ps.setObject(17, Jdbc.utc(item.updatedAt));
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            if (!updated.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("update news_item set source_name = ?, source_url = ?,"
                        + " item_date = ?, end_date = ?, title = ?, summary = ?, body = ?, link = ?, language = ?,"
                        + " content_hash = ?, version = ?, ingest_version = ?, status = ?, ingested_at = ?, created_at = ?,"
                        + " updated_at = ? where id = ?")) {
                    for (NewsItem item : updated) {
                        setContent(ps, 1, item);
                        ps.setObject(16, Jdbc.utc(item.updatedAt));
                        ps.setString(17, item.id);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
        });
    }

    /** Replaces the themes of {@code rethemed} with their current {@code themes}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void writeThemes(List<NewsItem> rethemed) {
        if (rethemed.isEmpty()) {
            return;
        }
        Jdbc.execute(dataSource, "cannot write themes", c -> {
            try (PreparedStatement ps = c.prepareStatement("delete from item_theme where item_id = any(?)")) {
                ps.setArray(1, Jdbc.varchars(c, rethemed.stream().map(i -> i.id).toList()));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into item_theme (item_id, slug, score, reason) values (?, ?, ?, ?)")) {
                for (NewsItem item : rethemed) {
                    for (ItemTheme theme : item.themes) {
                        ps.setString(1, item.id);
                        ps.setString(2, theme.slug);
                        ps.setDouble(3, theme.score);
                        ps.setString(4, theme.reason);
                        ps.addBatch();
                    }
                }
                ps.executeBatch();
            }
        });
    }

    /** Inserts outbox rows in list order (so {@code seq} follows it). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void insertOutbox(List<OutboxEvent> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Jdbc.execute(dataSource, "cannot write outbox rows", c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into outbox_event (id, aggregate_type,"
                    + " aggregate_id, type, payload, headers, created_at) values (?, ?, ?, ?, ?, ?, ?)")) {
                for (OutboxEvent row : rows) {
                    ps.setObject(1, row.id);
                    ps.setString(2, row.aggregateType);
                    ps.setString(3, row.aggregateId);
                    ps.setString(4, row.type);
                    ps.setString(5, row.payload);
                    ps.setString(6, row.headers);
                    ps.setObject(7, Jdbc.utc(row.createdAt));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    /** Sets the 15 columns from source_name to created_at, starting at {@code i}. */
    private static void setContent(PreparedStatement ps, int i, NewsItem item) throws SQLException {
        ps.setString(i, item.sourceName);
        ps.setString(i + 1, item.sourceUrl);
        ps.setObject(i + 2, item.date);
        ps.setObject(i + 3, item.endDate);
        ps.setString(i + 4, item.title);
        ps.setString(i + 5, item.summary);
        ps.setString(i + 6, item.body);
        ps.setString(i + 7, item.link);
        ps.setString(i + 8, item.language);
        ps.setString(i + 9, item.contentHash);
        ps.setLong(i + 10, item.version);
        ps.setLong(i + 11, item.ingestVersion);
        ps.setString(i + 12, item.status.name());
        ps.setObject(i + 13, Jdbc.utc(item.ingestedAt));
        ps.setObject(i + 14, Jdbc.utc(item.createdAt));
    }

    private static NewsItem read(ResultSet rs) throws SQLException {
        NewsItem item = new NewsItem();
        item.id = rs.getString("id");
        item.sourceName = rs.getString("source_name");
        item.sourceUrl = rs.getString("source_url");
        item.date = rs.getObject("item_date", LocalDate.class);
        item.endDate = rs.getObject("end_date", LocalDate.class);
        item.title = rs.getString("title");
        item.summary = rs.getString("summary");
        item.body = rs.getString("body");
        item.link = rs.getString("link");
        item.language = rs.getString("language");
        item.contentHash = rs.getString("content_hash");
        item.version = rs.getLong("version");
        item.ingestVersion = rs.getLong("ingest_version");
        item.status = ItemStatus.valueOf(rs.getString("status"));
        item.ingestedAt = Jdbc.instant(rs, "ingested_at");
        item.createdAt = Jdbc.instant(rs, "created_at");
        item.updatedAt = Jdbc.instant(rs, "updated_at");
        return item;
    }
}
