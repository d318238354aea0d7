package org.syndication.catalog.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.syndication.catalog.InvalidRequestException;
import org.syndication.catalog.ItemNotFoundException;
import org.syndication.catalog.ItemQuery;
import org.syndication.catalog.ItemSourceRepository;
import org.syndication.catalog.NewsItem;
import org.syndication.catalog.NewsItemRepository;
import org.syndication.catalog.mapping.ItemMapper;
import org.syndication.catalog.rest.ItemPage;
import org.syndication.catalog.rest.ItemView;

import java.util.List;

/** The read side: search and item details. */
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
    public ItemPage search(ItemQuery query) {
        query.theme().ifPresent(taxonomy::requireTheme);
        // page and size are checked where they are bound (ItemResource's constraints)
        if (query.from().isPresent() && query.to().isPresent() && query.from().get().isAfter(query.to().get())) {
            throw new InvalidRequestException("from", "from must not be after to");
        }
        List<NewsItem> page = items.search(query);
        long total = items.count(query);
        return new ItemPage(page.stream().map(ItemMapper::toSummary).toList(), query.page(), query.size(), total);
    }

    @Transactional
    public ItemView find(String itemId) {
        // the id of a source merged into a story answers that story
        String storyId = sources.find(itemId).map(s -> s.itemId).orElse(itemId);
        NewsItem item = items.findByIdOptional(storyId).orElseThrow(() -> new ItemNotFoundException(itemId));
        return ItemMapper.toView(item, taxonomy::titleOf, sources.ofStories(List.of(storyId)));
    }
}
