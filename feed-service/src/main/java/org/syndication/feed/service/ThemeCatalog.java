package org.syndication.feed.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.syndication.feed.FeedItemRepository;
import org.syndication.feed.FeedTheme;
import org.syndication.feed.Theme;
import org.syndication.feed.config.FeedConfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The themes with a feed, as {@link Theme}s (the rows of {@link FeedTheme} and the configured themes do not leave
 * this class): the configured default taxonomy (so a theme has a feed before its first item), in
 * its order, then every other theme seen in events; a title seen in an event wins over the configured one.
 */
@ApplicationScoped
public class ThemeCatalog {

    /** The default taxonomy of {@code feed.themes}: the only place the configured themes become {@link Theme}s. */
    private final List<Theme> configured;
    private final FeedItemRepository repository;

    public ThemeCatalog(FeedConfig config, FeedItemRepository repository) {
        this.configured = config.themes().stream().map(t -> new Theme(t.slug(), t.title())).toList();
        this.repository = repository;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Theme> themes() {
        Map<String, String> titles = new LinkedHashMap<>();
        configured.forEach(t -> titles.put(t.slug(), t.title()));
        for (FeedTheme learned : repository.learnedThemes()) {
            titles.put(learned.slug, learned.title);
        }
        List<Theme> themes = new ArrayList<>();
        titles.forEach((slug, title) -> themes.add(new Theme(slug, title)));
        return themes;
    }

    /** {@code all} first, then every theme slug. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> feedKeys() {
        List<String> keys = new ArrayList<>();
        keys.add(FeedItemRepository.ALL);
        themes().forEach(t -> keys.add(t.slug()));
        return keys;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Theme> find(String feedKey) {
        if (FeedItemRepository.ALL.equals(feedKey)) {
            return Optional.of(Theme.ALL);
        }
        return themes().stream().filter(t -> t.slug().equals(feedKey)).findFirst();
    }

    public static Map<String, String> titles(List<Theme> themes) {
        Map<String, String> titles = new LinkedHashMap<>();
        themes.forEach(t -> titles.put(t.slug(), t.title()));
        return titles;
    }
}
