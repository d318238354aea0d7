package org.syndication.ingest.feeds;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FeedDiscoveryTest {

    private static final String PAGE = "https://town.example.org/news/index.html";

    @Test
    void findsTheFirstAdvertisedFeedAsAnAbsoluteUrl() {
        String html = """
                <html><head>
                <link rel="stylesheet" type="text/css" href="/site.css">
                <link rel="alternate" type="application/atom+xml" href="feed.atom">
                <link rel="alternate" type="application/rss+xml" href="/rss.xml">
                </head><body></body></html>""";
        assertThat(FeedDiscovery.feedOf(html, PAGE)).contains("https://town.example.org/news/feed.atom");
    }

    @Test
    void knowsJsonFeedAndToleratesCaseAndParameters() {
        String html = "<link REL=\"Alternate\" TYPE=\"application/feed+json; charset=utf-8\" href=\"/feed.json\">";
        assertThat(FeedDiscovery.feedOf(html, PAGE)).contains("https://town.example.org/feed.json");
    }

    @Test
    void ignoresOtherAlternatesAndUnsafeLinks() {
        String html = """
                <link rel="alternate" hreflang="fr" type="text/html" href="/fr/">
                <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
                <a rel="alternate" type="application/rss+xml" href="/not-a-link-element.xml">x</a>""";
        assertThat(FeedDiscovery.feedOf(html, PAGE)).isEmpty();
    }
}
