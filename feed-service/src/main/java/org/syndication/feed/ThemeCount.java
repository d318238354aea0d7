package org.syndication.feed;

/** A theme with the number of its published items (the index page's counts). */
public record ThemeCount(Theme theme, long items) {
}
