package org.syndication.ingest.feeds;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * JSON Feed 1.0 and 1.1 (jsonfeed.org/version/1.1), read with Jackson. Hostile input is bounded: the fetch already
 * limits the size ({@code ingest.sources.max-feed-size}); here nesting depth, string and number lengths are capped,
 * so a deep or huge value is refused instead of eating the stack or the heap.
 */
public final class JsonFeedReader {

    static final int MAX_DEPTH = 32;
    static final int MAX_NUMBER_LENGTH = 100;
    static final String VERSION_PREFIX = "https://jsonfeed.org/version/1";

    private final ObjectMapper mapper;

    public JsonFeedReader(long maxBytes) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .maxStringLength((int) Math.min(Integer.MAX_VALUE, maxBytes))
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.mapper = new ObjectMapper(factory);
    }

    /** Whether a document looks like a JSON Feed: by media type, or an object that names the JSON Feed version. */
    public static boolean looksLikeJsonFeed(byte[] bytes, String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.contains("application/feed+json")) {
            return true;
        }
        int i = 0;
        while (i < bytes.length && (Character.isWhitespace(bytes[i]) || (bytes[i] & 0xff) == 0xef
                || (bytes[i] & 0xff) == 0xbb || (bytes[i] & 0xff) == 0xbf)) {
            i++;
        }
        if (i >= bytes.length || bytes[i] != '{') {
            return false;
        }
        String head = new String(bytes, i, Math.min(bytes.length - i, 4096), java.nio.charset.StandardCharsets.UTF_8);
        return head.contains("jsonfeed.org/version/1");
    }

    /**
     * @param feedUrl the address the feed was read from: relative item URLs are resolved against it
     * @throws FeedReadException when the document is not a JSON Feed, or exceeds a limit
     */
    public ParsedFeed read(byte[] bytes, URI feedUrl) {
        JsonNode root;
        try {
            root = mapper.readTree(bytes);
        } catch (IOException e) {
            throw new FeedReadException("not a readable JSON Feed: " + firstLine(e.getMessage()), e);
        }
        if (root == null || !root.isObject() || !text(root, "version").startsWith(VERSION_PREFIX)) {
            throw new FeedReadException("not a JSON Feed: no \"version\": \"" + VERSION_PREFIX + ".x\"", null);
        }
        JsonNode items = root.path("items");
        if (!items.isArray()) {
            throw new FeedReadException("not a JSON Feed: \"items\" is not an array", null);
        }
        List<ParsedEntry> entries = new ArrayList<>(items.size());
        for (JsonNode item : items) {
            if (!item.isObject()) {
                continue;
            }
            String content = text(item, "content_html");
            if (content.isEmpty()) {
                content = text(item, "content_text");
            }
            if (content.isEmpty()) {
                content = text(item, "summary");
            }
            String published = text(item, "date_published");
            entries.add(new ParsedEntry(blankToNull(idOf(item)), link(feedUrl, text(item, "url")), text(item, "title"),
                    content, date(published.isEmpty() ? text(item, "date_modified") : published)));
        }
        String version = text(root, "version").substring(VERSION_PREFIX.length() - 1);
        return new ParsedFeed("json_feed_" + version, blankToNull(text(root, "title")), blankToNull(text(root, "language")), entries);
    }

    /** JSON Feed 1.1 wants a string id; 1.0 feeds in the wild also use numbers. */
    private static String idOf(JsonNode item) {
        JsonNode id = item.path("id");
        return id.isTextual() || id.isNumber() ? id.asText().strip() : "";
    }

    private static String link(URI base, String url) {
        if (url.isEmpty()) {
            return null;
        }
        try {
            URI resolved = base == null ? new URI(url) : base.resolve(url);
            String scheme = resolved.getScheme() == null ? "" : resolved.getScheme().toLowerCase(Locale.ROOT);
            return scheme.equals("http") || scheme.equals("https") ? resolved.toString() : null;
        } catch (IllegalArgumentException | java.net.URISyntaxException e) {
            return null;
        }
    }

    private static Instant date(String value) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText().strip() : "";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
