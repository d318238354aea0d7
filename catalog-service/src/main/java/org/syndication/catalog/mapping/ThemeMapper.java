package org.syndication.catalog.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.syndication.catalog.InvalidRequestException;
import org.syndication.catalog.TaxonomyTheme;
import org.syndication.catalog.classify.ThemeDefinition;
import org.syndication.catalog.classify.ThemeRules;
import org.syndication.catalog.rest.ThemeUpdate;
import org.syndication.catalog.rest.ThemeView;

/** Conversions between taxonomy rows, classifier definitions and API records. */
public final class ThemeMapper {

    private ThemeMapper() {
    }

    /** Reads the body of {@code PUT /api/themes/{slug}}; anything unreadable is an {@link InvalidRequestException}. */
    public static ThemeUpdate readUpdate(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidRequestException("body", "a JSON body with title, description and rules is required");
        }
        try {
            return JsonText.parse(body, ThemeUpdate.class);
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
            String detail = cause instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : cause.getMessage();
            throw new InvalidRequestException("body", "the body is not valid: " + detail.lines().findFirst().orElse(detail));
        }
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
