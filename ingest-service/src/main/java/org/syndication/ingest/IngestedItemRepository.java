package org.syndication.ingest;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Dedup rows by item id. */
@ApplicationScoped
public class IngestedItemRepository implements PanacheRepositoryBase<IngestedItem, String> {

    /** The rows of the given ids that exist, by id. */
    public Map<String, IngestedItem> byIds(Collection<String> itemIds) {
        if (itemIds.isEmpty()) {
            return Map.of();
        }
        List<IngestedItem> rows = list("itemId in ?1", itemIds);
        return rows.stream().collect(Collectors.toMap(i -> i.itemId, Function.identity()));
    }
}
