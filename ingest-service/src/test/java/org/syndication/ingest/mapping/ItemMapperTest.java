package org.syndication.ingest.mapping;

import org.junit.jupiter.api.Test;
import org.syndication.events.NewsItemIngested;
import org.syndication.events.SourceRef;
import org.syndication.ingest.ItemCandidate;
import org.syndication.ingest.ItemOutcome;
import org.syndication.ingest.feeds.FeedEntry;
import org.syndication.ingest.parse.ItemIdentity;
import org.syndication.ingest.parse.NewsItemDraft;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class ItemMapperTest {

    private static final LocalDate DAY = LocalDate.of(2019, 5, 29);

    @Test
    void draftGetsItsIdAndFallsBackToThePageUrl() {
        NewsItemDraft draft = new NewsItemDraft(DAY, DAY.plusDays(1), " Title ", "Body.", null, "Vienna");
        ItemCandidate item = ItemMapper.fromDraft("eu-unodc", draft, "https://x.example.org/page");
        assertThat(item.itemId()).isEqualTo(ItemIdentity.itemId("eu-unodc", DAY, "Title"));
        assertThat(item).extracting(ItemCandidate::title, ItemCandidate::endDate, ItemCandidate::link, ItemCandidate::place)
                .containsExactly("Title", DAY.plusDays(1), "https://x.example.org/page", "Vienna");
        NewsItemDraft linked = new NewsItemDraft(DAY, null, "T", "", "https://x.example.org/own", null);
        assertThat(ItemMapper.fromDraft("s", linked, "https://x.example.org/page").link()).isEqualTo("https://x.example.org/own");
    }

    @Test
    void feedEntryBecomesPlainTextWithUtcDate() {
        FeedEntry entry = new FeedEntry("g-1", "https://f/1", "Rapport &lt;em&gt;annuel&lt;/em&gt;",
                "<p>Le <b>rapport</b> est publié.</p><script>x()</script>", Instant.parse("2023-12-31T23:30:00-02:00"));
        ItemCandidate item = ItemMapper.fromFeedEntry("obs", entry, DAY).orElseThrow();
        assertThat(item.itemId()).isEqualTo(ItemIdentity.feedEntryId("obs", "g-1", "https://f/1", null, null));
        assertThat(item.title()).isEqualTo("Rapport <em>annuel</em>");
        assertThat(item.body()).isEqualTo("Le rapport est publié.");
        assertThat(item.date()).isEqualTo(LocalDate.of(2024, 1, 1));
    }

    @Test
    void feedEntryWithoutTitleGetsOneFromItsTextAndWithoutDateTheDaySeen() {
        String text = "A very long first sentence of the entry that goes on and on about the many things that happened "
                + "in the harbour during the week of the storm and after.";
        ItemCandidate item = ItemMapper.fromFeedEntry("s", new FeedEntry(null, null, "", text, null), DAY).orElseThrow();
        assertThat(item.title()).hasSizeLessThanOrEqualTo(ItemMapper.DERIVED_TITLE_MAX).endsWith("…")
                .startsWith("A very long first sentence");
        assertThat(item.date()).isEqualTo(DAY);
        assertThat(ItemMapper.fromFeedEntry("s", new FeedEntry("g", null, " ", " ", null), DAY)).isEmpty();
    }

    @Test
    void eventCarriesEveryFieldAndASummaryOfWholeSentences() {
        String body = "First sentence. ".repeat(30).strip();
        ItemCandidate item = new ItemCandidate("id-1", DAY, DAY.plusDays(2), "Title", body, "https://l", null);
        Instant now = Instant.parse("2026-11-23T12:00:00Z");
        NewsItemIngested event = ItemMapper.toEvent(new ItemOutcome(item, "hash", 2, ItemOutcome.Status.CORRECTED),
                new SourceRef("src", "https://page"), "en", now);
        assertThat(event).extracting(NewsItemIngested::itemId, NewsItemIngested::version, NewsItemIngested::date,
                        NewsItemIngested::endDate, NewsItemIngested::title, NewsItemIngested::body, NewsItemIngested::link,
                        NewsItemIngested::language, NewsItemIngested::contentHash, NewsItemIngested::ingestedAt)
                .containsExactly("id-1", 2L, DAY, DAY.plusDays(2), "Title", body, "https://l", "en", "hash", now);
        assertThat(event.source()).isEqualTo(new SourceRef("src", "https://page"));
        assertThat(event.summary()).hasSizeLessThanOrEqualTo(ItemMapper.SUMMARY_MAX).endsWith("sentence.");
    }
}
