package org.syndication.feed.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import org.junit.jupiter.api.Test;
import org.syndication.events.NewsItemCatalogued;
import org.syndication.feed.FeedChecks;
import org.syndication.feed.FeedItem;
import org.syndication.feed.PublicUrls;
import org.syndication.feed.TestData;
import org.syndication.feed.mapping.EntryMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class FeedWritersTest {

    private static final PublicUrls URLS = new PublicUrls("https://feeds.example.org/");
    private static final Map<String, String> TITLES = Map.of("corruption", "Corruption and economic crime",
            "cybercrime", "Cyber & crime");

    private final RomeFeedWriter rome = new RomeFeedWriter();
    private final JsonFeedWriter json = new JsonFeedWriter();

    private static FeedEntry entry(NewsItemCatalogued event) {
        FeedItem item = new FeedItem();
        item.itemId = event.itemId();
        item.version = event.version();
        item.sourceName = event.source().name();
        item.sourceUrl = event.source().url();
        item.itemDate = event.date();
        item.endDate = event.endDate();
        item.title = event.title();
        item.summary = event.summary();
        item.body = event.body();
        item.link = event.link();
        item.language = event.language();
        item.status = event.status();
        item.ingestedAt = event.ingestedAt();
        item.updatedAt = event.updatedAt();
        event.themes().forEach(theme -> item.themes.add(theme.slug()));
        return EntryMapper.toEntry(item, TITLES, URLS);
    }

    private static FeedDocument doc(FeedFormat format, boolean archive, List<FeedEntry> entries) {
        return new FeedDocument("urn:uuid:00000000-0000-3000-8000-000000000001", "Syndication: Corruption",
                "News about corruption", "Syndication", URLS.feed("corruption", format), URLS.theme("corruption"),
                URLS.feed("corruption", format), Instant.parse("2026-11-22T08:00:00Z"), entries, archive,
                Optional.of("https://feeds.example.org/feeds/corruption/2026-10." + format.extension()),
                archive ? Optional.of("https://feeds.example.org/feeds/corruption/2026-12." + format.extension())
                        : Optional.empty(),
                archive ? Optional.empty() : Optional.of(java.time.Duration.ofMinutes(45)), List.of());
    }

    private static List<FeedEntry> entries() {
        return List.of(
                entry(TestData.item().id("a-1").title("Bad \u0000chars\u000B & <tags> \uD800 here")
                        .body("Text with \u0001control and emoji \uD83D\uDE00.").themes(TestData.CORRUPTION, TestData.CYBERCRIME).build()),
                entry(TestData.item().id("b-2").date(LocalDate.of(2024, 2, 29)).link("/relative/page.html").build()));
    }

    @Test
    void atomIsValidAgainstRfc4287AndCarriesEverything() {
        byte[] xml = rome.atom(doc(FeedFormat.ATOM, false, entries()));
        SyndFeed feed = FeedChecks.validAtom(xml);
        String text = new String(xml, StandardCharsets.UTF_8);
        assertThat(text).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        assertThat(text).contains("rel=\"self\"", "rel=\"prev-archive\"", "rel=\"alternate\"");
        assertThat(text).doesNotContain("\u0000", "\u000B", "\u0001");
        SyndEntry first = feed.getEntries().get(0);
        assertThat(first.getUri()).isEqualTo(EntryMapper.uri("a-1")).startsWith("urn:uuid:");
        assertThat(first.getTitle()).isEqualTo("Bad chars & <tags>  here");
        assertThat(first.getPublishedDate().toInstant()).isEqualTo(Instant.parse("2026-11-20T00:00:00Z"));
        assertThat(first.getUpdatedDate().toInstant()).isEqualTo(Instant.parse("2026-11-21T10:15:30Z"));
        assertThat(first.getCategories()).extracting(c -> c.getName()).containsExactly("corruption", "cybercrime");
        assertThat(first.getCategories()).extracting(c -> c.getLabel())
                .containsExactly("Corruption and economic crime", "Cyber & crime");
        assertThat(first.getDescription().getValue()).isEqualTo("A short summary.");
        assertThat(first.getContents().get(0).getValue()).contains("emoji \uD83D\uDE00");
        assertThat(feed.getEntries().get(1).getLink()).isEqualTo("https://www.unodc.org/relative/page.html");
    }

    @Test
    void atomArchiveDocumentIsMarkedAndLinked() {
        byte[] xml = rome.atom(doc(FeedFormat.ATOM, true, entries()));
        FeedChecks.validAtom(xml);
        String text = new String(xml, StandardCharsets.UTF_8);
        assertThat(text).contains("<fh:archive", "rel=\"current\"", "rel=\"next-archive\"", "rel=\"prev-archive\"");
    }

    @Test
    void withdrawnEntriesAreRfc6721TombstonesInAtomOnly() {
        FeedDocument base = doc(FeedFormat.ATOM, false, entries());
        Instant when = Instant.parse("2026-11-30T12:00:00Z");
        FeedDocument withDeleted = new FeedDocument(base.uri(), base.title(), base.description(), base.author(),
                base.selfUrl(), base.htmlUrl(), base.currentUrl(), base.updated(), base.entries(), false,
                base.prevArchive(), base.nextArchive(), base.ttl(),
                List.of(new DeletedEntry(EntryMapper.uri("gone-1"), when)));
        byte[] atom = rome.atom(withDeleted);
        FeedChecks.validAtom(atom);
        String text = new String(atom, StandardCharsets.UTF_8);
        assertThat(text).contains("xmlns:at=\"http://purl.org/atompub/tombstones/1.0\"",
                "<at:deleted-entry ref=\"" + EntryMapper.uri("gone-1") + "\" when=\"2026-11-30T12:00:00Z\" />");
        assertThat(new String(rome.rss(withDeleted), StandardCharsets.UTF_8)).doesNotContain("deleted-entry", "gone-1");
        assertThat(new String(json.write(withDeleted), StandardCharsets.UTF_8)).doesNotContain("gone-1");
    }

    @Test
    void rssTtlIsTheMaxAgeInMinutesAndArchivesHaveNone() {
        assertThat(new String(rome.rss(doc(FeedFormat.RSS, false, entries())), StandardCharsets.UTF_8))
                .contains("<ttl>45</ttl>");
        assertThat(new String(rome.rss(doc(FeedFormat.RSS, true, entries())), StandardCharsets.UTF_8))
                .doesNotContain("<ttl>");
    }

    @Test
    void emptyAtomFeedIsValid() {
        FeedChecks.validAtom(rome.atom(doc(FeedFormat.ATOM, false, List.of())));
    }

    @Test
    void rssHasGuidsSelfLinkDatesAndFullText() {
        byte[] xml = rome.rss(doc(FeedFormat.RSS, false, entries()));
        SyndFeed feed = FeedChecks.validRss(xml);
        String text = new String(xml, StandardCharsets.UTF_8);
        assertThat(text).contains("<guid isPermaLink=\"false\">a-1</guid>", "<atom:link rel=\"self\"",
                "<content:encoded>", "<atom:updated>2026-11-21T10:15:30Z</atom:updated>",
                "domain=\"https://feeds.example.org/themes/\"");
        SyndEntry first = feed.getEntries().get(0);
        assertThat(first.getPublishedDate().toInstant()).isEqualTo(Instant.parse("2026-11-20T00:00:00Z"));
        assertThat(first.getLink()).isEqualTo("https://www.unodc.org/news/item.html");
        assertThat(feed.getLink()).isEqualTo("https://feeds.example.org/themes/corruption");
        assertThat(first.getContents().get(0).getValue()).contains("<p>Text with control");
    }

    @Test
    void rssTitleAndDescriptionReachNoReaderAsMarkup() throws Exception {
        String attack = "<img src=x onerror=alert(1)>";
        FeedEntry hostile = entry(TestData.item().id("h-1").title("Alert " + attack + " & <b>bold</b>")
                .summary("Summary <script>alert(1)</script> & " + attack).body("Body " + attack).build());
        byte[] xml = rome.rss(doc(FeedFormat.RSS, false, List.of(hostile)));
        FeedChecks.validRss(xml);
        org.w3c.dom.Element item = (org.w3c.dom.Element) javax.xml.parsers.DocumentBuilderFactory.newInstance()
                .newDocumentBuilder().parse(new java.io.ByteArrayInputStream(xml)).getElementsByTagName("item").item(0);
        String title = item.getElementsByTagName("title").item(0).getTextContent();
        String description = item.getElementsByTagName("description").item(0).getTextContent();

        // a reader that shows the title as text sees the words; one that renders it as HTML makes no element of it
        assertThat(title).isEqualTo("Alert \u2039img src=x onerror=alert(1)> & \u2039b>bold\u2039/b>");
        assertThat(org.jsoup.Jsoup.parseBodyFragment(title).body().children()).isEmpty();
        // the description is HTML by the spec: escaped, so rendering it shows the summary's characters
        assertThat(description).isEqualTo("Summary &lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x "
                + "onerror=alert(1)&gt;");
        assertThat(org.jsoup.Jsoup.parseBodyFragment(description).body().children()).isEmpty();
        assertThat(org.jsoup.Jsoup.parseBodyFragment(description).text())
                .isEqualTo("Summary <script>alert(1)</script> & " + attack);
        String content = item.getElementsByTagName("content:encoded").item(0)
                .getTextContent();
        assertThat(org.jsoup.Jsoup.parseBodyFragment(content).body().select("*:not(body):not(p)")).isEmpty();
        // Atom says text: every text construct is type="text" (readers show it as characters)
        String atom = new String(rome.atom(doc(FeedFormat.ATOM, false, List.of(hostile))), StandardCharsets.UTF_8);
        assertThat(atom).doesNotContain("type=\"html\"", "type=\"xhtml\"").contains("&lt;img src=x");
        // JSON Feed: content_html is escaped paragraphs
        JsonNode jsonItem = FeedChecks.validJsonFeed(json.write(doc(FeedFormat.JSON, false, List.of(hostile))))
                .path("items").get(0);
        assertThat(org.jsoup.Jsoup.parseBodyFragment(jsonItem.path("content_html").asText()).body()
                .select("*:not(body):not(p)")).isEmpty();
    }

    @Test
    void jsonFeedFollowsVersionOneOne() {
        JsonNode feed = FeedChecks.validJsonFeed(json.write(doc(FeedFormat.JSON, false, entries())));
        JsonNode first = feed.path("items").get(0);
        assertThat(first.path("id").asText()).isEqualTo("a-1");
        assertThat(first.path("date_published").asText()).isEqualTo("2026-11-20T00:00:00Z");
        assertThat(first.path("tags").toString()).contains("Cyber & crime");
        assertThat(first.path("_syndication").path("themes").get(1).path("slug").asText()).isEqualTo("cybercrime");
        assertThat(feed.path("next_url").asText()).endsWith("/feeds/corruption/2026-10.json");
    }

    @Test
    void renderingIsDeterministicSoEtagsAreStable() {
        byte[] once = rome.atom(doc(FeedFormat.ATOM, false, entries()));
        byte[] twice = rome.atom(doc(FeedFormat.ATOM, false, entries()));
        assertThat(once).isEqualTo(twice);
        RenderedFeed a = RenderedFeed.offHeap(once, FeedFormat.ATOM.contentType(), Instant.EPOCH, "max-age=60");
        RenderedFeed b = RenderedFeed.offHeap(twice, FeedFormat.ATOM.contentType(), Instant.EPOCH, "max-age=60");
        assertThat(a.etag(false).toString()).isEqualTo(b.etag(false).toString()).startsWith("\"").endsWith("\"");
        assertThat(a.etag(true).toString()).isNotEqualTo(a.etag(false).toString());
        assertThat(a.matches(b.etag(true).toString())).isTrue();
        assertThat(a.matches("\"other\"")).isFalse();
    }

    @Test
    void opmlListsEveryFeedInEveryFormat() {
        byte[] xml = new OpmlWriter().write("Syndication feeds",
                List.of(new OpmlWriter.Listed("All & more", URLS.theme("all"), "all")), URLS::feed);
        String text = new String(xml, StandardCharsets.UTF_8);
        assertThat(text).contains("<opml version=\"2.0\">", "xmlUrl=\"https://feeds.example.org/feeds/all.atom\"",
                "xmlUrl=\"https://feeds.example.org/feeds/all.rss\"", "xmlUrl=\"https://feeds.example.org/feeds/all.json\"",
                "All &amp; more");
    }

    @Test
    void xmlTextRemovesOnlyIllegalCharacters() {
        assertThat(XmlText.clean("a\u0000b\tc\nd\u0008e\uFFFEf\uD83D\uDE00g\uDC00")).isEqualTo("ab\tc\nde" + "f\uD83D\uDE00g");
        assertThat(XmlText.clean("plain")).isSameAs("plain");
    }
}
