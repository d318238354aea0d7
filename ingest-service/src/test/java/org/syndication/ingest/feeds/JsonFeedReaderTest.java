package org.syndication.ingest.feeds;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.syndication.ingest.TestData.fixture;

class JsonFeedReaderTest {

    private final JsonFeedReader reader = new JsonFeedReader(1_000_000);
    private static final URI AT = URI.create("https://harbour.example.org/notices.json");

    @Test
    void readsJsonFeed11WithRelativeLinksMadeAbsolute() {
        ParsedFeed feed = reader.read(fixture("feeds/json-feed-1.1.json"), AT);
        assertThat(feed.format()).isEqualTo("json_feed_1.1");
        assertThat(feed.language()).isEqualTo("sv");
        assertThat(feed.entries()).containsExactly(
                new ParsedEntry("notice-0412", "https://harbour.example.org/notices/0412",
                        "Ferry pier closed for resurfacing",
                        "The north ferry pier closes for two weeks while the deck is resurfaced.",
                        Instant.parse("2024-04-12T05:30:00Z")),
                new ParsedEntry("notice-0405", "https://harbour.example.org/notices/0405", "New mooring fees from May",
                        "<p>Mooring fees for visiting boats change on <b>1 May</b>.</p>",
                        Instant.parse("2024-04-05T12:00:00Z")));
    }

    @Test
    void isRecognisedByMediaTypeOrByItsVersion() {
        byte[] feed = fixture("feeds/json-feed-1.1.json");
        assertThat(JsonFeedReader.looksLikeJsonFeed(feed, "application/json")).isTrue();
        assertThat(JsonFeedReader.looksLikeJsonFeed(bytes("{}"), "application/feed+json; charset=utf-8")).isTrue();
        assertThat(JsonFeedReader.looksLikeJsonFeed(bytes("{\"items\": []}"), "application/json")).isFalse();
        assertThat(JsonFeedReader.looksLikeJsonFeed(bytes("<html></html>"), null)).isFalse();
    }

    @Test
    void hostileOrForeignJsonIsRefusedWithAReason() {
        String deep = "{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[" + "[".repeat(500)
                + "]".repeat(500) + "]}";
        assertThatThrownBy(() -> reader.read(bytes(deep), AT)).isInstanceOf(FeedReadException.class)
                .hasMessageContaining("not a readable JSON Feed");
        String bigNumber = "{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[{\"id\":" + "9".repeat(5000) + "}]}";
        assertThatThrownBy(() -> reader.read(bytes(bigNumber), AT)).isInstanceOf(FeedReadException.class);
        assertThatThrownBy(() -> reader.read(bytes("{\"version\":\"2\",\"items\":[]}"), AT))
                .isInstanceOf(FeedReadException.class).hasMessageContaining("not a JSON Feed");
        assertThatThrownBy(() -> reader.read(bytes("{\"version\":\"https://jsonfeed.org/version/1\",\"items\":{}}"), AT))
                .isInstanceOf(FeedReadException.class).hasMessageContaining("items");
        assertThatThrownBy(() -> reader.read(bytes("{\"version\":\"https://jsonfeed.org/version/1.1\",\"a\":1,\"a\":2,"
                + "\"items\":[]}"), AT)).isInstanceOf(FeedReadException.class);
    }

    @Test
    void unsafeItemLinksAreDropped() {
        ParsedFeed feed = reader.read(bytes("{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":["
                + "{\"id\":\"1\",\"url\":\"javascript:alert(1)\",\"title\":\"A\"}]}"), AT);
        assertThat(feed.entries().get(0).link()).isNull();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
