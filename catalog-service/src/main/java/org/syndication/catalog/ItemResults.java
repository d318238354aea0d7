package org.syndication.catalog;

import java.util.List;

/**
 * One page of the items an {@link ItemQuery} matches ({@code ItemQueryService.search}); {@code rest/} shows it as
 * an {@code ItemPage}.
 *
 * @param page  0-based
 * @param total every match, not only this page's
 */
public record ItemResults(List<ListedItem> items, int page, int size, long total) {
}
