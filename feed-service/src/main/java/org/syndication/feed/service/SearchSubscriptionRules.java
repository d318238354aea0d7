package org.syndication.feed.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.syndication.feed.ComposedItemRepository;
import org.syndication.feed.InvalidRequestException;
import org.syndication.feed.SearchQuery;
import org.syndication.feed.config.FeedConfig;
import org.syndication.feed.digest.SearchSubscriptions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** What a subscription may ask of saved searches: each a query a search feed accepts, at most a few. */
@ApplicationScoped
public class SearchSubscriptionRules {

    /** Saved searches per subscriber at most. */
    static final int MAX_QUERIES = 10;

    private final ComposedItemRepository items;
    private final SearchSubscriptions searches;
    private final FeedConfig config;

    public SearchSubscriptionRules(ComposedItemRepository items, SearchSubscriptions searches, FeedConfig config) {
        this.items = items;
        this.searches = searches;
        this.config = config;
    }

    /**
     * The normalised queries, each once.
     *
     * @throws InvalidRequestException for a query a search feed would refuse, or too many
     */
    public List<String> valid(List<String> requested) {
        Set<String> valid = new LinkedHashSet<>();
        for (String raw : requested == null ? List.<String>of() : requested) {
            if (raw == null || raw.isBlank()) {
                continue;
            }
            SearchQuery.Result parsed = SearchQuery.parse(raw, config.compose().maxQueryLength());
            SearchQuery query = parsed.query().orElseThrow(
                    () -> new InvalidRequestException(parsed.refusal()));
            if (!items.searchable(query)) {
                throw new InvalidRequestException(
                        "q has no word to search for (only stop words or punctuation)");
            }
            valid.add(query.text());
        }
        if (valid.size() > MAX_QUERIES) {
            throw new InvalidRequestException("At most " + MAX_QUERIES + " searches");
        }
        return new ArrayList<>(valid);
    }

    public void replace(UUID subscriberId, List<String> queries, Instant now) {
        searches.replace(subscriberId, queries, now);
    }

    /** The themes' titles and the searches, for the confirmation mail. */
    static String describe(String themeTitles, List<String> queries) {
        String searched = queries.stream().map(q -> "search \u201c" + q + "\u201d").collect(Collectors.joining(", "));
        if (queries.isEmpty()) {
            return themeTitles;
        }
        return themeTitles.isEmpty() ? searched : themeTitles + ", " + searched;
    }
}
