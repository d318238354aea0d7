package org.syndication.catalog.mapping;

import org.syndication.catalog.ItemDetails;
import org.syndication.catalog.ItemResults;
import org.syndication.catalog.ListedItem;
import org.syndication.catalog.rest.ItemPage;
import org.syndication.catalog.rest.ItemSummary;
import org.syndication.catalog.rest.ItemView;

/** The read side's domain records as the API shows them. Pure functions. */
public final class ItemViewMapper {

    private ItemViewMapper() {
    }

    public static ItemView toView(ItemDetails item) {
        return new ItemView(item.itemId(), item.version(), item.status(),
                new ItemView.Source(item.sourceName(), item.sourceUrl()), item.date(), item.endDate(), item.title(),
                item.summary(), item.body(), item.link(), item.language(), item.contentHash(), item.ingestVersion(),
                item.themes().stream().map(ItemViewMapper::toView).toList(), item.ingestedAt(), item.updatedAt(),
                item.sources().stream().map(ItemViewMapper::toView).toList());
    }

    public static ItemSummary toSummary(ListedItem item) {
        return new ItemSummary(item.itemId(), item.version(), item.status(), item.sourceName(), item.date(),
                item.endDate(), item.title(), item.summary(), item.link(), item.themes(), item.updatedAt());
    }

    public static ItemPage toPage(ItemResults results) {
        return new ItemPage(results.items().stream().map(ItemViewMapper::toSummary).toList(), results.page(),
                results.size(), results.total());
    }

    private static ItemView.Theme toView(ItemDetails.Theme theme) {
        return new ItemView.Theme(theme.slug(), theme.title(), theme.score(), theme.reason());
    }

    private static ItemView.StorySource toView(ItemDetails.StorySource source) {
        // the API spells the enums by name; matchedBy stays null for the first source
        return new ItemView.StorySource(source.ingestItemId(), source.name(), source.url(), source.link(),
                source.status().name(), source.matchedBy() == null ? null : source.matchedBy().name(),
                source.ingestVersion(), source.addedAt());
    }
}
