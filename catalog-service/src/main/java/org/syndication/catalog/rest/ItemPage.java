package org.syndication.catalog.rest;

import java.util.List;

/** One page of a search: {@code total} counts every match, {@code page} is 0-based. */
public record ItemPage(List<ItemSummary> items, int page, int size, long total) {

    /** Largest page a client may ask for ({@code size}); larger is a 400 problem. */
    public static final int MAX_SIZE = 100;
}
