package org.syndication.feed.mapping;

import org.syndication.feed.FeedItem;
import org.syndication.feed.PublicUrls;
import org.syndication.feed.PublishedItem;
import org.syndication.feed.Theme;
import org.syndication.feed.render.DeletedEntry;
import org.syndication.feed.render.FeedEntry;
import org.syndication.feed.render.XmlText;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/** Pure conversions: projection row → feed entry, tombstone, or the item pages and digests show. */
public final class EntryMapper {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private EntryMapper() {
    }

    /**
     * The entry of an item: absolute link, stable ids, publication time from the item's own date (start of day,
     * UTC), categories with the current theme titles, every text cleaned for XML.
     */
    public static FeedEntry toEntry(FeedItem item, Map<String, String> themeTitles, PublicUrls urls) {
        var categories = new LinkedHashSet<FeedEntry.Category>();
        item.themes.stream().sorted().forEach(slug -> categories.add(new FeedEntry.Category(
                slug, XmlText.clean(themeTitles.getOrDefault(slug, slug)), urls.themes())));
        return new FeedEntry(
                item.itemId,
                uri(item.itemId),
                XmlText.clean(item.title),
                link(item, urls),
                item.itemDate.atStartOfDay(ZoneOffset.UTC).toInstant(),
                item.updatedAt,
                categories.stream().toList(),
                XmlText.clean(item.summary),
                XmlText.clean(item.body),
                item.language);
    }

    /**
     * The item as pages and digests show it: the same cleaned texts and link as its entry, its themes with the
     * titles of {@code themeTitles} (the slug when it has none), sorted by slug.
     */
    public static PublishedItem toPublished(FeedItem item, Map<String, String> themeTitles, PublicUrls urls) {
        FeedEntry entry = toEntry(item, themeTitles, urls);
        List<Theme> themes = entry.categories().stream().map(c -> new Theme(c.slug(), c.title())).toList();
        return new PublishedItem(item.itemId, entry.title(), item.itemDate, item.endDate, entry.summary(),
                entry.content(), entry.link(), themes);
    }

    /** The RFC 6721 tombstone of a withdrawn item: its Atom id, withdrawn at its last version's time. */
    public static DeletedEntry toDeleted(FeedItem item) {
        return new DeletedEntry(uri(item.itemId), item.updatedAt);
    }

    /** The item id as a URI: itself when it is a UUID, otherwise a name-based UUID of it; never changes. */
    public static String uri(String itemId) {
        if (UUID_TEXT.matcher(itemId).matches()) {
            return "urn:uuid:" + itemId.toLowerCase(java.util.Locale.ROOT);
        }
        return "urn:uuid:" + UUID.nameUUIDFromBytes(("syndication:item:" + itemId).getBytes(StandardCharsets.UTF_8));
    }

    /** The feed's id as a URI, stable for a theme whatever the public base URL. */
    public static String feedUri(String feedKey) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes(("syndication:feed:" + feedKey).getBytes(StandardCharsets.UTF_8));
    }

    /** The item's own absolute link, else resolved against its source page, else the source page, else our item page. */
    static String link(FeedItem item, PublicUrls urls) {
        String resolved = absolute(item.link, item.sourceUrl);
        if (resolved == null) {
            resolved = absolute(item.sourceUrl, null);
        }
        return resolved != null ? resolved : urls.item(item.itemId);
    }

    private static String absolute(String link, String base) {
        if (link == null || link.isBlank()) {
            return null;
        }
        try {
            URI uri = URI.create(link.strip());
            if (!uri.isAbsolute() && base != null) {
                uri = URI.create(base.strip()).resolve(uri);
            }
            return uri.isAbsolute() && uri.getScheme().startsWith("http") ? uri.toString() : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
