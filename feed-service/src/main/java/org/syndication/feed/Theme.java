package org.syndication.feed;

/**
 * A theme this service publishes a feed for: its stable slug and display title. The one theme type outside the
 * theme catalog: the configured default taxonomy ({@code FeedConfig.DefaultTheme}) and the themes learned from
 * events (the {@link FeedTheme} rows) become this in {@code service/ThemeCatalog} alone.
 */
public record Theme(String slug, String title) {

    /** The feed of every item, {@code all}: not a theme of the taxonomy, but listed and subscribed to like one. */
    public static final Theme ALL = new Theme(FeedItemRepository.ALL, "All news");
}
