package org.syndication.feed.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.syndication.feed.FeedItem;
import org.syndication.feed.FeedItemRepository;
import org.syndication.feed.PublicUrls;
import org.syndication.feed.Theme;
import org.syndication.feed.config.FeedConfig;
import org.syndication.feed.mapping.EntryMapper;
import org.syndication.feed.render.FeedFormat;
import org.syndication.feed.render.Pages;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The data of the HTML pages: themes with counts and feed links, newest items. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SiteService {

    static final int LATEST = 20;

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

    public Pages.Site site(String feedKey) {
        return new Pages.Site(config.siteTitle(), urls.home(), urls.opml(), feedLinks(feedKey, title(feedKey)));
    }

    public List<Pages.ThemeSummary> themes() {
        Map<String, Long> counts = repository.counts();
        return themes.themes().stream().map(t -> summary(t, counts)).toList();
    }

    public Pages.ThemeSummary all() {
        return summary(new Theme(FeedItemRepository.ALL, "All news"), repository.counts());
    }

    public Optional<Pages.ThemeSummary> theme(String slug) {
        return themes.find(slug).map(t -> summary(t, repository.counts()));
    }

    public List<Pages.ItemSummary> newest(String feedKey, int limit) {
        List<Theme> known = themes.themes();
        return repository.newest(feedKey, limit).stream().map(i -> item(i, known)).toList();
    }

    public Optional<Pages.ItemSummary> item(String itemId) {
        return repository.findByIdOptional(itemId).filter(FeedItem::isPublished).map(i -> item(i, themes.themes()));
    }

    public int pageSize() {
        return config.pageSize();
    }

    private Pages.ItemSummary item(FeedItem item, List<Theme> known) {
        Map<String, String> titles = ThemeCatalog.titles(known);
        var entry = EntryMapper.toEntry(item, titles, urls);
        List<Pages.ThemeSummary> itemThemes = entry.categories().stream()
                .map(c -> summary(new Theme(c.slug(), c.title()), Map.of())).toList();
        return new Pages.ItemSummary(item.itemId, entry.title(), item.itemDate, item.endDate, entry.summary(),
                entry.content(), entry.link(), urls.item(item.itemId), itemThemes);
    }

    private Pages.ThemeSummary summary(Theme theme, Map<String, Long> counts) {
        return new Pages.ThemeSummary(theme.slug(), theme.title(), counts.getOrDefault(theme.slug(), 0L),
                urls.theme(theme.slug()), feedLinks(theme.slug(), theme.title()));
    }

    private String title(String feedKey) {
        return themes.find(feedKey).map(Theme::title).orElse(feedKey);
    }

    private List<Pages.FeedLink> feedLinks(String feedKey, String title) {
        return Arrays.stream(FeedFormat.values())
                .map(f -> new Pages.FeedLink(f.label(), f.mediaType(), urls.feed(feedKey, f),
                        config.siteTitle() + ": " + title + " (" + f.label() + ")"))
                .toList();
    }
}
