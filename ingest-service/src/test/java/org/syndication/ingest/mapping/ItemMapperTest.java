package org.syndication.ingest.mapping;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.syndication.events.NewsItemIngested;
import org.syndication.events.SourceRef;
import org.syndication.ingest.ItemCandidate;
import org.syndication.ingest.ItemOutcome;
import org.syndication.ingest.feeds.ParsedEntry;
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
        ParsedEntry entry = new ParsedEntry("g-1", "https://f/1", "Rapport &lt;em&gt;annuel&lt;/em&gt;",
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
        ItemCandidate item = ItemMapper.fromFeedEntry("s", new ParsedEntry(null, null, "", text, null), DAY).orElseThrow();
        assertThat(item.title()).hasSizeLessThanOrEqualTo(ItemMapper.DERIVED_TITLE_MAX).endsWith("…")
                .startsWith("A very long first sentence");
        assertThat(item.date()).isEqualTo(DAY);
        assertThat(ItemMapper.fromFeedEntry("s", new ParsedEntry("g", null, " ", " ", null), DAY)).isEmpty();
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

    /** Finding 11 of issue 13: only http(s) links reach {@code news.ingested}, however a script link is written. */
    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "JavaScript:alert(1)", "  javascript:alert(1)", "\u0001javascript:x()",
        "java\tscript:alert(1)", "java\nscript:alert(1)", "jav&#x09;ascript:alert(1)", "data:text/html,<script>x()</script>",
        "DATA:text/html;base64,PHNjcmlwdD4=", "vbscript:msgbox(1)", "VBScript:msgbox(1)", "mailto:press@example.org",
        "file:///etc/passwd", "ftp://files.example.org/a", "/news/relative", "news/relative", "//cdn.example.org/x",
        "http:/one-slash", "https://", "http:///path-only", "https://ex\u0000ample.org/", "  "})
    void nonHttpLinksAreDropped(String link) {
        assertThat(ItemMapper.httpLink(link)).isNull();
        NewsItemDraft draft = new NewsItemDraft(DAY, null, "T", "", link, null);
        assertThat(ItemMapper.fromDraft("s", draft, "https://x.example.org/page").link()).isEqualTo("https://x.example.org/page");
        assertThat(ItemMapper.fromDraft("s", draft, null).link()).isNull();
        ParsedEntry entry = new ParsedEntry("g-1", link, "Title", "Text", null);
        assertThat(ItemMapper.fromFeedEntry("s", entry, DAY).orElseThrow().link()).isNull();
    }

    @Test
    void httpLinksAreKeptAsABrowserReadsThem() {
        assertThat(ItemMapper.httpLink("https://x.example.org/news/1?a=b#c")).isEqualTo("https://x.example.org/news/1?a=b#c");
        assertThat(ItemMapper.httpLink("  HTTP://X.example.org/a \n")).isEqualTo("HTTP://X.example.org/a");
        assertThat(ItemMapper.httpLink("ht\ttps://x.example.org/a\n/b")).isEqualTo("https://x.example.org/a/b");
        assertThat(ItemMapper.httpLink("http://user@x.example.org:8080/")).isEqualTo("http://user@x.example.org:8080/");
        ParsedEntry entry = new ParsedEntry("g-1", " https://f.example.org/1 ", "Title", "Text", null);
        assertThat(ItemMapper.fromFeedEntry("s", entry, DAY).orElseThrow().link()).isEqualTo("https://f.example.org/1");
    }

    /** Finding 9 of issue 13, for feeds: control characters in feed text become spaces. */
    @Test
    void controlCharactersInFeedTextBecomeSpaces() {
        ParsedEntry entry = new ParsedEntry("g-1", null, "Harbour\u0085report\u0092s", "<p>Line one\u000bline two</p>", null);
        ItemCandidate item = ItemMapper.fromFeedEntry("s", entry, DAY).orElseThrow();
        assertThat(item.title()).isEqualTo("Harbour report s");
        assertThat(item.body()).isEqualTo("Line one line two");
        assertThat(ItemMapper.htmlToText("a\u0001\u0002 b\u007f")).isEqualTo("a b");
    }
}
