package org.syndication.feed.render;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.syndication.feed.Theme;

import java.time.format.DateTimeFormatter;
import java.util.List;

/** Writes JSON Feed 1.1 documents with Jackson. Archive documents chain to older ones through {@code next_url}. */
public final class JsonFeedWriter {

    public static final String VERSION = "https://jsonfeed.org/version/1.1";

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    public byte[] write(FeedDocument doc) {
        JsonFeed feed = new JsonFeed(VERSION, doc.title(), doc.htmlUrl(), doc.selfUrl(), doc.description(),
                doc.prevArchive().orElse(null), List.of(new Author(doc.author())),
                doc.hub().map(url -> List.of(new Hub("WebSub", url))).orElse(null),
                doc.entries().stream().map(JsonFeedWriter::item).toList());
        try {
            return JSON.writeValueAsBytes(feed);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON Feed", e);
        }
    }

    private static Item item(FeedEntry e) {
        return new Item(e.id(), e.link(), e.title(), e.summary(), e.content(), Html.paragraphs(e.content()),
                DateTimeFormatter.ISO_INSTANT.format(e.published()), DateTimeFormatter.ISO_INSTANT.format(e.updated()),
                e.categories().stream().map(FeedEntry.Category::title).toList(), e.language(),
                new Extension(e.categories().stream().map(c -> new Theme(c.slug(), c.title())).toList()));
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record JsonFeed(
            String version,
            String title,
            @JsonProperty("home_page_url") String homePageUrl,
            @JsonProperty("feed_url") String feedUrl,
            String description,
            @JsonProperty("next_url") String nextUrl,
            List<Author> authors,
            List<Hub> hubs,
            List<Item> items) {
    }

    /** JSON Feed 1.1 {@code hubs}: the WebSub hub of a subscription document. */
    record Hub(String type, String url) {
    }

    record Author(String name) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Item(
            String id,
            String url,
            String title,
            String summary,
            @JsonProperty("content_text") String contentText,
            @JsonProperty("content_html") String contentHtml,
            @JsonProperty("date_published") String datePublished,
            @JsonProperty("date_modified") String dateModified,
            List<String> tags,
            String language,
            @JsonProperty("_syndication") Extension syndication) {
    }

    /** Custom extension (JSON Feed 1.1 allows keys starting with an underscore): the themes with their slugs. */
    record Extension(List<Theme> themes) {
    }
}
