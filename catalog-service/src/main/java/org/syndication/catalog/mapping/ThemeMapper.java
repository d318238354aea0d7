package org.syndication.catalog.mapping;

import org.syndication.catalog.TaxonomyTheme;
import org.syndication.catalog.classify.ThemeDefinition;
import org.syndication.catalog.classify.ThemeRules;
import org.syndication.catalog.classify.ThemeStanding;
import org.syndication.catalog.rest.ThemeView;

/** Conversions between taxonomy rows, classifier definitions and API records. */
public final class ThemeMapper {

    private ThemeMapper() {
    }

    public static ThemeDefinition toDefinition(TaxonomyTheme row) {
        return new ThemeDefinition(row.slug, row.title, row.description, JsonText.read(row.rules, ThemeRules.class));
    }

    public static void apply(ThemeDefinition def, long revision, TaxonomyTheme row) {
        row.slug = def.slug();
        row.title = def.title();
        row.description = def.description();
        row.rules = JsonText.write(def.rules());
        row.revision = revision;
    }

    public static ThemeStanding toStanding(TaxonomyTheme row, long itemCount) {
        return new ThemeStanding(toDefinition(row), row.revision, row.updatedAt, itemCount);
    }

    public static ThemeView toView(ThemeStanding theme) {
        ThemeDefinition def = theme.definition();
        return new ThemeView(def.slug(), def.title(), def.description(), def.rules(), theme.revision(),
                theme.updatedAt(), theme.itemCount());
    }
}
