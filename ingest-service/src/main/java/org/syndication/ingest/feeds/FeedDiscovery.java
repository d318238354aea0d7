package org.syndication.ingest.feeds;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Feed autodiscovery: the first {@code <link rel="alternate">} of a page whose type is RSS, Atom or JSON Feed, as
 * an absolute http(s) URL (the convention browsers and feed readers follow).
 */
public final class FeedDiscovery {

    static final Set<String> FEED_TYPES = Set.of("application/rss+xml", "application/atom+xml", "application/feed+json");

    private FeedDiscovery() {
    }

    /** @param pageUrl the page's address, for relative links */
    public static Optional<String> feedOf(String html, String pageUrl) {
        Document page = Jsoup.parse(html, pageUrl == null ? "" : pageUrl);
        for (Element link : page.select("link[rel][type][href]")) {
            boolean alternate = Set.of(link.attr("rel").toLowerCase(Locale.ROOT).split("\\s+")).contains("alternate");
            String type = link.attr("type").toLowerCase(Locale.ROOT).split(";", 2)[0].strip();
            String href = link.absUrl("href");
            String lower = href.toLowerCase(Locale.ROOT);
            if (alternate && FEED_TYPES.contains(type) && (lower.startsWith("http://") || lower.startsWith("https://"))) {
                return Optional.of(href);
            }
        }
        return Optional.empty();
    }
}
