package org.syndication.catalog.mapping;

import org.syndication.catalog.TaxonomyTheme;
import org.syndication.catalog.classify.ThemeDefinition;
import org.syndication.catalog.classify.ThemeRules;
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

    public static ThemeView toView(TaxonomyTheme row, long itemCount) {
        return new ThemeView(row.slug, row.title, row.description, JsonText.read(row.rules, ThemeRules.class),
                row.revision, row.updatedAt, itemCount);
    }
}
