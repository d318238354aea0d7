package org.syndication.events;

/** A theme given to an item: its stable slug (feed URL, header value) and display title. */
public record ThemeTag(String slug, String title) {

    public ThemeTag {
        Require.text(slug, "theme.slug");
        Require.text(title, "theme.title");
    }
}
