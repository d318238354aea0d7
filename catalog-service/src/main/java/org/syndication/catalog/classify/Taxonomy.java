package org.syndication.catalog.classify;

import java.util.List;
import java.util.Optional;

/**
 * The themes in force.
 *
 * @param revision the global taxonomy version (0 for a file not yet stored)
 */
public record Taxonomy(long revision, List<ThemeDefinition> themes) {

    public Taxonomy {
        themes = List.copyOf(themes);
    }

    public Optional<ThemeDefinition> theme(String slug) {
        return themes.stream().filter(t -> t.slug().equals(slug)).findFirst();
    }

    public List<String> slugs() {
        return themes.stream().map(ThemeDefinition::slug).toList();
    }
}
