package org.syndication.catalog.classify;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * How the classifier decides one theme.
 *
 * @param threshold minimum score for the theme, or null for the configured default
 * @param terms     words, phrases and acronyms with their weights
 * @param yieldsTo  more specific themes: when one of them is also given with a higher score, this theme is
 *                  dropped (e.g. organized crime yields to trafficking in persons)
 * @param ignore    phrases that never count for this theme, e.g. "Office on Drugs and Crime" for drugs
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ThemeRules(Double threshold, List<Term> terms, List<String> yieldsTo, List<String> ignore) {

    public ThemeRules {
        terms = terms == null ? List.of() : List.copyOf(terms);
        yieldsTo = yieldsTo == null ? List.of() : List.copyOf(yieldsTo);
        ignore = ignore == null ? List.of() : List.copyOf(ignore);
        if (threshold != null && (!Double.isFinite(threshold) || threshold <= 0)) {
            throw new IllegalArgumentException("threshold must be a positive number");
        }
    }
}
