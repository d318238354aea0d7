package org.syndication.catalog;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.syndication.support.persistence.Jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * The search indexer's SQL over {@code news_item.search}: plain JDBC on the connection enlisted in the caller's
 * transaction, because the vector is computed by the database ({@code news_item_search}) and the column is not
 * mapped on the entity.
 */
@ApplicationScoped
public class NewsItemSearchIndex {

    private final AgroalDataSource dataSource;

    public NewsItemSearchIndex(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Computes the full-text vector of up to {@code limit} items that have none yet (oldest change first) and
     * returns how many. Rows another transaction holds (the consumer's batch, another instance's indexer) are
     * skipped, so this never waits for them and cannot deadlock with them; they are taken by a later call.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int indexPending(int limit) {
        return Jdbc.query(dataSource, "cannot compute search vectors", c -> {
            try (PreparedStatement ps = c.prepareStatement("update news_item set search = news_item_search(title,"
                    + " summary, body) where id in (select id from news_item where search is null order by updated_at"
                    + " limit ? for update skip locked)")) {
                ps.setInt(1, limit);
                return ps.executeUpdate();
            }
        });
    }

    /** The ids of up to {@code limit} items without a full-text vector, oldest change first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> unindexed(int limit) {
        return Jdbc.query(dataSource, "cannot list items without a search vector", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select id from news_item where search is null order by updated_at limit ?")) {
                ps.setInt(1, limit);
                List<String> ids = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
                return ids;
            }
        });
    }

    /**
     * Computes one item's vector, or with {@code empty} stores an empty one (a text PostgreSQL cannot index, e.g.
     * a vector over its 1 MB limit: the item stays stored and listed, only not findable by its words).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void indexOne(String id, boolean empty) {
        Jdbc.execute(dataSource, "cannot compute the search vector of " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("update news_item set search = "
                    + (empty ? "''::tsvector" : "news_item_search(title, summary, body)")
                    + " where id = ? and search is null")) {
                ps.setString(1, id);
                ps.executeUpdate();
            }
        });
    }

    /** How many stored items have no full-text vector yet. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long countUnindexed() {
        return Jdbc.query(dataSource, "cannot count items without a search vector", c -> {
            try (PreparedStatement ps = c.prepareStatement("select count(*) from news_item where search is null");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
