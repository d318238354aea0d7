package org.syndication.catalog;

import java.util.List;

/** A theme slug that is not in the taxonomy. */
public class UnknownThemeException extends RuntimeException {

    private final List<String> validThemes;

    public UnknownThemeException(String slug, List<String> validThemes) {
        super("unknown theme '" + slug + "'");
        this.validThemes = List.copyOf(validThemes);
    }

    public List<String> validThemes() {
        return validThemes;
    }
}
