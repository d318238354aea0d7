package org.syndication.catalog.mapping;

import org.syndication.catalog.ItemDetails;
import org.syndication.catalog.ItemSource;
import org.syndication.catalog.ItemTheme;
import org.syndication.catalog.ListedItem;
import org.syndication.catalog.NewsItem;
import org.syndication.catalog.classify.ThemeReason;
import org.syndication.events.NewsItemCatalogued;
import org.syndication.events.NewsItemIngested;
import org.syndication.events.SourceRef;
import org.syndication.events.ThemeTag;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Conversions between the entity, the events and the domain records the services return ({@link ItemDetails},
 * {@link ListedItem}); {@link ItemViewMapper} turns those into the API's records. Pure functions.
 */
public final class ItemMapper {

    private ItemMapper() {
    }

    /**
     * Copies the ingested content onto the item.
     *
     * @return true when anything a reader can see changed (always true for a new item)
     */
    public static boolean applyIngested(NewsItemIngested event, NewsItem item) {
        boolean changed = !Objects.equals(item.sourceName, event.source().name())
                || !Objects.equals(item.sourceUrl, event.source().url())
                || !Objects.equals(item.date, event.date())
                || !Objects.equals(item.endDate, event.endDate())
                || !Objects.equals(item.title, event.title())
                || !Objects.equals(item.summary, event.summary())
                || !Objects.equals(item.body, event.body())
                || !Objects.equals(item.link, event.link())
                || !Objects.equals(item.language, event.language())
                || !Objects.equals(item.contentHash, event.contentHash());
        item.id = event.itemId();
        item.sourceName = event.source().name();
        item.sourceUrl = event.source().url();
        item.date = event.date();
        item.endDate = event.endDate();
        item.title = event.title();
        item.summary = event.summary();
        item.body = event.body();
        item.link = event.link();
        item.language = event.language();
        item.contentHash = event.contentHash();
        item.ingestVersion = event.version();
        item.ingestedAt = event.ingestedAt();
        return changed;
    }

    /**
     * Copies the text of a correction that came through another source than the story's first onto the story: the
     * story keeps its id, first source, link and ingest version.
     *
     * @return true when anything a reader can see changed
     */
    public static boolean applyCorrection(NewsItemIngested event, NewsItem item) {
        boolean changed = !Objects.equals(item.date, event.date())
                || !Objects.equals(item.endDate, event.endDate())
                || !Objects.equals(item.title, event.title())
                || !Objects.equals(item.summary, event.summary())
                || !Objects.equals(item.body, event.body())
                || !Objects.equals(item.language, event.language());
        item.date = event.date();
        item.endDate = event.endDate();
        item.title = event.title();
        item.summary = event.summary();
        item.body = event.body();
        item.language = event.language();
        item.contentHash = event.contentHash();
        item.ingestedAt = event.ingestedAt();
        return changed;
    }

    /** A detached copy of the item's columns (not its themes): its state at this point. */
    public static NewsItem copyOf(NewsItem item) {
        NewsItem copy = new NewsItem();
        copy.id = item.id;
        copy.sourceName = item.sourceName;
        copy.sourceUrl = item.sourceUrl;
        copy.date = item.date;
        copy.endDate = item.endDate;
        copy.title = item.title;
        copy.summary = item.summary;
        copy.body = item.body;
        copy.link = item.link;
        copy.language = item.language;
        copy.contentHash = item.contentHash;
        copy.version = item.version;
        copy.ingestVersion = item.ingestVersion;
        copy.status = item.status;
        copy.ingestedAt = item.ingestedAt;
        copy.createdAt = item.createdAt;
        copy.updatedAt = item.updatedAt;
        return copy;
    }

    /** Copies of the item's theme rows (slug, score, reason), in order, unattached to any item. */
    public static List<ItemTheme> copyOfThemes(NewsItem item) {
        List<ItemTheme> copies = new ArrayList<>(item.themes.size());
        for (ItemTheme theme : item.themes) {
            ItemTheme copy = new ItemTheme();
            copy.slug = theme.slug;
            copy.score = theme.score;
            copy.reason = theme.reason;
            copies.add(copy);
        }
        return copies;
    }

    /** The partner event of the item's current state; {@code themeTitle} resolves a slug to its display title. */
    public static NewsItemCatalogued toCatalogued(NewsItem item, Function<String, String> themeTitle) {
        List<ThemeTag> themes = item.themes.stream()
                .map(t -> new ThemeTag(t.slug, themeTitle.apply(t.slug)))
                .toList();
        return new NewsItemCatalogued(item.id, item.version, new SourceRef(item.sourceName, item.sourceUrl), item.date,
                item.endDate, item.title, item.summary, item.body, item.link, item.language, item.contentHash, themes,
                item.status, item.ingestedAt, item.updatedAt);
    }

    /** The item in full with the sources that carried the story, first one first; read inside a transaction. */
    public static ItemDetails toDetails(NewsItem item, Function<String, String> themeTitle, List<ItemSource> sources) {
        List<ItemDetails.StorySource> carriers = sources.stream()
                .map(s -> new ItemDetails.StorySource(s.ingestItemId, s.sourceName, s.sourceUrl, s.link, s.status,
                        s.matchedBy, s.ingestVersion, s.addedAt))
                .toList();
        List<ItemDetails.Theme> themes = item.themes.stream()
                .map(t -> new ItemDetails.Theme(t.slug, themeTitle.apply(t.slug), t.score, reasonOf(t)))
                .toList();
        return new ItemDetails(item.id, item.version, item.status, item.sourceName, item.sourceUrl, item.date,
                item.endDate, item.title, item.summary, item.body, item.link, item.language, item.contentHash,
                item.ingestVersion, themes, item.ingestedAt, item.updatedAt, carriers);
    }

    /** The item as a search lists it; read inside a transaction (its themes load lazily). */
    public static ListedItem toListed(NewsItem item) {
        return new ListedItem(item.id, item.version, item.status, item.sourceName, item.date, item.endDate, item.title,
                item.summary, item.link, item.themes.stream().map(t -> t.slug).toList(), item.updatedAt);
    }

    private static ThemeReason reasonOf(ItemTheme theme) {
        return JsonText.read(theme.reason, ThemeReason.class);
    }
}
