package org.syndication.catalog;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class NewsItemRepository implements PanacheRepositoryBase<NewsItem, String> {

    public Optional<NewsItem> findForUpdate(String id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** One page of published items matching the query, newest first, with their themes loaded. */
    public List<NewsItem> search(ItemQuery query) {
        Map<String, Object> params = new HashMap<>();
        String where = where(query, params);
        Query q = getEntityManager().createNativeQuery(
                "select i.id from news_item i " + where + " order by i.item_date desc, i.id desc limit :size offset :offset");
        params.forEach(q::setParameter);
        q.setParameter("size", query.size());
        q.setParameter("offset", (long) query.page() * query.size());
        @SuppressWarnings("unchecked")
        List<String> ids = q.getResultList();
        return loadInOrder(ids);
    }

    public long count(ItemQuery query) {
        Map<String, Object> params = new HashMap<>();
        Query q = getEntityManager().createNativeQuery("select count(*) from news_item i " + where(query, params));
        params.forEach(q::setParameter);
        return ((Number) q.getSingleResult()).longValue();
    }

    /** Ids after {@code afterId} in id order: keyset paging for batch jobs. */
    public List<String> idsAfter(String afterId, int limit) {
        return getEntityManager()
                .createQuery("select i.id from NewsItem i where i.id > :after order by i.id", String.class)
                .setParameter("after", afterId)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Published items per theme slug. */
    public Map<String, Long> countPublishedByTheme() {
        Map<String, Long> counts = new HashMap<>();
        getEntityManager().createQuery(
                        "select t.slug, count(t) from ItemTheme t where t.item.status = org.syndication.events.ItemStatus.PUBLISHED"
                                + " group by t.slug", Object[].class)
                .getResultList()
                .forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
        return counts;
    }

    private List<NewsItem> loadInOrder(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<NewsItem> loaded = new ArrayList<>(getEntityManager()
                .createQuery("select distinct i from NewsItem i left join fetch i.themes where i.id in :ids", NewsItem.class)
                .setParameter("ids", ids)
                .getResultList());
        loaded.sort(Comparator.comparingInt(i -> ids.indexOf(i.id)));
        return loaded;
    }

    private static String where(ItemQuery query, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder("where i.status = 'PUBLISHED'");
        query.theme().ifPresent(theme -> {
            sql.append(" and exists (select 1 from item_theme t where t.item_id = i.id and t.slug = :theme)");
            params.put("theme", theme);
        });
        query.text().ifPresent(text -> {
            sql.append(" and i.search @@ websearch_to_tsquery('english', :text)");
            params.put("text", text);
        });
        query.from().ifPresent(from -> {
            sql.append(" and coalesce(i.end_date, i.item_date) >= :from");
            params.put("from", from);
        });
        query.to().ifPresent(to -> {
            sql.append(" and i.item_date <= :to");
            params.put("to", to);
        });
        return sql.toString();
    }
}
