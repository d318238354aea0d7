package org.syndication.catalog.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.syndication.catalog.ItemSource;
import org.syndication.catalog.ItemSourceRepository;
import org.syndication.catalog.mapping.StoryKeys;
import org.syndication.events.NewsItemIngested;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Finds the story each ingested item belongs to. An item id seen before keeps its story. A new one is the same
 * story as a stored (or earlier in the batch) item of another source when both have a link of their own and the
 * normalised links are equal; when either has none, when the normalised titles and the dates are equal. Items of
 * one source never merge: ingest already gives one id per item of a source, so two ids there are two stories.
 */
@ApplicationScoped
public class StoryMatcher {

    /**
     * Where an ingested item belongs.
     *
     * @param storyId   the news_item of the story (the item's own id when it starts a story)
     * @param matchedBy how it was recognised as an existing story's; null when it starts one or was seen before
     */
    public record Match(String storyId, ItemSource.MatchedBy matchedBy) {
    }

    private final ItemSourceRepository sources;

    public StoryMatcher(ItemSourceRepository sources) {
        this.sources = sources;
    }

    /** The story of each distinct item id of the batch, with one query for the source rows involved. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, Match> resolve(List<NewsItemIngested> events) {
        List<String> ids = events.stream().map(NewsItemIngested::itemId).distinct().toList();
        List<String> linkKeys = events.stream().map(e -> StoryKeys.linkKey(e.link(), e.source().url()))
                .filter(Objects::nonNull).distinct().toList();
        List<String> titleKeys = events.stream().map(e -> StoryKeys.titleKey(e.title()))
                .filter(k -> !k.isEmpty()).distinct().toList();
        List<ItemSource> candidates = new ArrayList<>(sources.findForMatching(ids, linkKeys, titleKeys));
        candidates.sort(Comparator.comparing((ItemSource s) -> s.addedAt).thenComparing(s -> s.ingestItemId));
        Map<String, ItemSource> known = new HashMap<>();
        candidates.forEach(s -> known.put(s.ingestItemId, s));

        Map<String, Match> matches = new LinkedHashMap<>();
        for (NewsItemIngested event : events) {
            if (matches.containsKey(event.itemId())) {
                continue;
            }
            ItemSource seen = known.get(event.itemId());
            if (seen != null) {
                matches.put(event.itemId(), new Match(seen.itemId, null));
                continue;
            }
            Match match = match(event, candidates);
            matches.put(event.itemId(), match);
            // later events of the batch may be the same story as this one
            ItemSource pending = new ItemSource();
            pending.ingestItemId = event.itemId();
            pending.itemId = match.storyId();
            pending.sourceName = event.source().name();
            pending.linkKey = StoryKeys.linkKey(event.link(), event.source().url());
            pending.titleKey = StoryKeys.titleKey(event.title());
            pending.date = event.date();
            candidates.add(pending);
        }
        return matches;
    }

    /** The first (oldest) candidate of another source with the same link, else with the same title and date. */
    static Match match(NewsItemIngested event, List<ItemSource> candidates) {
        String linkKey = StoryKeys.linkKey(event.link(), event.source().url());
        String titleKey = StoryKeys.titleKey(event.title());
        ItemSource byTitle = null;
        for (ItemSource c : candidates) {
            if (c.sourceName.equals(event.source().name()) || c.titleKey == null) {
                continue;
            }
            if (linkKey != null && c.linkKey != null) {
                if (linkKey.equals(c.linkKey)) {
                    return new Match(c.itemId, ItemSource.MatchedBy.LINK);
                }
            } else if (byTitle == null && !titleKey.isEmpty() && titleKey.equals(c.titleKey)
                    && event.date().equals(c.date)) {
                byTitle = c;
            }
        }
        return byTitle != null ? new Match(byTitle.itemId, ItemSource.MatchedBy.TITLE_AND_DATE)
                : new Match(event.itemId(), null);
    }
}
