package org.syndication.feed;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A saved search's {@code q}: the catalog's query syntax, which is PostgreSQL's {@code websearch_to_tsquery('english')}
 * (words are stemmed, {@code "a phrase"}, {@code -not}, {@code or}). The database is the parser in both services, so
 * the syntax is the same by construction; this class only bounds and normalises what reaches it. Pure.
 *
 * @param text the query with runs of white space made one space, trimmed: the cache and subscription key
 */
public record SearchQuery(String text) {

    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** Control characters other than white space, and unpaired surrogates: nothing a reader types. */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\s]]|\\p{Cs}|\\p{Cf}");

    /**
     * @return the normalised query, or the reason it is refused (blank, longer than {@code maxLength}, control
     * characters)
     */
    public static Result parse(String raw, int maxLength) {
        if (raw == null || raw.isBlank()) {
            return Result.refused("q is required: the words to search for, e.g. q=Libya or q=\"border control\" -drill");
        }
        if (raw.length() > maxLength) {
            return Result.refused("q must be at most " + maxLength + " characters");
        }
        if (CONTROL.matcher(raw).find()) {
            return Result.refused("q must not contain control characters");
        }
        return new Result(Optional.of(new SearchQuery(SPACES.matcher(raw).replaceAll(" ").strip())), null);
    }

    /** A parsed query, or why not. */
    public record Result(Optional<SearchQuery> query, String refusal) {
        static Result refused(String why) {
            return new Result(Optional.empty(), why);
        }
    }
}
