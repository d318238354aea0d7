package org.syndication.catalog.classify;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One word, phrase or acronym of a theme's rules.
 *
 * @param match         the text to find; a phrase matches its words in order (stemmed, stop words ignored)
 * @param weight        points per match; negative weights count against the theme
 * @param caseSensitive match the exact spelling, without stemming (for acronyms such as {@code TIP} that are
 *                      also ordinary words)
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record Term(String match, double weight, boolean caseSensitive) {

    public Term {
        if (match == null || match.isBlank()) {
            throw new IllegalArgumentException("term match is required");
        }
        if (weight == 0 || !Double.isFinite(weight)) {
            throw new IllegalArgumentException("term weight must be a non-zero number: " + match);
        }
    }
}
