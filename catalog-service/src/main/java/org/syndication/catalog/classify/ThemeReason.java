package org.syndication.catalog.classify;

import java.util.List;

/**
 * Why an item got a theme: every matched term with its weight, where it was found and the points it gave.
 *
 * @param score     the theme's total
 * @param threshold the score the theme needed
 * @param matches   matched terms, strongest first
 */
public record ThemeReason(double score, double threshold, List<Match> matches) {

    public ThemeReason {
        matches = List.copyOf(matches);
    }

    /**
     * @param term       the word, phrase or acronym of the rules
     * @param weight     its weight
     * @param titleHits  times found in the title
     * @param bodyHits   times found in the body
     * @param points     what it added to the score
     */
    public record Match(String term, double weight, int titleHits, int bodyHits, double points) {
    }
}
