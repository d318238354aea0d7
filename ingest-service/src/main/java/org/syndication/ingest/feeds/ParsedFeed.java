package org.syndication.ingest.feeds;

import java.util.List;

/**
 * A feed document read by {@link FeedReader}.
 *
 * @param format   Rome's name of the format, e.g. {@code rss_2.0}, {@code atom_1.0}
 * @param title    the feed's title, or null
 * @param language the feed's language as written, or null
 * @param entries  the entries in document order
 */
public record ParsedFeed(String format, String title, String language, List<ParsedEntry> entries) {

    public ParsedFeed {
        entries = List.copyOf(entries);
    }
}
