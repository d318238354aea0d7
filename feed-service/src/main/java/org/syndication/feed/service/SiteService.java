package org.syndication.feed.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.syndication.feed.FeedItem;
import org.syndication.feed.FeedItemRepository;
import org.syndication.feed.PublicUrls;
import org.syndication.feed.PublishedItem;
import org.syndication.feed.Theme;
import org.syndication.feed.ThemeCount;
import org.syndication.feed.config.FeedConfig;
import org.syndication.feed.mapping.EntryMapper;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the HTML pages show: themes with their item counts, newest items (rest/SitePages makes the page models). */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SiteService {

    private final FeedItemRepository repository;
    private final ThemeCatalog themes;
    private final PublicUrls urls;
    private final FeedConfig config;

    public SiteService(FeedItemRepository repository, ThemeCatalog themes, PublicUrls urls, FeedConfig config) {
        this.repository = repository;
        this.themes = themes;
        this.urls = urls;
        this.config = config;
    }

    /** The theme of a feed key ({@code all} too); an unknown key is its own title. */
    public Theme feed(String feedKey) {
        return themes.find(feedKey).orElse(new Theme(feedKey, feedKey));
    }

    public List<ThemeCount> themes() {
        Map<String, Long> counts = repository.counts();
        return themes.themes().stream().map(t -> count(t, counts)).toList();
    }

    public ThemeCount all() {
        return count(Theme.ALL, repository.counts());
    }

    public Optional<ThemeCount> theme(String slug) {
        return themes.find(slug).map(t -> count(t, repository.counts()));
    }

    public List<PublishedItem> newest(String feedKey, int limit) {
        Map<String, String> titles = ThemeCatalog.titles(themes.themes());
        return repository.newest(feedKey, limit).stream().map(i -> EntryMapper.toPublished(i, titles, urls)).toList();
    }

    public Optional<PublishedItem> item(String itemId) {
        return repository.findByIdOptional(itemId).filter(FeedItem::isPublished)
                .map(i -> EntryMapper.toPublished(i, ThemeCatalog.titles(themes.themes()), urls));
    }

    public int pageSize() {
        return config.pageSize();
    }

    private static ThemeCount count(Theme theme, Map<String, Long> counts) {
        return new ThemeCount(theme, counts.getOrDefault(theme.slug(), 0L));
    }
}
