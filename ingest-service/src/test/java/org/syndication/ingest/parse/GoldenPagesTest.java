package org.syndication.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fixture page yields exactly the items written down by reading it: the five demo-corpus pages and small pages
 * of our own for every item-start format, HTML and press releases.
 */
class GoldenPagesTest {

    private final DocumentSplitter splitter = new DocumentSplitter();

    static Stream<String> pages() {
        return PageFixtures.pagesWithExpectations();
    }

    @ParameterizedTest
    @MethodSource("pages")
    void yieldsExactlyTheExpectedItemsInPageOrder(String page) {
        List<NewsItemDraft> items = PageFixtures.split(page);
        List<PageFixtures.Expected> expected = PageFixtures.expected(page);

        assertThat(items).extracting(item -> item.date() + " | " + (item.endDate() == null ? "-" : item.endDate())
                        + " | " + item.title())
                .containsExactlyElementsOf(expected.stream().map(PageFixtures.Expected::dateAndTitle).toList());
        for (int i = 0; i < expected.size(); i++) {
            PageFixtures.Expected want = expected.get(i);
            if (want.place() != null) {
                assertThat(items.get(i).place()).as("place of item %d", i).isEqualTo(noneAsNull(want.place()));
            }
            if (want.link() != null) {
                assertThat(items.get(i).link()).as("link of item %d", i).isEqualTo(noneAsNull(want.link()));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("pages")
    void chromeNeverLeaksIntoTitlesOrBodies(String page) {
        for (NewsItemDraft item : PageFixtures.split(page)) {
            assertThat(item.title()).doesNotContain("©").doesNotContainIgnoringCase("brochure")
                    .doesNotStartWithIgnoringCase("please see below");
            assertThat(item.body()).doesNotContain("©")
                    .doesNotContain("Follow the latest news on")
                    .doesNotContain("Please see below a non-exhaustive selection")
                    .doesNotContain("Read our past stories")
                    .doesNotEndWith("more")
                    .doesNotEndWith(":")
                    .doesNotContain("\n\n\n");
            assertThat(item.body().lines()).noneMatch(line -> line.equalsIgnoreCase("more"));
        }
    }

    @ParameterizedTest
    @MethodSource("pages")
    void everyItemHasABodyUnlessThePageGivesNone(String page) {
        List<NewsItemDraft> items = PageFixtures.split(page);
        List<PageFixtures.Expected> expected = PageFixtures.expected(page);
        for (int i = 0; i < items.size(); i++) {
            if (i < expected.size() && expected.get(i).noBody()) { // a one-line item: nothing may be invented for it
                assertThat(items.get(i).body()).as("body of item %d, which the page gives none", i).isBlank();
            } else {
                assertThat(items.get(i).body()).as("body of item %d", i).isNotBlank();
            }
        }
    }

    private static String noneAsNull(String value) {
        return "-".equals(value) ? null : value;
    }
}
