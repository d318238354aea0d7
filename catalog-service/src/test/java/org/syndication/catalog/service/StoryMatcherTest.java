package org.syndication.catalog.service;

import org.junit.jupiter.api.Test;
import org.syndication.catalog.ItemSource;
import org.syndication.catalog.TestData;
import org.syndication.catalog.mapping.StoryKeys;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StoryMatcherTest {

    private static final LocalDate DAY = LocalDate.of(2024, 3, 4);

    @Test
    void sameLinkOfAnotherSourceIsTheSameStoryWhateverTheTitle() {
        ItemSource stored = stored("feed", "story-1", "https://example.net/a", "Harbour patrols", DAY);
        TestData page = TestData.item().source("page", "https://example.net/news").title("Harbour patrols expanded")
                .date(DAY.plusDays(1)).link("https://EXAMPLE.net/a/?utm_source=x");
        assertThat(StoryMatcher.match(page.build(), List.of(stored)))
                .isEqualTo(new StoryMatcher.Match("story-1", ItemSource.MatchedBy.LINK));
    }

    @Test
    void differentLinksAreDifferentStoriesEvenWithTheSameTitleAndDate() {
        ItemSource stored = stored("feed", "story-1", "https://example.net/a", "Harbour patrols", DAY);
        TestData page = TestData.item().source("page", "https://example.net/news").title("Harbour patrols").date(DAY)
                .link("https://example.net/b");
        assertThat(StoryMatcher.match(page.build(), List.of(stored)).storyId()).isEqualTo(page.itemId());
    }

    @Test
    void withoutALinkOnEitherSideTitleAndDateDecide() {
        ItemSource stored = stored("feed", "story-1", null, "Harbour Patrols!", DAY);
        TestData same = TestData.item().source("page", "https://example.net/news").title("harbour patrols").date(DAY)
                .link("https://example.net/news");
        assertThat(StoryMatcher.match(same.build(), List.of(stored)))
                .isEqualTo(new StoryMatcher.Match("story-1", ItemSource.MatchedBy.TITLE_AND_DATE));
        TestData otherDay = TestData.item().source("page", "https://example.net/news").title("harbour patrols")
                .date(DAY.plusDays(1)).link(null);
        assertThat(StoryMatcher.match(otherDay.build(), List.of(stored)).storyId()).isEqualTo(otherDay.itemId());
    }

    @Test
    void itemsOfOneSourceNeverMerge() {
        ItemSource stored = stored("page", "story-1", "https://example.net/a", "Harbour patrols", DAY);
        TestData again = TestData.item().source("page", "https://example.net/news").title("Harbour patrols").date(DAY)
                .link("https://example.net/a");
        assertThat(StoryMatcher.match(again.build(), List.of(stored)).storyId()).isEqualTo(again.itemId());
    }

    private static ItemSource stored(String source, String itemId, String link, String title, LocalDate date) {
        ItemSource s = new ItemSource();
        s.ingestItemId = itemId;
        s.itemId = itemId;
        s.sourceName = source;
        s.linkKey = StoryKeys.linkKey(link, "https://example.net/" + source);
        s.titleKey = StoryKeys.titleKey(title);
        s.date = date;
        return s;
    }
}
