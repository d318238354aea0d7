package org.syndication.feed.service;

import org.syndication.feed.SearchQuery;

import java.util.List;
import java.util.Optional;

/**
 * A feed a reader composed: several themes combined, or a saved search.
 *
 * @param key    the feed's stable name: the slugs sorted and joined with {@code +} ({@code a+b} and {@code b+a} are
 *               one feed), or {@code search:<query>}
 * @param themes the combined themes (empty for a search)
 * @param query  the search (empty for combined themes)
 */
public record ComposedFeed(String key, List<String> themes, Optional<SearchQuery> query) {

    public static final String SEARCH_PREFIX = "search:";

    /** Combined themes, in any order and possibly repeated. */
    public static ComposedFeed combined(List<String> slugs) {
        List<String> sorted = slugs.stream().distinct().sorted().toList();
        return new ComposedFeed(String.join("+", sorted), sorted, Optional.empty());
    }

    public static ComposedFeed search(SearchQuery query) {
        return new ComposedFeed(SEARCH_PREFIX + query.text(), List.of(), Optional.of(query));
    }
}
