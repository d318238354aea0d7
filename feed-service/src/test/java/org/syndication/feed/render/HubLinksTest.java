package org.syndication.feed.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import org.junit.jupiter.api.Test;
import org.syndication.feed.FeedChecks;
import org.syndication.feed.PublicUrls;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** WebSub discovery (WebSub 4): rel="hub" and rel="self" in Atom, in RSS through atom:link, and JSON Feed "hubs". */
class HubLinksTest {

    private static final PublicUrls URLS = new PublicUrls("https://feeds.example.org");

    private static FeedDocument doc(FeedFormat format) {
        return new FeedDocument("urn:uuid:00000000-0000-3000-8000-000000000002", "Syndication: all news",
                "Every news item", "Syndication", URLS.feed("all", format), URLS.theme("all"), URLS.feed("all", format),
                Instant.parse("2026-11-22T08:00:00Z"), List.of(), false, Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(), Optional.of(URLS.hub()));
    }

    @Test
    void atomLinksHubAndSelfAndStaysValid() {
        SyndFeed feed = FeedChecks.validAtom(new RomeFeedWriter().atom(doc(FeedFormat.ATOM)));
        assertThat(feed.getLinks()).extracting(SyndLink::getRel, SyndLink::getHref)
                .contains(org.assertj.core.groups.Tuple.tuple("hub", "https://feeds.example.org/hub"),
                        org.assertj.core.groups.Tuple.tuple("self", "https://feeds.example.org/feeds/all.atom"));
    }

    @Test
    void rssLinksHubAndSelfThroughAtomLink() {
        byte[] xml = new RomeFeedWriter().rss(doc(FeedFormat.RSS));
        FeedChecks.validRss(xml);
        String text = new String(xml, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).contains("<atom:link rel=\"hub\" href=\"https://feeds.example.org/hub\" />")
                .contains("<atom:link rel=\"self\" href=\"https://feeds.example.org/feeds/all.rss\"");
    }

    @Test
    void jsonFeedListsTheHub() throws Exception {
        JsonNode feed = JsonMapper.builder().build().readTree(new JsonFeedWriter().write(doc(FeedFormat.JSON)));
        assertThat(feed.path("feed_url").asText()).isEqualTo("https://feeds.example.org/feeds/all.json");
        assertThat(feed.path("hubs")).hasSize(1);
        assertThat(feed.path("hubs").get(0).path("type").asText()).isEqualTo("WebSub");
        assertThat(feed.path("hubs").get(0).path("url").asText()).isEqualTo("https://feeds.example.org/hub");
    }

    @Test
    void documentsWithoutAHubHaveNoHubLink() {
        FeedDocument doc = new FeedDocument("urn:x", "t", "d", "a", URLS.feed("all", FeedFormat.ATOM), URLS.theme("all"),
                URLS.feed("all", FeedFormat.ATOM), Instant.EPOCH, List.of(), true, Optional.empty(), Optional.empty());
        assertThat(new String(new RomeFeedWriter().atom(doc), java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain("rel=\"hub\"");
        assertThat(new String(new JsonFeedWriter().write(doc), java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain("hubs");
    }
}
