package org.syndication.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Untrusted input: nothing throws, garbage yields no items, control characters never reach an item, and multi-MB
 * inputs built to make a backtracking parser explode finish in linear time. The time limits are generous guards
 * against a super-linear blow-up (minutes), not measurements; figures come from the benchmarks module.
 */
class HostileInputTest {

    private static final int FIVE_MB = 5 * 1024 * 1024;
    private static final Duration LINEAR_TIME_GUARD = Duration.ofSeconds(60);

    private final DocumentSplitter splitter = new DocumentSplitter();

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n\n\t", "\u0000\u0001\u0002", "<html></html>", "<<<>>>", "no dates here at all"})
    void emptyOrDatelessInputYieldsNoItems(String input) {
        assertThat(splitter.splitText(input)).isEmpty();
        assertThat(splitter.splitHtml(input, null)).isEmpty();
    }

    @Test
    void nullInputYieldsNoItems() {
        assertThat(splitter.splitText(null)).isEmpty();
        assertThat(splitter.splitHtml(null, null)).isEmpty();
    }

    @Test
    void binaryGarbageYieldsNoItemsAndNeverThrows() {
        Random random = new Random(4L);
        for (int i = 0; i < 20; i++) {
            byte[] bytes = new byte[random.nextInt(64 * 1024)];
            random.nextBytes(bytes);
            for (String decoded : List.of(new String(bytes, StandardCharsets.ISO_8859_1), new String(bytes, StandardCharsets.UTF_8))) {
                assertThat(splitter.splitText(decoded)).isNotNull();
                assertThat(splitter.splitHtml(decoded, "http://example.org/")).isNotNull();
            }
        }
    }

    @Test
    void controlCharactersAreStrippedAndChangeNothingElse() {
        String page = PageFixtures.read("003_189b2c35540da2f4.txt");
        String dirty = page.replace("Image ©", "Image\u0000 ©\u0007").replace(": ", ":\u001b ").replace(" the ", " the\u0008 ")
                .replace("\n", "\r\n");

        List<NewsItemDraft> clean = splitter.splitText(page);
        List<NewsItemDraft> items = splitter.splitText(dirty);

        assertThat(items).isEqualTo(clean);
        assertThat(items).allSatisfy(item -> assertThat(item.title() + item.body()).doesNotContainPattern("[\\x00-\\x08\\x0b-\\x1f\\x7f]"));
    }

    @Test
    void aFiveMegabyteListingIsSplitCompletely() {
        String page = PageFixtures.read("001_ca76045d2c7af8ae.txt");
        int copies = FIVE_MB / page.length() + 1;
        String huge = (page + "\n").repeat(copies);

        List<NewsItemDraft> items = assertTimeoutPreemptively(LINEAR_TIME_GUARD, () -> splitter.splitText(huge));

        assertThat(items).hasSize(37 * copies);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1 ", "1 8.", "© ", "Image © UNODC", "30.06 - ", "30 June - ", "July 30, ", ". ", "a",
        "Vienna, ", "3 March 2017: ", "1 January 2020\n", "more", "20 - 21 April 2017: Title\n"})
    void fiveMegabytesOfARepeatedTextPatternStayLinear(String unit) {
        String huge = unit.repeat(FIVE_MB / unit.length());

        assertThat(assertTimeoutPreemptively(LINEAR_TIME_GUARD, () -> splitter.splitText(huge))).isNotNull();
    }

    /** A line that looks like glued blocks everywhere and ends with a teaser's date: still read in linear time. */
    @ParameterizedTest
    @ValueSource(strings = {"abcdEfgh", "aB", "abcdEfgh ab ", "wordAbcd7000 ", "Wort1Ab "})
    void fiveMegabytesOfRunTogetherBlocksEndingWithADateStayLinear(String unit) {
        String huge = unit.repeat(FIVE_MB / unit.length()) + " 03.04.2017";

        assertThat(assertTimeoutPreemptively(LINEAR_TIME_GUARD, () -> splitter.splitText(huge))).isNotNull();
    }

    @Test
    void aFiveMegabyteHtmlListingIsSplitCompletely() {
        String item = "<div><p>3 March 2017 - Exchanges on Maritime Crime</p><p>Experts met in Brussels.</p></div>\n";
        int copies = FIVE_MB / item.length();
        String huge = "<html><body>" + item.repeat(copies) + "</body></html>";

        List<NewsItemDraft> items = assertTimeoutPreemptively(LINEAR_TIME_GUARD, () -> splitter.splitHtml(huge, null));

        assertThat(items).hasSize(copies);
    }

    /** A megabyte of unclosed elements: a tree a million levels deep for a naive parser. */
    @ParameterizedTest
    @ValueSource(strings = {"<div>", "<a href=\"x\">1 8.", "<b>© ", "<li><ul>"})
    void unclosedElementsRepeatedAMegabyteLongAreSurvived(String unit) {
        String huge = unit.repeat(1024 * 1024 / unit.length());

        assertThat(assertTimeoutPreemptively(LINEAR_TIME_GUARD, () -> splitter.splitHtml(huge, null))).isNotNull();
    }

    @Test
    void deeplyNestedHtmlStillYieldsItsItem() {
        int depth = 20_000;
        String html = "<html><body>" + "<div>".repeat(depth)
                + "<p>3 March 2017 - Exchanges on Maritime Crime</p><p>Experts met in Brussels.</p>"
                + "</div>".repeat(depth) + "</body></html>";

        List<NewsItemDraft> items = assertTimeoutPreemptively(LINEAR_TIME_GUARD, () -> splitter.splitHtml(html, null));

        assertThat(items).extracting(NewsItemDraft::title).containsExactly("Exchanges on Maritime Crime");
    }

    @Test
    void unclosedAndMalformedHtmlIsRead() {
        String html = "<div><p>3 March 2017 - Exchanges on Maritime Crime<p>Experts met <b>in <i>Brussels.</b>"
                + "<table><tr><td>10 February 2017 - Exchanges on post UNGASS 2016<td>Briefing";

        assertThat(splitter.splitHtml(html, null)).extracting(NewsItemDraft::title)
                .containsExactly("Exchanges on Maritime Crime", "Exchanges on post UNGASS 2016");
    }
}
