package org.syndication.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * HTML listings read by their structure ({@link DomRecordReader} through {@link DocumentSplitter#splitHtml}): the
 * pages under {@code fixtures/html-records/} reproduce real layouts in our own words; each {@code .expected} file
 * lists {@code date | end date or - | title | link=...} per item, as the golden pages do.
 */
class DomRecordReaderTest {

    private static final String PAGE_URL = "https://port.example.org/news/index.html";

    private final DocumentSplitter splitter = new DocumentSplitter();

    @ParameterizedTest
    @ValueSource(strings = {"blog-articles", "announcements-table", "day-groups", "teasers-with-decoy", "press-flat",
        "german-teasers"})
    void recordsGiveExactlyTheExpectedTitlesDatesAndAbsoluteLinks(String page) {
        List<NewsItemDraft> items = splitter.splitHtml(read(page + ".html"), PAGE_URL);

        assertThat(items).extracting(item -> item.date() + " | " + (item.endDate() == null ? "-" : item.endDate())
                        + " | " + item.title() + " | link=" + item.link())
                .containsExactlyElementsOf(expected(page));
    }

    @ParameterizedTest
    @ValueSource(strings = {"blog-articles", "announcements-table", "day-groups", "teasers-with-decoy", "press-flat",
        "german-teasers"})
    void theStructureAloneFindsTheRecords(String page) {
        List<NewsItemDraft> items = new DomRecordReader(new DateGrammar()).read(Jsoup.parse(read(page + ".html")),
                PAGE_URL);

        assertThat(items).hasSize(expected(page).size());
    }

    @Test
    void theSummaryIsTheRecordsOtherTextWithoutTitleDateOrReadMoreLinks() {
        List<NewsItemDraft> items = splitter.splitHtml(read("blog-articles.html"), PAGE_URL);

        assertThat(items).extracting(NewsItemDraft::body).containsExactly(
                "Three gauges now report the water level every minute.",
                "Boats leave every half hour from June to September.",
                "The channel is open again for vessels of every size.");
    }

    @Test
    void aFlatListTakesTheParagraphAfterEachHeadingAsItsSummary() {
        List<NewsItemDraft> items = splitter.splitHtml(read("press-flat.html"), PAGE_URL);

        assertThat(items).extracting(NewsItemDraft::body).containsExactly(
                "The ferry will run all year from next spring.", "The bill now goes to the full Senate.",
                "Local crews were heard, the senator said.");
    }

    @Test
    void aDatedParagraphTakesTheUndatedParagraphsAfterItAndAScriptLinkStillGivesItsTitle() {
        List<NewsItemDraft> items = splitter.splitHtml(read("dated-paragraphs.html"), PAGE_URL);

        assertThat(items).extracting(item -> item.date() + " | " + item.title() + " | " + item.link() + " | "
                + item.body()).containsExactly(
                "2024-05-14 | Green buoy at the north entrance moved | https://port.example.org/notices/buoy-moved"
                        + " | The buoy now lies forty metres further east.",
                "2024-05-09 | Dredging in the inner basin | null"
                        + " | Dredgers work by night until the end of the month.\n\nKeep clear of the marked area.",
                "2024-05-02 | Light on the west pier out of order | https://port.example.org/notices/light-out"
                        + " | A temporary light has been set up on the pier head.");
    }

    @Test
    void aTeaserKeepsItsPromoButNotItsDateLine() {
        NewsItemDraft first = splitter.splitHtml(read("teasers-with-decoy.html"), PAGE_URL).get(0);

        assertThat(first.body()).isEqualTo("They cost little to keep and visitors love them.");
    }

    @Test
    void aPageWithoutRepeatedRecordsIsReadAsText() {
        String html = read("no-records.html");

        assertThat(new DomRecordReader(new DateGrammar()).read(Jsoup.parse(html), PAGE_URL)).isEmpty();
        assertThat(splitter.splitHtml(html, PAGE_URL))
                .extracting(item -> item.date() + " | " + item.title())
                .containsExactly("2020-03-04 | Port authority opens a second container terminal");
    }

    @Test
    void relativeDatesAloneAreNoRecordsAndTheTextReaderDecides() {
        String html = read("relative-dates.html");

        assertThat(new DomRecordReader(new DateGrammar()).read(Jsoup.parse(html), PAGE_URL)).isEmpty();
        assertThat(splitter.splitHtml(html, PAGE_URL)).isEqualTo(textReading(html));
    }

    @Test
    void withoutAPageAddressRelativeLinksStayAsWrittenAndBaseStillApplies() {
        assertThat(splitter.splitHtml(read("press-flat.html"), null)).extracting(NewsItemDraft::link)
                .containsExactly("/press/ferry-funding", "/press/lighthouse", "/press/fishing-quotas");
        assertThat(splitter.splitHtml(read("announcements-table.html"), null)).extracting(NewsItemDraft::link)
                .first().isEqualTo("https://port.example.cn/info/notice/0301.html");
    }

    @Test
    void aDayHeaderRowInATableDatesTheRowsBelowIt() {
        String html = "<table class=\"log\"><tr class=\"day\"><th colspan=\"2\">Monday, 3 June 2024</th></tr>"
                + "<tr class=\"entry\"><td><a href=\"/a\">Crane inspection finished</a></td><td>cargo</td></tr>"
                + "<tr class=\"entry\"><td><a href=\"/b\">Berth four reopened</a></td><td>berths</td></tr>"
                + "<tr class=\"day\"><th colspan=\"2\">Sunday, 2 June 2024</th></tr>"
                + "<tr class=\"entry\"><td><a href=\"/c\">Night shift report</a></td><td>staff</td></tr></table>";

        assertThat(splitter.splitHtml(html, PAGE_URL))
                .extracting(item -> item.date() + " " + item.title() + " " + item.link() + " " + item.body())
                .containsExactly("2024-06-03 Crane inspection finished https://port.example.org/a cargo",
                        "2024-06-03 Berth four reopened https://port.example.org/b berths",
                        "2024-06-02 Night shift report https://port.example.org/c staff");
    }

    @Test
    void aLongListOfRecordsIsReadInLinearTime() {
        StringBuilder html = new StringBuilder("<html><body><ul class=\"news\">");
        int rows = 20_000;
        for (int i = 0; i < rows; i++) {
            html.append("<li class=\"item item-").append(i).append("\"><a href=\"/n/").append(i)
                    .append("\">Harbour notice number ").append(i).append("</a> <span class=\"date\">")
                    .append(1 + i % 28).append(" May 2024</span><p>Short text of the notice.</p></li>");
        }
        html.append("</ul></body></html>");

        // about half a second of CPU; the guard is HostileInputTest's, generous for a loaded machine
        List<NewsItemDraft> items = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> splitter.splitHtml(html.toString(), PAGE_URL));

        assertThat(items).hasSize(rows);
        assertThat(items.get(rows - 1).title()).isEqualTo("Harbour notice number " + (rows - 1));
    }

    private List<NewsItemDraft> textReading(String html) {
        HtmlLines.Page page = HtmlLines.read(html, PAGE_URL);
        return new ListingLayout(new DateGrammar()).assemble(page.lines()).stream()
                .map(item -> new NewsItemDraft(item.date(), item.endDate(), item.title(), item.body(),
                        item.link() == null ? null : DocumentSplitter.absolute(page.baseUrl(), item.link()),
                        item.place()))
                .toList();
    }

    private static List<String> expected(String page) {
        return read(page + ".expected").lines().filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
    }

    private static String read(String name) {
        try {
            Path path = Path.of(DomRecordReaderTest.class.getResource("/fixtures/html-records/" + name).toURI());
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
