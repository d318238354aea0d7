package org.syndication.feed.rest;

import jakarta.enterprise.context.ApplicationScoped;
import org.syndication.feed.PublicUrls;
import org.syndication.feed.PublishedItem;
import org.syndication.feed.Theme;
import org.syndication.feed.ThemeCount;
import org.syndication.feed.config.FeedConfig;
import org.syndication.feed.digest.ArchivedDigest;
import org.syndication.feed.digest.IssuedDigest;
import org.syndication.feed.mapping.DigestMapper;
import org.syndication.feed.render.DigestMails;
import org.syndication.feed.render.FeedFormat;
import org.syndication.feed.render.Pages;
import org.syndication.feed.service.SiteService;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The template models of the HTML pages ({@link Pages}), made from the domain records of {@link SiteService} and
 * the digest services: the links every page needs, per theme and format, are added here.
 */
@ApplicationScoped
public class SitePages {

    private final SiteService site;
    private final PublicUrls urls;
    private final FeedConfig config;

    public SitePages(SiteService site, PublicUrls urls, FeedConfig config) {
        this.site = site;
        this.urls = urls;
        this.config = config;
    }

    /** Site-wide data of a page about a feed ({@code all} for the pages that are about no theme). */
    public Pages.Site site(String feedKey) {
        return new Pages.Site(config.siteTitle(), urls.home(), urls.opml(), feedLinks(site.feed(feedKey)));
    }

    public List<Pages.ThemeSummary> themes() {
        return site.themes().stream().map(this::summary).toList();
    }

    public Pages.ThemeSummary all() {
        return summary(site.all());
    }

    public Optional<Pages.ThemeSummary> theme(String slug) {
        return site.theme(slug).map(this::summary);
    }

    public List<Pages.ItemSummary> newest(String feedKey, int limit) {
        return site.newest(feedKey, limit).stream().map(this::item).toList();
    }

    public Optional<Pages.ItemSummary> item(String itemId) {
        return site.item(itemId).map(this::item);
    }

    public int pageSize() {
        return site.pageSize();
    }

    public Pages.DigestLink digestLink(String theme, ArchivedDigest digest) {
        return new Pages.DigestLink(digest.period().id(), digest.period().label(), urls.digest(theme, digest.period().id()),
                digest.items());
    }

    public DigestMails.DigestView digest(IssuedDigest digest) {
        return DigestMapper.toView(digest, config.siteTitle());
    }

    private Pages.ItemSummary item(PublishedItem item) {
        List<Pages.ThemeSummary> themes = item.themes().stream().map(t -> summary(new ThemeCount(t, 0))).toList();
        return new Pages.ItemSummary(item.id(), item.title(), item.date(), item.endDate(), item.summary(), item.body(),
                item.link(), urls.item(item.id()), themes);
    }

    private Pages.ThemeSummary summary(ThemeCount count) {
        Theme theme = count.theme();
        return new Pages.ThemeSummary(theme.slug(), theme.title(), count.items(), urls.theme(theme.slug()),
                feedLinks(theme));
    }

    private List<Pages.FeedLink> feedLinks(Theme theme) {
        return Arrays.stream(FeedFormat.values())
                .map(f -> new Pages.FeedLink(f.label(), f.mediaType(), urls.feed(theme.slug(), f),
                        config.siteTitle() + ": " + theme.title() + " (" + f.label() + ")"))
                .toList();
    }
}
