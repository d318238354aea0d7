package org.syndication.catalog.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.syndication.catalog.InvalidRequestException;
import org.syndication.catalog.ItemNotFoundException;
import org.syndication.catalog.ItemDetails;
import org.syndication.catalog.ItemQuery;
import org.syndication.catalog.ItemResults;
import org.syndication.catalog.ItemSourceRepository;
import org.syndication.catalog.NewsItem;
import org.syndication.catalog.NewsItemRepository;
import org.syndication.catalog.mapping.ItemMapper;

import java.util.List;

/**
 * The read side: search and item details. Returns domain records built inside the transaction (the items' themes
 * load lazily), never the entities; {@code rest/} maps them to its views.
 */
@ApplicationScoped
public class ItemQueryService {

    private final NewsItemRepository items;
    private final TaxonomyService taxonomy;
    private final ItemSourceRepository sources;

    public ItemQueryService(NewsItemRepository items, TaxonomyService taxonomy, ItemSourceRepository sources) {
        this.items = items;
        this.sources = sources;
        this.taxonomy = taxonomy;
    }

    @Transactional
    public ItemResults search(ItemQuery query) {
        query.theme().ifPresent(taxonomy::requireTheme);
        // page and size are checked where they are bound (ItemResource's constraints)
        if (query.from().isPresent() && query.to().isPresent() && query.from().get().isAfter(query.to().get())) {
            throw new InvalidRequestException("from", "from must not be after to");
        }
        List<NewsItem> page = items.search(query);
        long total = items.count(query);
        return new ItemResults(page.stream().map(ItemMapper::toListed).toList(), query.page(), query.size(), total);
    }

    @Transactional
    public ItemDetails find(String itemId) {
        // the id of a source merged into a story answers that story
        String storyId = sources.find(itemId).map(s -> s.itemId).orElse(itemId);
        NewsItem item = items.findByIdOptional(storyId).orElseThrow(() -> new ItemNotFoundException(itemId));
        return ItemMapper.toDetails(item, taxonomy::titleOf, sources.ofStories(List.of(storyId)));
    }
}
