package org.syndication.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * HTML input is read the same way as text: the same page as markup, preformatted or tag-less gives the same items;
 * and one splitter is safe to share between threads.
 */
class HtmlReadingTest {

    private final DocumentSplitter splitter = new DocumentSplitter();

    @ParameterizedTest
    @ValueSource(strings = {"000_5aa403e693b62d07.txt", "001_ca76045d2c7af8ae.txt", "002_aaf518472af81e6e.txt",
        "003_189b2c35540da2f4.txt", "004_0ef31894ef542dc6.txt"})
    void aCorpusPageAsParagraphsGivesTheItemsOfTheText(String page) {
        String text = PageFixtures.read(page);
        String html = "<html><body><nav><a href=\"/\">Home</a> <a href=\"/news\">3 March 2017 - News</a></nav><main>"
                + text.lines().filter(line -> !line.isBlank()).map(line -> "<p>" + escape(line) + "</p>")
                        .collect(Collectors.joining("\n"))
                + "</main><footer>© UNODC 2024</footer></body></html>";

        assertThat(datesAndTitles(splitter.splitHtml(html, null))).isEqualTo(datesAndTitles(splitter.splitText(text)));
    }

    @Test
    void preformattedTextKeepsItsLines() {
        String html = "<html><body><pre>3 March 2017 - Exchanges on Maritime Crime\nExperts met in Brussels.\n"
                + "10 February 2017 - Exchanges on post UNGASS 2016\nA briefing took place.</pre></body></html>";

        assertThat(splitter.splitHtml(html, null)).extracting(NewsItemDraft::title)
                .containsExactly("Exchanges on Maritime Crime", "Exchanges on post UNGASS 2016");
    }

    @Test
    void textWithoutAnyTagIsReadAsText() {
        String text = PageFixtures.read("003_189b2c35540da2f4.txt");

        assertThat(splitter.splitHtml(text, null)).isEqualTo(splitter.splitText(text));
    }

    @Test
    void linksAreResolvedAgainstThePageAddress() {
        String html = "<p>3 March 2017 - <a href=\"../news/maritime crime.html\">Exchanges on Maritime Crime</a></p>"
                + "<p>Experts met.</p>";

        assertThat(splitter.splitHtml(html, "https://www.unodc.org/brussels/en/index.html"))
                .extracting(NewsItemDraft::link)
                .containsExactly("https://www.unodc.org/brussels/news/maritime%20crime.html");
        assertThat(splitter.splitHtml(html, null)).extracting(NewsItemDraft::link)
                .containsExactly("../news/maritime crime.html");
    }

    @Test
    void oneSplitterServesManyThreadsAtOnce() throws Exception {
        String text = PageFixtures.read("001_ca76045d2c7af8ae.txt");
        String html = PageFixtures.read("html-listing.html");
        List<NewsItemDraft> textItems = splitter.splitText(text);
        List<NewsItemDraft> htmlItems = splitter.splitHtml(html, PageFixtures.PAGE_URL);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> runs = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                boolean asHtml = i % 2 == 0;
                runs.add(pool.submit(() -> asHtml
                        ? splitter.splitHtml(html, PageFixtures.PAGE_URL).equals(htmlItems)
                        : splitter.splitText(text).equals(textItems)));
            }
            for (Future<Boolean> run : runs) {
                assertThat(run.get(60, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> datesAndTitles(List<NewsItemDraft> items) {
        return items.stream().map(item -> item.date() + " " + item.endDate() + " " + item.title()).toList();
    }

    private static String escape(String line) {
        return line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
