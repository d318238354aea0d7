package org.syndication.feed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.syndication.events.ItemStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * Queries of the projection for composed feeds: the union of several themes (each item once), and saved searches
 * with the catalog's query syntax. Ids are selected in native SQL, then the items loaded with their themes.
 */
@ApplicationScoped
public class ComposedItemRepository {

    private static final String NEWEST_FIRST = " order by i.item_date desc, i.ingested_at desc nulls last, i.item_id";
    private static final String MATCHES = " and i.search @@ websearch_to_tsquery('english', :q)";

    private final EntityManager em;
    private final FeedItemRepository items;

    public ComposedItemRepository(EntityManager em, FeedItemRepository items) {
        this.em = em;
        this.items = items;
    }

    /** The newest published items that have any of the themes, each once, newest first. */
    public List<FeedItem> newestOfThemes(List<String> slugs, int limit) {
        Query query = em.createNativeQuery("select i.item_id from feed_item i where i.status = :status and exists"
                        + " (select 1 from feed_item_theme t where t.item_id = i.item_id and t.slug in (:slugs))"
                        + NEWEST_FIRST + " limit :limit")
                .setParameter("slugs", slugs);
        return load(query, limit);
    }

    /** The newest published items matching the query, newest first. */
    public List<FeedItem> newestMatching(SearchQuery q, int limit) {
        Query query = em.createNativeQuery("select i.item_id from feed_item i where i.status = :status" + MATCHES
                        + NEWEST_FIRST + " limit :limit")
                .setParameter("q", q.text());
        return load(query, limit);
    }

    /** Published items matching the query that arrived in a period, as {@link FeedItemRepository#arrivedIn}. */
    public List<FeedItem> arrivedMatching(SearchQuery q, Instant from, Instant to, LocalDate firstDay, LocalDate lastDay,
                                          int limit) {
        Query query = em.createNativeQuery("select i.item_id from feed_item i where i.status = :status" + MATCHES
                        + " and ((i.ingested_at >= :from and i.ingested_at < :to)"
                        + " or (i.ingested_at is null and i.item_date between :firstDay and :lastDay))"
                        + NEWEST_FIRST + " limit :limit")
                .setParameter("q", q.text())
                .setParameter("from", from)
                .setParameter("to", to)
                .setParameter("firstDay", firstDay)
                .setParameter("lastDay", lastDay);
        return load(query, limit);
    }

    /**
     * Whether the query has a word to search for: one of stop words or punctuation only becomes an empty
     * {@code tsquery}, which matches nothing.
     */
    public boolean searchable(SearchQuery q) {
        Object nodes = em.createNativeQuery("select numnode(websearch_to_tsquery('english', :q))")
                .setParameter("q", q.text())
                .getSingleResult();
        return ((Number) nodes).intValue() > 0;
    }

    private List<FeedItem> load(Query query, int limit) {
        query.setParameter("status", ItemStatus.PUBLISHED.name()).setParameter("limit", limit);
        @SuppressWarnings("unchecked")
        List<String> ids = query.getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        List<FeedItem> loaded = new java.util.ArrayList<>(items.list("itemId in ?1", ids));
        loaded.sort(Comparator.comparingInt(i -> ids.indexOf(i.itemId)));
        return loaded;
    }
}
